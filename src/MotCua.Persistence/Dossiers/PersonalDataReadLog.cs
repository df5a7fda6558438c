using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;

namespace MotCua.Persistence.Dossiers;

/// <summary>The hash chain over one dossier's personal-data read log (<see cref="PersonalDataAccess"/>), built like the
/// dossier history's (<see cref="Domain.Dossiers.DossierHistoryChain"/>).</summary>
/// <remarks>Canonical fields, in order: version tag, dossier id, sequence, instant ticks (UTC), reader id, purpose,
/// previous hash. The head (<see cref="PersonalDataAccessHead"/>) keeps the last hash, so a removed last entry is
/// detected too.</remarks>
public static class PersonalDataAccessChain
{
    private const string FormatTag = "motcua.personal-data-access.v1";

    /// <summary>The hash of <paramref name="entry"/> from its fields and <see cref="PersonalDataAccess.PreviousHash"/>.</summary>
    public static string ComputeHash(PersonalDataAccess entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = HashChain.Begin(FormatTag);
        HashChain.Field(text, entry.DossierId.ToString("D"));
        HashChain.Field(text, entry.Sequence);
        HashChain.Field(text, entry.At.Ticks);
        HashChain.Field(text, entry.UserId.ToString("D"));
        HashChain.Field(text, entry.Purpose);
        HashChain.Field(text, entry.PreviousHash);
        return HashChain.Hash(text);
    }

    /// <summary>Checks one dossier's read log, ordered by sequence, against its head hash (empty when there is no head).</summary>
    /// <returns>The index of the first broken entry (the entry count when the head does not match), or
    /// <see langword="null"/> if the chain is intact.</returns>
    public static int? Verify(IReadOnlyList<PersonalDataAccess> entries, string headHash)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var first = entries.Count > 0 ? entries[0].DossierId : Guid.Empty;
        return HashChain.Verify(
            entries, e => (e.DossierId == first ? e.Sequence : -1, e.PreviousHash, e.Hash), ComputeHash, headHash);
    }
}

/// <summary>Appends staff reads of personal data to the per-dossier hash-chained read log.</summary>
/// <remarks>
/// <para><b>Why one chain per dossier.</b> A single global chain would make every logged read in the province queue on
/// one lock (its head). Per dossier, two writers only meet when two staff members read the same dossier at the same
/// moment, and verification walks dossier by dossier like the history.</para>
/// <para><b>Concurrent writers cannot fork a chain.</b> One transaction locks the dossier's head row, computes the
/// entry from it, inserts the entry and moves the head, and commits: on PostgreSQL <c>SELECT … FOR UPDATE</c> (heads
/// locked in id order, so a register-book read of many dossiers cannot deadlock with single reads); on SQLite the
/// transaction starts with <c>BEGIN IMMEDIATE</c>, which takes the database write lock first. A dossier read for the
/// first time gets an empty head (<c>LastSequence</c> -1) with <c>INSERT … ON CONFLICT DO NOTHING</c> before the lock.
/// Writers of one dossier therefore queue instead of failing; the head's concurrency token and the unique
/// (<c>DossierId</c>, <c>Sequence</c>) index stay as a second line of defence, and a busy, deadlock or lost-race
/// error retries the whole append.</para>
/// </remarks>
public static class PersonalDataReadLog
{
    private const int Attempts = 20;
    private const int Batch = 500;

    /// <summary>Logs one read of <paramref name="dossierId"/>'s personal data by <paramref name="userId"/>.</summary>
    public static Task AppendAsync(AppDbContext db, Guid userId, Guid dossierId, DateTime atUtc, string purpose, CancellationToken ct) =>
        AppendAsync(db, [new PersonalDataAccess { UserId = userId, DossierId = dossierId, At = atUtc, Purpose = purpose }], ct);

