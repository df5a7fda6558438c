using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Remediation items as next year's evidence (issue 11 §6): the completed items of a unit's plans under the earlier
/// issued frameworks of the same province and level, by sub-criterion code, that its self-assessment under
/// <c>framework</c> may attach (<see cref="ParEvidenceKind.RemediationItem"/>, the item's id).</summary>
public static class ParRemediationOffers
{
    /// <summary>The offers by sub-criterion code (only codes the framework has), latest year first.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<ParRemediationOffer>>> ForAsync(AppDbContext db, ParFramework framework, Guid unitId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(framework);
        var earlier = await db.ParFrameworks.AsNoTracking()
            .Where(f => f.ProvinceUnitId == framework.ProvinceUnitId && f.Level == framework.Level && f.Year < framework.Year && f.Status == ParFrameworkStatus.Issued)
            .Select(f => new { f.Id, f.Year }).ToListAsync(ct);
        var years = earlier.ToDictionary(f => f.Id, f => f.Year);
        var ids = years.Keys.ToList();
        var plans = await db.ParRemediationPlans.AsNoTracking().Where(p => p.UnitId == unitId && ids.Contains(p.FrameworkId)).ToListAsync(ct);
        return plans
            .SelectMany(p => p.Items.Where(i => i.Status == ParRemediationItemStatus.Done && framework.Tree.Find(i.Code) is not null)
                .Select(i => new ParRemediationOffer(i.Id, p.Id, years[p.FrameworkId], i.Code, i.Actions, i.CompletedAt, i.Evidence)))
            .GroupBy(o => o.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ParRemediationOffer>)[.. g.OrderByDescending(o => o.Year)], StringComparer.Ordinal);
    }

    /// <summary>Each <see cref="ParEvidenceKind.RemediationItem"/> among <paramref name="evidence"/> must be one of the
    /// offers of sub-criterion <paramref name="code"/> (<c>par.evidence_invalid</c> otherwise).</summary>
    public static async Task CheckAsync(AppDbContext db, ParFramework framework, Guid unitId, string code, IReadOnlyList<ParEvidence> evidence,
        List<ParProblem> problems, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(problems);
        if (evidence.All(e => e.Kind != ParEvidenceKind.RemediationItem))
        {
            return;
        }

        var offers = (await ForAsync(db, framework, unitId, ct)).GetValueOrDefault(code) ?? [];
        for (var i = 0; i < evidence.Count; i++)
        {
            if (evidence[i].Kind == ParEvidenceKind.RemediationItem
                && (!Guid.TryParse(evidence[i].Reference, out var item) || offers.All(o => o.ItemId != item)))
            {
                problems.Add(new($"evidence[{i}]", new FieldMessage("par.evidence_remediation_item",
                    "Chỉ đính kèm được nội dung đã hoàn thành trong kế hoạch khắc phục năm trước của đơn vị, cùng tiêu chí thành phần.")));
            }
        }
    }
}
