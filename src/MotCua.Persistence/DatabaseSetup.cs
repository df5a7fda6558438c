using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotCua.Persistence.Seeding;
using Npgsql;

namespace MotCua.Persistence;

/// <summary>Registers <see cref="AppDbContext"/> on the configured provider; shared by the web app, the CLI and the tests.</summary>
public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/>, <see cref="DatabaseOptions"/> and <see cref="DatabaseSeeder"/> from
    /// configuration (see <see cref="DatabaseOptions.FromConfiguration"/>).
    /// </summary>
    public static IServiceCollection AddMotCuaDatabase(this IServiceCollection services, IConfiguration configuration, string contentRootPath) =>
        services.AddMotCuaDatabase(DatabaseOptions.FromConfiguration(configuration, contentRootPath));

    /// <summary>
    /// Registers <see cref="AppDbContext"/>, <see cref="DatabaseOptions"/> and <see cref="DatabaseSeeder"/>, reading the
    /// options from the host's <see cref="IConfiguration"/> and content root when first resolved (so test hosts can
    /// override configuration after Program has registered its services).
    /// </summary>
    public static IServiceCollection AddMotCuaDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        // Pooled: a context per request costs its construction and service resolution otherwise (AppDbContext holds no
        // state of its own; EF restores the constructor's settings when a context returns to the pool).
        services.AddDbContextPool<AppDbContext>((sp, builder) => Configure(builder, sp.GetRequiredService<DatabaseOptions>()));
        services.AddScoped<DatabaseSeeder>();
        return services;
    }

    /// <summary>Registers <see cref="AppDbContext"/>, <paramref name="options"/> and <see cref="DatabaseSeeder"/>.</summary>
    public static IServiceCollection AddMotCuaDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddDbContextPool<AppDbContext>(builder => Configure(builder, options));
        services.AddScoped<DatabaseSeeder>();
        return services;
    }

    /// <summary>Points <paramref name="builder"/> at the database described by <paramref name="options"/>.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(options.ConnectionString);
                builder.UseSqlite(options.ConnectionString);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(WithPoolingDefaults(options.ConnectionString));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }

        // The migrations are hand-written and have no model snapshot, so EF would always report pending model
        // changes and refuse to migrate. The schema is checked instead by MigratedSchemaMatchesModel in the
        // integration tests, on both providers.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }

    /// <summary>Creates a context outside dependency injection (CLI, tests).</summary>
    public static AppDbContext CreateContext(DatabaseOptions options) =>
        new(Configure(new DbContextOptionsBuilder<AppDbContext>(), options).Options as DbContextOptions<AppDbContext>
            ?? throw new InvalidOperationException("Unexpected options type."));

    /// <summary>The server defaults MotCua adds to a PostgreSQL connection string, unless it names them itself: automatic
    /// prepared statements and no session reset when a connection goes back to the pool.</summary>
    /// <remarks>Every request runs the same few statements, so PostgreSQL can skip parsing and planning them (the
    /// statements live per pooled connection). The reset (<c>RESET ALL</c>, <c>SET SESSION AUTHORIZATION DEFAULT</c>,
    /// advisory unlocks …) ran two or three times per request, once per pool return, for session state MotCua never
    /// sets: its contexts issue no <c>SET</c>, temporary tables, <c>LISTEN</c> or session advisory locks. A migration that
    /// changes a column's type under a running node can make one of that node's prepared statements fail once; nodes are
    /// restarted on every upgrade, which applies the migrations first (<c>DatabaseStartup</c>).</remarks>
    public static string WithPoolingDefaults(string connectionString)
    {
        // Npgsql accepts each keyword with or without spaces ("Max Auto Prepare", "MaxAutoPrepare"), in any case.
        var named = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!named.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!named.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (Path.IsPathRooted(dataSource) && Path.GetDirectoryName(dataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