    /// <summary>Logs <paramref name="reads"/> (any dossiers) in one transaction; saves whatever else the context tracks.</summary>
    public static async Task AppendAsync(AppDbContext db, IReadOnlyCollection<PersonalDataAccess> reads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reads);
        if (reads.Count == 0)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var heads = await LockHeadsAsync(db, reads.Select(r => r.DossierId), ct);
                foreach (var read in reads)
                {
                    read.Id = 0;
                    Chain(heads[read.DossierId], read);
                    db.PersonalDataAccessLog.Add(read);
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < Attempts && IsLostRace(e))
            {
                Forget(db);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10) * attempt), ct);
            }
            catch
            {
                Forget(db);
                throw;
            }
        }
    }

    /// <summary>Logs <paramref name="reads"/> as unsealed rows (empty <c>Hash</c>, a unique negative placeholder
    /// <c>Sequence</c>) in one insert without touching the chains' heads; <see cref="SealUnchainedAsync"/> (the
    /// <c>read-log-seal</c> job, every few seconds) chains them. For reads of many dossiers at once (a work list page, the
    /// register book): chaining them on the request made every viewer of the same list queue on the same heads
    /// (docs/benchmarks.md, issue 8 follow-up). Saves whatever else the context tracks.</summary>
    public static async Task EnqueueAsync(AppDbContext db, IReadOnlyCollection<PersonalDataAccess> reads, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reads);
        for (var attempt = 1; ; attempt++)
        {
            foreach (var read in reads)
            {
                read.Id = 0;
                // Placeholders only need to differ from the dossier's other unsealed rows (a handful at a time), so a
                // random negative number is enough; a collision is a unique violation, retried with new numbers.
                read.Sequence = -Random.Shared.Next(1, int.MaxValue);
                read.PreviousHash = "";
                read.Hash = "";
                db.PersonalDataAccessLog.Add(read);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < Attempts && IsLostRace(e))
            {
                Forget(db);
            }
            catch
            {
                Forget(db);
                throw;
            }
        }
    }

    /// <summary>Chains the rows written before the read log was hash-chained (empty <c>Hash</c>), oldest first, onto
    /// their dossiers' chains. Run by <see cref="DatabaseMigrator"/> right after the migration that added the chain
    /// and then by the <c>read-log-seal</c> job for <see cref="EnqueueAsync"/>'s rows; the triggers allow exactly this one
    /// update of an unsealed row.</summary>
    /// <remarks>The candidates are re-read after their heads are locked, so two sealers (or a sealer and a synchronous
    /// append) never chain the same row twice or fork a chain.</remarks>
    /// <returns>How many rows were sealed.</returns>
    public static async Task<int> SealUnchainedAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sealedCount = 0;
        while (true)
        {
            var candidates = await db.PersonalDataAccessLog.AsNoTracking().Where(r => r.Hash == "").OrderBy(r => r.Id).Take(Batch)
                .Select(r => new { r.Id, r.DossierId }).ToListAsync(ct);
            if (candidates.Count == 0)
            {
                return sealedCount;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var heads = await LockHeadsAsync(db, candidates.Select(r => r.DossierId), ct);
            var ids = candidates.Select(c => c.Id).ToList();
            var rows = await db.PersonalDataAccessLog.Where(r => ids.Contains(r.Id) && r.Hash == "").OrderBy(r => r.Id).ToListAsync(ct);
            foreach (var row in rows)
            {
                Chain(heads[row.DossierId], row);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            sealedCount += rows.Count;
        }
    }

    private static void Chain(PersonalDataAccessHead head, PersonalDataAccess read)
    {
        read.Sequence = head.LastSequence + 1;
        read.PreviousHash = head.Hash;
        read.Hash = PersonalDataAccessChain.ComputeHash(read);
        head.LastSequence = read.Sequence;
        head.Hash = read.Hash;
    }

    // The heads of these dossiers, tracked and locked until the transaction ends; missing heads are created empty.
    private static async Task<Dictionary<Guid, PersonalDataAccessHead>> LockHeadsAsync(AppDbContext db, IEnumerable<Guid> dossierIds, CancellationToken ct)
    {
        var ids = dossierIds.Distinct().Order().ToList();
        var heads = await SelectForUpdateAsync(db, ids, ct);
        var missing = ids.Where(id => !heads.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return heads;
        }

        foreach (var chunk in missing.Chunk(Batch))
        {
            // One multi-row insert per chunk; the ids are parameters ({0}, {1} …), never SQL text.
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{i}}}, -1, '')"));
            await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(
                $"""INSERT INTO "PersonalDataAccessHeads" ("DossierId", "LastSequence", "Hash") VALUES {values} ON CONFLICT ("DossierId") DO NOTHING""",
                [.. chunk.Cast<object>()]), ct);
        }

        foreach (var (id, head) in await SelectForUpdateAsync(db, missing, ct))
        {
            heads[id] = head;
        }

        return heads;
    }

    private static async Task<Dictionary<Guid, PersonalDataAccessHead>> SelectForUpdateAsync(AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var heads = new Dictionary<Guid, PersonalDataAccessHead>();
        foreach (var chunk in ids.Chunk(Batch))
        {
            var query = db.Database.IsNpgsql()
                ? db.PersonalDataAccessHeads.FromSql(
                    $"""SELECT * FROM "PersonalDataAccessHeads" WHERE "DossierId" = ANY({chunk}) ORDER BY "DossierId" FOR UPDATE""")
                : db.PersonalDataAccessHeads.Where(h => chunk.Contains(h.DossierId));
            foreach (var head in await query.ToListAsync(ct))
            {
                heads[head.DossierId] = head;
            }
        }

        return heads;
    }

    private static void Forget(AppDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(x => x.Entity is PersonalDataAccess or PersonalDataAccessHead).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    // A deadlock or busy database, or a lost race that the lock should have prevented (concurrency check, unique
    // violation): retry the whole append from fresh heads.
    private static bool IsLostRace(Exception e) =>
        e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e) || DatabaseErrors.IsTransientConflict(e);
}
