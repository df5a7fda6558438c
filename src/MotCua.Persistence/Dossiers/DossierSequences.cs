using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MotCua.Persistence.Dossiers;

/// <summary>Gap-free, duplicate-free numbering: dossier-code sequences per receiving unit and Vietnam date, register-book
/// numbers per desk and year.</summary>
/// <remarks>
/// <para>Each call is one upsert that increments the counter row and returns the new value (<c>RETURNING</c>, on both
/// providers; SQLite has it since 3.35), inside the caller's transaction, which must also insert the numbered row. On PostgreSQL the upsert (<c>INSERT … ON CONFLICT … DO UPDATE</c>) locks the
/// counter row until commit, so concurrent receipts at one unit queue on it; on SQLite
/// <see cref="BeginAsync"/> opens the transaction with <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default for a
/// non-deferred transaction), taking the database write lock before anything is read. A rollback undoes the increment,
/// so a failed receipt leaves no gap. Past 9999 a day the sequence simply continues (see <c>DossierCode</c>).</para>
/// </remarks>
public static class DossierSequences
{
    /// <summary>Opens the transaction that allocates numbers and inserts the numbered rows.</summary>
    public static Task<IDbContextTransaction> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.BeginTransactionAsync(ct);
    }

    /// <summary>The next dossier-code sequence of <paramref name="unitId"/> on <paramref name="date"/>.</summary>
    public static Task<int> NextCodeSequenceAsync(AppDbContext db, Guid unitId, DateOnly date, CancellationToken ct) => NextAsync(db,
            $"""
            INSERT INTO "DossierCodeCounters" ("UnitId", "Date", "LastSequence") VALUES ({unitId}, {date}, 1)
            ON CONFLICT ("UnitId", "Date") DO UPDATE SET "LastSequence" = "DossierCodeCounters"."LastSequence" + 1
            RETURNING "LastSequence" AS "Value"
            """, ct);

    /// <summary>The next register-book number (Form 06) of <paramref name="deskId"/> in <paramref name="year"/>.</summary>
    public static Task<int> NextRegisterNumberAsync(AppDbContext db, Guid deskId, int year, CancellationToken ct) => NextAsync(db,
            $"""
            INSERT INTO "RegisterBookCounters" ("DeskId", "Year", "LastNumber") VALUES ({deskId}, {year}, 1)
            ON CONFLICT ("DeskId", "Year") DO UPDATE SET "LastNumber" = "RegisterBookCounters"."LastNumber" + 1
            RETURNING "LastNumber" AS "Value"
            """, ct);

    /// <summary>Runs <paramref name="work"/> (which opens and commits its own transaction on a fresh context state) and
    /// retries it when SQLite reports the database busy or PostgreSQL a serialization failure or deadlock.</summary>
    public static async Task<T> RetryOnBusyAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct, int attempts = 20)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (Exception e) when (attempt < attempts && DatabaseErrors.IsTransientConflict(e))
            {
                // Jittered backoff so that queued writers do not retry in lock step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), ct);
            }
        }
    }

    // Runs one counter upsert (... RETURNING the new value AS "Value") in the caller's transaction. ToListAsync, not
    // SingleAsync: composing would make EF wrap the INSERT in a SELECT, which neither database accepts.
    private static async Task<int> NextAsync(AppDbContext db, FormattableString upsert, CancellationToken ct)
    {
        RequireTransaction(db);
        var values = await db.Database.SqlQuery<int>(upsert).ToListAsync(ct);
        return values.Count == 1 ? values[0] : throw new InvalidOperationException($"A counter upsert returned {values.Count} rows.");
    }

    private static void RequireTransaction(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Numbers are allocated inside the transaction that inserts the numbered row.");
        }
    }
}
