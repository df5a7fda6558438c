using Microsoft.EntityFrameworkCore;

namespace MotCua.Persistence.Dossiers;

/// <summary>A fixed-window counter of second-factor attempts of the public dossier lookup, per key (a dossier code or
/// a pseudonymised client address). Stored in the database so that every web node enforces one limit.</summary>
public sealed class PublicLookupAttempt
{
    public const int KeyMaxLength = 100;

    /// <summary><c>code:&lt;dossier code&gt;</c> or <c>client:&lt;SHA-256 of the address&gt;</c>; never a raw address.</summary>
    public string Key { get; set; } = "";

    /// <summary>The start of the counting window, in Unix seconds (an integer compares the same on both providers,
    /// in raw SQL and in LINQ).</summary>
    public long WindowStart { get; set; }

    /// <summary>Unverified attempts in the window.</summary>
    public int Count { get; set; }
}

/// <summary>Atomic counter operations on <see cref="PublicLookupAttempt"/> (one statement each, both providers).</summary>
public static class PublicLookupAttempts
{
    /// <summary>Counts one attempt under <paramref name="key"/> in the window starting at <paramref name="windowStart"/>
    /// and returns the new count. The upsert is atomic, so concurrent attempts on several nodes are all counted.</summary>
    public static async Task<int> TakeAsync(AppDbContext db, string key, long windowStart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // ToListAsync, not SingleAsync: composing would make EF wrap the INSERT in a SELECT, which neither database accepts.
        var values = await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "PublicLookupAttempts" ("Key", "WindowStart", "Count") VALUES ({key}, {windowStart}, 1)
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "PublicLookupAttempts"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        return values.Count == 1 ? values[0] : throw new InvalidOperationException($"A counter upsert returned {values.Count} rows.");
    }

    /// <summary>Gives back an attempt that succeeded: only failures count against the limit.</summary>
    public static Task<int> GiveBackAsync(AppDbContext db, string key, long windowStart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PublicLookupAttempts.Where(a => a.Key == key && a.WindowStart == windowStart && a.Count > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Count, a => a.Count - 1), ct);
    }

    /// <summary>Deletes the counters of windows that started before <paramref name="before"/>.</summary>
    public static Task<int> PurgeAsync(AppDbContext db, long before, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PublicLookupAttempts.Where(a => a.WindowStart < before).ExecuteDeleteAsync(ct);
    }
}
