using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.ServiceIndex;
using MotCua.Domain.Units;

namespace MotCua.Persistence.ServiceIndex;

/// <summary>Evaluates 766 scorecards from the kept statistics and the imported figures (domain.md §8). The web adds the
/// figures only it computes (group 6 from the feedback rates) through <c>moreComputed</c>; the rule of each indicator
/// and the arithmetic are the domain's <see cref="Scorecard"/>.</summary>
public static class ServiceIndexScorecards
{
    /// <summary>Figures a caller computes for a unit (given the unit and its subtree).</summary>
    public delegate Task<IReadOnlyDictionary<string, IndicatorFigure>> MoreFigures(Guid unitId, HashSet<Guid> subtree, CancellationToken ct);

    /// <summary>The scorecard of <paramref name="unitId"/> (with its child units, §8.3) for <paramref name="period"/>, on the
    /// set in force on the period's last day. One call, no authorisation: for the benchmark
    /// (<c>EvaluateAsync(db, provinceId, ScorecardPeriod.Year(2026))</c>) and for handlers that have authorised already.</summary>
    public static async Task<Scorecard> EvaluateAsync(
        AppDbContext db, Guid unitId, ScorecardPeriod period, MoreFigures? moreComputed = null, CancellationToken ct = default) =>
        (await EvaluateManyAsync(db, [unitId], period, moreComputed, ct))[unitId];

    /// <summary>The scorecards of several units at once (a ranking): the statistics are read once for all of them.</summary>
    public static async Task<Dictionary<Guid, Scorecard>> EvaluateManyAsync(
        AppDbContext db, IReadOnlyList<Guid> unitIds, ScorecardPeriod period, MoreFigures? moreComputed = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(period);
        var units = await db.OrganisationalUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Level }).ToListAsync(ct);
        var parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        var levelOf = units.ToDictionary(u => u.Id, u => u.Level);
        var subtrees = unitIds.Distinct().ToDictionary(u => u, u => UnitAuthorization.SubtreeOf(u, parentOf).ToHashSet());
        var computed = await AggregateFigures.ForAsync(db, subtrees, period, ct);
        var imported = await ImportedFigures.ForAsync(db, [.. subtrees.Keys], period, ct);
        var set = IndicatorSetJson.Default.For(period.Last);
        var result = new Dictionary<Guid, Scorecard>();
        foreach (var (unit, subtree) in subtrees)
        {
            var figures = computed[unit];
            if (moreComputed is not null)
            {
                foreach (var (id, figure) in await moreComputed(unit, subtree, ct))
                {
                    figures[id] = figure;
                }
            }

            result[unit] = Scorecard.Evaluate(set, levelOf.GetValueOrDefault(unit) == UnitLevel.Commune, figures, imported[unit]);
        }

        return result;
    }
}
