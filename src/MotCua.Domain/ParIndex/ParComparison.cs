namespace MotCua.Domain.ParIndex;

/// <summary>How an area or a criterion of this year's framework stands against last year's, by code.</summary>
public enum ParComparisonStatus
{
    /// <summary>In both years' frameworks.</summary>
    Kept,

    /// <summary>Only in this year's.</summary>
    New,

    /// <summary>Only in last year's.</summary>
    Removed,
}

/// <summary>An area or a criterion in the comparison: its code, name (this year's, or last year's when removed) and standing.</summary>
public sealed record ParComparedItem(string Code, string Name, bool BonusPenalty, ParComparisonStatus Status);

/// <summary>A unit's area or criterion in both years: points and applicable maximum of each, and the change in points (when
/// kept and the unit has a result in both years).</summary>
public sealed record ParComparedTotal(string Code, ParComparisonStatus Status, decimal? Points, decimal? ApplicableMax, decimal? PreviousPoints,
    decimal? PreviousMax, decimal? Change);

/// <summary>One unit in both years: totals, percentages, ranks, the change, the points gained and lost over the criteria kept,
/// and each area and criterion.</summary>
public sealed record ParUnitComparison(
    Guid UnitId, string UnitName, string UnitCode, decimal? Total, decimal? PreviousTotal, decimal? Percentage, decimal? PreviousPercentage,
    int? Rank, int? PreviousRank, string? Band, string? PreviousBand, decimal? Change, decimal Gained, decimal Lost,
    IReadOnlyList<ParComparedTotal> Areas, IReadOnlyList<ParComparedTotal> Criteria);

/// <summary>This year's published results against last year's (issue 11 §4): the areas and criteria matched by code (a
/// framework copied from last year keeps its codes), the new and removed ones marked, and per unit the points gained and lost.</summary>
public sealed record ParComparison(IReadOnlyList<ParComparedItem> Areas, IReadOnlyList<ParComparedItem> Criteria, IReadOnlyList<ParUnitComparison> Units)
{
    /// <summary>Compares <paramref name="current"/> with <paramref name="previous"/> (none: every item new, no previous figures).
    /// Units are matched by id, else by code (a unit re-created keeps its identifier code); in this year's order.</summary>
    public static ParComparison Compare(ParResultsTable current, ParResultsTable? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        var areas = Items(current.Areas.Select(a => (a.Code, a.Name, a.BonusPenalty)),
            previous?.Areas.Select(a => (a.Code, a.Name, a.BonusPenalty)));
        var criteria = Items(current.Areas.SelectMany(a => a.Criteria.Select(c => (c.Code, c.Name, a.BonusPenalty))),
            previous?.Areas.SelectMany(a => a.Criteria.Select(c => (c.Code, c.Name, a.BonusPenalty))));
        var units = current.Units.Select(u =>
        {
            var before = previous?.Units.FirstOrDefault(p => p.UnitId == u.UnitId)
                ?? previous?.Units.FirstOrDefault(p => string.Equals(p.UnitCode, u.UnitCode, StringComparison.Ordinal));
            var both = u.Ranked && before is { Ranked: true };
            var areaLines = Totals(areas, u.Areas, before?.Areas, both);
            var criterionLines = Totals(criteria, u.Criteria, before?.Criteria, both);
            var changes = criterionLines.Where(c => c.Change is not null).Select(c => c.Change!.Value).ToList();
            return new ParUnitComparison(u.UnitId, u.UnitName, u.UnitCode, u.Total, before?.Total, u.Percentage, before?.Percentage, u.Rank, before?.Rank,
                u.Band, before?.Band, both ? u.Total - before!.Total : null, changes.Where(c => c > 0).Sum(), -changes.Where(c => c < 0).Sum(),
                areaLines, criterionLines);
        }).ToList();
        return new ParComparison(areas, criteria, units);
    }

    private static List<ParComparedItem> Items(IEnumerable<(string Code, string Name, bool Bonus)> now, IEnumerable<(string Code, string Name, bool Bonus)>? before)
    {
        var previous = (before ?? []).ToList();
        var codes = now.Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var old = previous.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. now.Select(n => new ParComparedItem(n.Code, n.Name, n.Bonus, old.Contains(n.Code) ? ParComparisonStatus.Kept : ParComparisonStatus.New)),
            .. previous.Where(p => !codes.Contains(p.Code)).Select(p => new ParComparedItem(p.Code, p.Name, p.Bonus, ParComparisonStatus.Removed)),
        ];
    }

    private static List<ParComparedTotal> Totals(IEnumerable<ParComparedItem> items, IReadOnlyList<ParTotalLine> now, IReadOnlyList<ParTotalLine>? before,
        bool both) =>
        [.. items.Select(i =>
        {
            var n = now.FirstOrDefault(t => t.Code == i.Code);
            var b = before?.FirstOrDefault(t => t.Code == i.Code);
            var change = both && i.Status == ParComparisonStatus.Kept && n is not null && b is not null ? n.Points - b.Points : (decimal?)null;
            return new ParComparedTotal(i.Code, i.Status, n?.Points, n?.ApplicableMax, b?.Points, b?.ApplicableMax, change);
        })];
}

