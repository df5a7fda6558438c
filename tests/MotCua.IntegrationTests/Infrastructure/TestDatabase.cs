using Microsoft.Data.Sqlite;
using MotCua.Persistence;
using Npgsql;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database for one test: a temporary SQLite file or a new PostgreSQL database on the server named by
/// <c>MOTCUA_TEST_POSTGRES</c>. Migrated databases are cloned from a template migrated once per test run
/// (a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL). Disposing drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string TempFolder = Path.Combine(Path.GetTempPath(), "motcua-tests");
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Dictionary<DatabaseProvider, string> Templates = [];

    private readonly string _name;

    private TestDatabase(DatabaseProvider provider, string name, string connectionString)
    {
        _name = name;
        Options = new DatabaseOptions(provider, connectionString);
    }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>Options for <see cref="DatabaseSetup"/>; hand them to the web factory or the CLI.</summary>
    public DatabaseOptions Options { get; }

    public string ConnectionString => Options.ConnectionString;

    /// <summary>A database with every migration applied and no data.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider, CancellationToken ct = default)
    {
        await TemplateLock.WaitAsync(ct);
        try
        {
            if (!Templates.TryGetValue(provider, out var template))
            {
                template = await CreateTemplateAsync(provider, ct);
                Templates[provider] = template;
            }

            return provider == DatabaseProvider.Sqlite
                ? CloneSqlite(template)
                : await CreatePostgresAsync($"TEMPLATE \"{template}\"", ct);
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>An empty database without any migration applied (for migration tests).</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider, CancellationToken ct = default) =>
        provider == DatabaseProvider.Sqlite ? CreateSqlite() : await CreatePostgresAsync("", ct);

    public AppDbContext CreateContext() => DatabaseSetup.CreateContext(Options);

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_name);
            return;
        }

        await DropPostgresAsync(_name, ConnectionString);
    }

    private static TestDatabase CreateSqlite()
    {
        Directory.CreateDirectory(TempFolder);
        var path = Path.Combine(TempFolder, $"motcua_test_{Guid.NewGuid():N}.db");
        // No pooling: the file is deleted on dispose, and pooled handles would keep it open.
        return new TestDatabase(DatabaseProvider.Sqlite, path, $"Data Source={path};Pooling=False");
    }

    private static TestDatabase CloneSqlite(string templatePath)
    {
        var database = CreateSqlite();
        File.Copy(templatePath, database._name);
        return database;
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string templateClause, CancellationToken ct)
    {
        var admin = AdminConnectionString();
        var name = $"motcua_test_{Guid.NewGuid():N}";
        await ExecuteAdminAsync(admin, $"CREATE DATABASE \"{name}\" {templateClause}", ct);
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, name, builder.ConnectionString);
    }

    private static async Task<string> CreateTemplateAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var empty = await CreateEmptyAsync(provider, ct);
        await using (var db = empty.CreateContext())
        {
            await DatabaseMigrator.MigrateAsync(db, ct);
        }

        // A template must have no open sessions when it is cloned.
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            ClearPostgresPools(empty.ConnectionString);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => empty.DisposeAsync().AsTask().GetAwaiter().GetResult();

        return empty._name;
    }

    private static string AdminConnectionString() =>
        TestEnvironment.PostgresAdminConnectionString
        ?? throw new InvalidOperationException(
            $"PostgreSQL is required ({TestEnvironment.RequireAllVariable}=1) but {TestEnvironment.PostgresVariable} is not set.");

    // The app's contexts connect with DatabaseSetup.WithPoolingDefaults's string, which is a pool of its own.
    private static void ClearPostgresPools(string connectionString)
    {
        foreach (var pooled in new[] { connectionString, DatabaseSetup.WithPoolingDefaults(connectionString) })
        {
            using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static async Task DropPostgresAsync(string name, string connectionString)
    {
        ClearPostgresPools(connectionString);

        await ExecuteAdminAsync(AdminConnectionString(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAdminAsync(string adminConnectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
