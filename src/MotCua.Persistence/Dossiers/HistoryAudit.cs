using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Dossiers;

/// <summary>The result of walking every dossier's hash chain.</summary>
/// <param name="DossiersChecked">How many dossiers were checked (up to and including the first broken one).</param>
/// <param name="EntriesChecked">How many history entries were read.</param>
/// <param name="BrokenDossierId">The first dossier whose chain is broken, in id order.</param>
/// <param name="BrokenDossierCode">Its code, if it has one.</param>
/// <param name="BrokenEntryIndex">The first broken entry (0-based; the entry count when the head hash does not match).</param>
public sealed record HistoryAuditResult(int DossiersChecked, long EntriesChecked, Guid? BrokenDossierId, string? BrokenDossierCode, int? BrokenEntryIndex)
{
    public bool IsIntact => BrokenDossierId is null;
}

/// <summary>Verifies the append-only history (<see cref="DossierHistoryChain"/>) of every dossier, in batches.</summary>
public static class HistoryAudit
{
    public static async Task<HistoryAuditResult> VerifyAsync(AppDbContext db, int batchSize = 500, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkedCount = 0;
        long entries = 0;
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
                return new HistoryAuditResult(checkedCount, entries, null, null, null);
            }

            var ids = heads.Select(h => h.Id).ToList();
            var history = (await db.DossierHistory.AsNoTracking().Where(h => ids.Contains(h.DossierId)).ToListAsync(ct))
                .ToLookup(h => h.DossierId);
            foreach (var head in heads)
            {
                var chain = history[head.Id].OrderBy(h => h.Sequence).ToList();
                entries += chain.Count;
                checkedCount++;
                if (DossierHistoryChain.Verify(chain, head.HistoryHash) is { } broken)
                {
                    return new HistoryAuditResult(checkedCount, entries, head.Id, head.Code?.Format(), broken);
                }
            }

            db.ChangeTracker.Clear();
            after = heads[^1].Id;
        }
    }
}
