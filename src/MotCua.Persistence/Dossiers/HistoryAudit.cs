using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Dossiers;

/// <summary>Which hash chain of a dossier is broken.</summary>
public enum AuditChain
{
    /// <summary>The dossier's history (<see cref="DossierHistoryChain"/>).</summary>
    History,

    /// <summary>The staff reads of its personal data (<see cref="PersonalDataAccessChain"/>).</summary>
    ReadLog,
}

/// <summary>The result of walking every dossier's hash chains.</summary>
/// <param name="DossiersChecked">How many dossiers were checked (up to and including the first broken one).</param>
/// <param name="EntriesChecked">How many history entries were read.</param>
/// <param name="BrokenDossierId">The first dossier whose chain is broken, in id order.</param>
/// <param name="BrokenDossierCode">Its code, if it has one.</param>
/// <param name="BrokenEntryIndex">The first broken entry (0-based; the entry count when the head hash does not match).</param>
/// <param name="ReadsChecked">How many read-log entries were read.</param>
/// <param name="BrokenChain">Which chain of that dossier is broken (its history is checked first).</param>
/// <param name="ReadsPending">Read-log rows written but not sealed onto their chain yet (list reads wait for the
/// <c>read-log-seal</c> job: <c>PersonalDataReadLog.EnqueueAsync</c>); not verified until sealed.</param>
public sealed record HistoryAuditResult(
    int DossiersChecked, long EntriesChecked, Guid? BrokenDossierId, string? BrokenDossierCode, int? BrokenEntryIndex,
    long ReadsChecked = 0, AuditChain? BrokenChain = null, long ReadsPending = 0)
{
    public bool IsIntact => BrokenDossierId is null;
}

/// <summary>Verifies the append-only history (<see cref="DossierHistoryChain"/>) and the personal-data read log
/// (<see cref="PersonalDataAccessChain"/>) of every dossier, in batches.</summary>
public static class HistoryAudit
{
    public static async Task<HistoryAuditResult> VerifyAsync(AppDbContext db, int batchSize = 500, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkedCount = 0;
        long entries = 0;
        long reads = 0;
        long pending = 0;
        Guid? after = null;
        while (true)
        {
            var query = db.Dossiers.AsNoTracking();
            if (after is { } last)
            {
                query = query.Where(d => d.Id.CompareTo(last) > 0);
            }

            var heads = await query.OrderBy(d => d.Id).Take(batchSize).Select(d => new { d.Id, d.Code, d.HistoryHash }).ToListAsync(ct);
            if (heads.Count == 0)
            {
                return new HistoryAuditResult(checkedCount, entries, null, null, null, reads, ReadsPending: pending);
            }

            var ids = heads.Select(h => h.Id).ToList();
            var history = (await db.DossierHistory.AsNoTracking().Where(h => ids.Contains(h.DossierId)).ToListAsync(ct))
                .ToLookup(h => h.DossierId);
            var readLog = (await db.PersonalDataAccessLog.AsNoTracking().Where(r => ids.Contains(r.DossierId)).ToListAsync(ct))
                .ToLookup(r => r.DossierId);
            var readHeads = await db.PersonalDataAccessHeads.AsNoTracking().Where(h => ids.Contains(h.DossierId))
                .ToDictionaryAsync(h => h.DossierId, h => h.Hash, ct);
            foreach (var head in heads)
            {
                var chain = history[head.Id].OrderBy(h => h.Sequence).ToList();
                // An unsealed row (empty hash) is not on the chain yet: counted as pending, checked once sealed.
                var readChain = readLog[head.Id].Where(r => r.Hash.Length > 0).OrderBy(r => r.Sequence).ThenBy(r => r.Id).ToList();
                pending += readLog[head.Id].Count(r => r.Hash.Length == 0);
                entries += chain.Count;
                reads += readChain.Count;
                checkedCount++;
                if (DossierHistoryChain.Verify(chain, head.HistoryHash) is { } broken)
                {
                    return new HistoryAuditResult(checkedCount, entries, head.Id, head.Code?.Format(), broken, reads, AuditChain.History, pending);
                }

                // No head while reads exist (or a head without reads) means rows or the head were removed.
                if (PersonalDataAccessChain.Verify(readChain, readHeads.GetValueOrDefault(head.Id, string.Empty)) is { } brokenRead)
                {
                    return new HistoryAuditResult(checkedCount, entries, head.Id, head.Code?.Format(), brokenRead, reads, AuditChain.ReadLog, pending);
                }
            }

            db.ChangeTracker.Clear();
            after = heads[^1].Id;
        }
    }
}
