using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Persistence;

/// <summary>Applies the hand-written migrations (web start, <c>motcua migrate</c>, tests).</summary>
public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations and returns the ids applied now (empty when already up to date).</summary>
    /// <remarks>
    /// EF Core takes a database-wide migration lock, so several web nodes starting together are safe. On a brand-new
    /// PostgreSQL database Npgsql logs "Failed executing DbCommand … __EFMigrationsHistory" before it creates that
    /// table; the message is spurious and the migration succeeds (npgsql/efcore.pg#3407).
    /// </remarks>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct);
        }

        if (pending.Contains(Migrations.AppendOnlyAudit.Id))
        {
            // Reads logged before the read log was hash-chained are chained once, oldest first (see the migration).
            await Dossiers.PersonalDataReadLog.SealUnchainedAsync(db, ct);
        }

        return pending;
    }

    /// <summary>The ids of the migrations not yet applied to the database.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. await db.Database.GetPendingMigrationsAsync(ct)];
    }

    /// <summary>Resolves <see cref="AppDbContext"/> in a new scope and migrates it.</summary>
    public static async Task<IReadOnlyList<string>> MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return await MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
    }
}
