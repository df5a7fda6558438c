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
/// <para><b>Concurrent writers cannot fork a chain.</b> Appending reads the head without a lock, computes the entry,
/// then inserts the entry and moves the head in one <c>SaveChanges</c> (one transaction) whose head
/// <c>UPDATE … WHERE "LastSequence" = seen</c> is an optimistic-concurrency check; a first entry inserts the head, whose
/// primary key refuses a second first entry; the unique (<c>DossierId</c>, <c>Sequence</c>) index refuses a duplicate
/// position. The loser rolls back and retries from the new head, so the reads land one after the other.</para>
/// </remarks>
public static class PersonalDataReadLog
{
    private const int Attempts = 20;
    private const int HeadBatch = 1000;

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
            var heads = await LoadHeadsAsync(db, reads.Select(r => r.DossierId).Distinct().ToList(), ct);
            foreach (var read in reads)
            {
                read.Id = 0;
                Chain(db, heads, read);
                db.PersonalDataAccessLog.Add(read);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < Attempts && IsLostRace(e))
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(x => x.Entity is PersonalDataAccess or PersonalDataAccessHead).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10) * attempt), ct);
            }
        }
    }

    /// <summary>Chains the rows written before the read log was hash-chained (empty <c>Hash</c>), oldest first, onto
    /// their dossiers' chains. Run once by <see cref="DatabaseMigrator"/> right after the migration that added the
    /// chain; the triggers allow exactly this one update of an unsealed row.</summary>
    /// <returns>How many rows were sealed.</returns>
    public static async Task<int> SealUnchainedAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sealedCount = 0;
        while (true)
        {
            var rows = await db.PersonalDataAccessLog.Where(r => r.Hash == "").OrderBy(r => r.Id).Take(HeadBatch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return sealedCount;
            }

            var heads = await LoadHeadsAsync(db, rows.Select(r => r.DossierId).Distinct().ToList(), ct);
            foreach (var row in rows)
            {
                Chain(db, heads, row);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            sealedCount += rows.Count;
        }
    }

    private static void Chain(AppDbContext db, Dictionary<Guid, PersonalDataAccessHead> heads, PersonalDataAccess read)
    {
        if (heads.TryGetValue(read.DossierId, out var head))
        {
            read.Sequence = head.LastSequence + 1;
            read.PreviousHash = head.Hash;
        }
        else
        {
            read.Sequence = 0;
            read.PreviousHash = string.Empty;
        }

        read.Hash = PersonalDataAccessChain.ComputeHash(read);
        if (head is null)
        {
            heads[read.DossierId] = db.PersonalDataAccessHeads.Add(
                new PersonalDataAccessHead { DossierId = read.DossierId, LastSequence = read.Sequence, Hash = read.Hash }).Entity;
        }
        else
        {
            head.LastSequence = read.Sequence;
            head.Hash = read.Hash;
        }
    }

    private static async Task<Dictionary<Guid, PersonalDataAccessHead>> LoadHeadsAsync(AppDbContext db, List<Guid> dossierIds, CancellationToken ct)
    {
        var heads = new Dictionary<Guid, PersonalDataAccessHead>();
        foreach (var chunk in dossierIds.Chunk(HeadBatch))
        {
            foreach (var head in await db.PersonalDataAccessHeads.Where(h => chunk.Contains(h.DossierId)).ToListAsync(ct))
            {
                heads[head.DossierId] = head;
            }
        }

        return heads;
    }

    // Another writer moved the head first (concurrency check), inserted the same first head or position (unique
    // violation), or holds the database (busy/serialization): retry from the new head.
    private static bool IsLostRace(Exception e) =>
        e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e) || DatabaseErrors.IsTransientConflict(e);
}
