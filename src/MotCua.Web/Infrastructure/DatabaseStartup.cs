using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.Web.Infrastructure;

/// <summary>Migrates at start, seeds the demo into an empty database when allowed, and prints how to sign in.</summary>
public static partial class DatabaseStartup
{
    /// <summary>
    /// Applies migrations, seeds the reference data (roles, procedure catalogue), and seeds the demo preset when the database has no units and
    /// <c>Seed:Demo</c> is true (default: true in Development and on the default SQLite file).
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var seedDemo = app.Configuration.GetValue<bool?>("Seed:Demo") ?? (app.Environment.IsDevelopment() || options.IsDefaultSqliteFile);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var applied = await DatabaseMigrator.MigrateAsync(db, ct);
        LogMigrated(logger, options.Provider, applied.Count);

        var seeder = scope.ServiceProvider.GetRequiredService<DatabaseSeeder>();
        seeder.IncludeDemoDossiers = app.Configuration.GetValue("Seed:DemoDossiers", true);
        var reference = await seeder.SeedReferenceDataAsync(ct);
        LogCatalogue(logger, reference.Catalogue.VersionsAdded, reference.Catalogue.VersionsClosed);
        if (seedDemo && !await seeder.HasUnitsAsync(ct))
        {
            var result = await seeder.SeedAsync(DemoData.Preset, ct);
            LogSeeded(logger, result.UnitsAdded, result.DesksAdded, result.UsersAdded);
        }

        var demoAdminId = DemoData.UserId(DemoData.Users[0].Email);
        var hasDemoUsers = await db.Users.AnyAsync(u => u.Id == demoAdminId, ct);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, options, hasDemoUsers));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Provider}: {Count} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Procedure catalogue: {Added} version(s) added, {Closed} closed")]
    private static partial void LogCatalogue(ILogger logger, int added, int closed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Units} units, {Desks} desks, {Users} users")]
    private static partial void LogSeeded(ILogger logger, int units, int desks, int users);

    private static void PrintBanner(WebApplication app, DatabaseOptions options, bool hasDemoUsers)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "MotCua đang chạy (is running) at:" };
        lines.AddRange(addresses.Select(a => "  " + a));
        lines.Add($"  Database: {options.Provider}");
        if (hasDemoUsers)
        {
            lines.Add($"Demo logins (development only) — password for all: {DemoData.Password}");
            lines.AddRange(DemoData.Users.Select(u => $"  {u.Email,-26} {u.Role}"));
        }

        lines.Add("");
        // Console, not the logger: this is the operator's sign-in hint, and demo accounts are not personal data.
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