/// <summary>What a unit's result would be after recovering points.</summary>
public sealed record ParSimulatedOutcome(decimal Total, decimal? Percentage, string? Band, int? Rank);

/// <summary>A sub-criterion that lost points (applicable maximum − points) and the outcome if it were recovered alone, and
/// together with every one listed before it.</summary>
public sealed record ParRecovery(string Code, string AreaCode, string CriterionCode, decimal MaxPoints, decimal Points, decimal Lost,
    ParSimulatedOutcome Alone, ParSimulatedOutcome Cumulative);

/// <summary>A unit's simulation: its outcome now and the sub-criteria that lost points, most points first.</summary>
public sealed record ParSimulation(ParSimulatedOutcome Current, IReadOnlyList<ParRecovery> Lost);

/// <summary>The simulator (issue 11 §4): for one unit, which sub-criteria lost points and what the total, percentage, band
/// and rank would be if each were recovered. A recovered sub-criterion is rescored by <see cref="ParScorer"/> at its
/// maximum (a direct score), so the percentage, band and bonus rules are the scorer's; the rank is among the other units'
/// percentages as they are (<see cref="ParRanking"/>).</summary>
public static class ParSimulator
{
    /// <summary>Simulates <paramref name="inputs"/> (the unit's final inputs) under <paramref name="framework"/> against
    /// <paramref name="others"/> (the other units' percentages; none for a unit without a result). Only the scored areas
    /// lose points: a penalty is not "recovered" by the unit's own work on a criterion. Ties on points lost keep the
    /// framework's order.</summary>
    public static ParSimulation Simulate(ParFramework framework, IReadOnlyDictionary<string, ParScoreInput> inputs, IEnumerable<decimal?> others)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(others);
        var rivals = others.ToList();
        var (result, _) = ParScorer.Score(framework.Tree, framework.Level, inputs);
        if (result is null)
        {
            return new ParSimulation(new ParSimulatedOutcome(0m, null, null, null), []);
        }

        var bonusAreas = result.Areas.Where(a => a.IsBonusPenalty).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var lost = result.SubCriteria.Where(s => s.Applicable && !bonusAreas.Contains(s.AreaCode) && s.Points < s.MaxPoints)
            .Select((s, i) => (Sub: s, Order: i)).OrderByDescending(x => x.Sub.MaxPoints - x.Sub.Points).ThenBy(x => x.Order).Select(x => x.Sub).ToList();
        var cumulative = new Dictionary<string, ParScoreInput>(inputs, StringComparer.Ordinal);
        var recoveries = new List<ParRecovery>(lost.Count);
        foreach (var sub in lost)
        {
            var full = new ParScoreInput(Score: sub.MaxPoints);
            var alone = new Dictionary<string, ParScoreInput>(inputs, StringComparer.Ordinal) { [sub.Code] = full };
            cumulative[sub.Code] = full;
            recoveries.Add(new ParRecovery(sub.Code, sub.AreaCode, sub.CriterionCode, sub.MaxPoints, sub.Points, sub.MaxPoints - sub.Points,
                Outcome(framework, alone, rivals), Outcome(framework, cumulative, rivals)));
        }

        return new ParSimulation(Outcome(result, rivals), recoveries);
    }

    private static ParSimulatedOutcome Outcome(ParFramework framework, IReadOnlyDictionary<string, ParScoreInput> inputs, List<decimal?> rivals) =>
        Outcome(ParScorer.Score(framework.Tree, framework.Level, inputs).Result!, rivals);

    private static ParSimulatedOutcome Outcome(ParResult result, List<decimal?> rivals)
    {
        const string Self = "\u0000self";
        var rank = result.Percentage is null ? null
            : ParRanking.Rank(rivals.Select((p, i) => ($"{i}", p)).Append((Self, result.Percentage))).Single(r => r.Unit == Self).Rank;
        return new ParSimulatedOutcome(result.Total, result.Percentage, result.Band?.Code, rank);
    }
}
