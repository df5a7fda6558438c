using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>What a unit (or its appraiser) says about one sub-criterion. Exactly one input is given, the one its method
/// reads, or <see cref="Score"/> (points entered directly, within the maximum), or <see cref="NotApplicable"/>.</summary>
/// <param name="Score">Points entered directly.</param>
/// <param name="Done">Binary: done or not.</param>
/// <param name="CheckedRows">Checklist: the codes of the ticked rows.</param>
/// <param name="Tier">Tiered: the code of the level reached.</param>
/// <param name="Percent">Proportional, SystemSourced, Tiered by threshold: the percentage achieved (0 or more).</param>
/// <param name="Violations">Deduction: the number of violations.</param>
/// <param name="Count">PerOccurrence: the number of occurrences.</param>
/// <param name="Value">Survey: the survey value on the sub-criterion's scale.</param>
/// <param name="NotApplicable">The sub-criterion does not apply to this unit: its maximum leaves the denominator.</param>
/// <param name="Note">The unit's explanation (not scored).</param>
public sealed record ParScoreInput(
    decimal? Score = null,
    bool? Done = null,
    IReadOnlyList<string>? CheckedRows = null,
    string? Tier = null,
    decimal? Percent = null,
    int? Violations = null,
    int? Count = null,
    decimal? Value = null,
    bool NotApplicable = false,
    string? Note = null)
{
    /// <summary>How many of the scoring inputs are given.</summary>
    public int Given => new object?[] { Score, Done, CheckedRows, Tier, Percent, Violations, Count, Value }.Count(v => v is not null);
}

/// <summary>One sub-criterion's result.</summary>
/// <param name="Applicable">Whether it counts for this unit (its maximum is in the denominator).</param>
/// <param name="Scored">Whether an input was given (an applicable sub-criterion without one scores 0).</param>
/// <param name="Points">Points, rounded to 2 decimals (signed in a bonus/penalty area).</param>
/// <param name="AreaCode">The area's code.</param>
/// <param name="Code">The code, unique within the framework.</param>
/// <param name="CriterionCode">The criterion's code.</param>
/// <param name="MaxPoints">The maximum.</param>
public sealed record ParSubScore(string AreaCode, string CriterionCode, string Code, decimal MaxPoints, bool Applicable, bool Scored, decimal Points);

/// <summary>A criterion's total over its applicable sub-criteria (in the bonus/penalty area, no maximum: 0).</summary>
public sealed record ParCriterionTotal(string Code, decimal Points, decimal ApplicableMax);

/// <summary>An area's total; for the bonus/penalty area, the net points within its cap and no maximum.</summary>
public sealed record ParAreaTotal(string Code, bool IsBonusPenalty, decimal Points, decimal ApplicableMax, IReadOnlyList<ParCriterionTotal> Criteria);

/// <summary>A unit's result under a framework.</summary>
/// <param name="ScoredTotal">Points of the scored areas.</param>
/// <param name="BonusPenalty">Net bonus/penalty points (within the area's cap).</param>
/// <param name="Total">Scored total plus bonus/penalty.</param>
/// <param name="ApplicableMax">The maximum of the scored areas' sub-criteria that apply to the unit.</param>
/// <param name="FullMax">The maximum of the scored areas for the framework's level (normally 100): the scale bonus
/// points are on.</param>
/// <param name="Percentage">See <see cref="ParScorer"/>; <see langword="null"/> when nothing applies.</param>
/// <param name="Band">The band reached, if any.</param>
/// <param name="Areas">The areas, in order.</param>
/// <param name="SubCriteria">Every sub-criterion, in order.</param>
public sealed record ParResult(
    IReadOnlyList<ParSubScore> SubCriteria,
    IReadOnlyList<ParAreaTotal> Areas,
    decimal ScoredTotal,
    decimal BonusPenalty,
    decimal Total,
    decimal ApplicableMax,
    decimal FullMax,
    decimal? Percentage,
    ParBand? Band);

/// <summary>Scores a unit under a framework (domain.md §11.2, §11.3), purely.</summary>
/// <remarks>
/// <para>Each sub-criterion's points are computed at full precision and rounded to 2 decimals, halves away from zero;
/// totals are sums of rounded points. A sub-criterion that does not apply to the framework's level, or that the
/// assessment marks not applicable, scores nothing and its maximum leaves the denominator.</para>
/// <para><b>Percentage.</b> <c>ScoredTotal / ApplicableMax × 100 + BonusPenalty / FullMax × 100</c>, rounded to
/// 2 decimals, never below 0: the scored areas are normalised over what applies to the unit, and the bonus/penalty points
/// are added after, as points of the framework's own scale (with the usual 100-point scale, one bonus point is one
/// percentage point, whatever the unit's applicable maximum). A unit at full marks with a bonus can pass 100 %.</para>
/// </remarks>
public static class ParScorer
{
    /// <summary>Scores <paramref name="inputs"/> (by sub-criterion code) under <paramref name="tree"/> for a unit of
    /// <paramref name="level"/>; any input that does not fit its sub-criterion gives problems and no result.</summary>
    public static (ParResult? Result, IReadOnlyList<ParProblem> Problems) Score(
        ParFrameworkTree tree, ParLevel level, IReadOnlyDictionary<string, ParScoreInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = new List<ParProblem>();
        foreach (var code in inputs.Keys.Where(k => tree.Find(k) is null))
        {
            problems.Add(new($"items.{code}", new FieldMessage("par.subcriterion_unknown", "Bộ chỉ số không có tiêu chí thành phần {0}.", code)));
        }

        var subScores = new List<ParSubScore>();
        var areas = new List<ParAreaTotal>();
        foreach (var area in tree.Areas)
        {
            var criteria = new List<ParCriterionTotal>();
            foreach (var criterion in area.Criteria)
            {
                var own = new List<ParSubScore>();
                foreach (var sub in criterion.SubCriteria)
                {
                    inputs.TryGetValue(sub.Code, out var input);
                    var applicable = sub.AppliesToLevel(level) && input?.NotApplicable != true;
                    var points = applicable && input is not null ? Points(sub, input, problems) : null;
                    own.Add(new ParSubScore(area.Code, criterion.Code, sub.Code, sub.MaxPoints, applicable, points is not null, points ?? 0m));
                }

                subScores.AddRange(own);
                // Bonus and penalty points have no maximum in the denominator, at any level.
                criteria.Add(new ParCriterionTotal(criterion.Code, own.Sum(s => s.Points),
                    area.IsBonusPenalty ? 0m : own.Where(s => s.Applicable).Sum(s => s.MaxPoints)));
            }

            var net = criteria.Sum(c => c.Points);
            if (area.IsBonusPenalty && area.Cap is { } cap)
            {
                net = Math.Clamp(net, -cap, cap);
            }

            areas.Add(new ParAreaTotal(area.Code, area.IsBonusPenalty, net, criteria.Sum(c => c.ApplicableMax), criteria));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var scored = areas.Where(a => !a.IsBonusPenalty).Sum(a => a.Points);
        var bonus = areas.Where(a => a.IsBonusPenalty).Sum(a => a.Points);
        var applicableMax = areas.Where(a => !a.IsBonusPenalty).Sum(a => a.ApplicableMax);
        var fullMax = tree.Areas.Where(a => !a.IsBonusPenalty).SelectMany(a => a.Criteria).SelectMany(c => c.SubCriteria)
            .Where(s => s.AppliesToLevel(level)).Sum(s => s.MaxPoints);
        decimal? percentage = applicableMax == 0m
            ? null
            : Math.Max(0m, Round((scored / applicableMax * 100m) + (bonus / fullMax * 100m)));
        var band = percentage is { } p ? tree.Bands.FirstOrDefault(b => p >= b.MinPercent) : null;
        return (new ParResult(subScores, areas, scored, bonus, scored + bonus, applicableMax, fullMax, percentage, band), []);
    }

    /// <summary>Rounds to 2 decimals, halves away from zero.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal? Points(ParSubCriterion sub, ParScoreInput input, List<ParProblem> problems)
    {
        var path = $"items.{sub.Code}";
        if (input.Given == 0)
        {
            return null;
        }

        if (input.Given > 1)
        {
            problems.Add(new(path, new FieldMessage("par.input_ambiguous",
                "{0}: chỉ nhập một giá trị chấm điểm (điểm, hoàn thành, điều kiện, mức, tỷ lệ, số vi phạm, số lần hoặc giá trị khảo sát).", sub.Code)));
            return null;
        }

        var max = sub.MaxPoints;
        var magnitude = Math.Abs(max);
        var sign = Math.Sign(max);
        if (input.Score is { } score)
        {
            if (score < Math.Min(0m, max) || score > Math.Max(0m, max))
            {
                problems.Add(new($"{path}.score", new FieldMessage("par.score_range", "{0}: điểm phải nằm giữa 0 và {1}.", sub.Code, max)));
                return null;
            }

            return Round(score);
        }

        var method = sub.Method;
        decimal? raw = (method.Kind, input) switch
        {
            (ParMethodKind.Binary, { Done: { } done }) => done ? magnitude : 0m,
            (ParMethodKind.Tiered, { Tier: { } tier }) => TierPoints(sub, tier, problems, path),
            (ParMethodKind.Tiered, { Percent: { } percent }) when method.Tiers.All(t => t.MinPercent is not null) && NonNegative(sub, percent, path, problems) =>
                method.Tiers.FirstOrDefault(t => percent >= t.MinPercent)?.Points ?? 0m,
            (ParMethodKind.Proportional or ParMethodKind.SystemSourced, { Percent: { } percent }) when NonNegative(sub, percent, path, problems) =>
                Math.Min(method.Cap ?? magnitude, magnitude * percent / (method.TargetPercent ?? 100m)),
            (ParMethodKind.Checklist, { CheckedRows: { } rows }) => RowPoints(sub, rows, problems, path),
            (ParMethodKind.Deduction, { Violations: { } n }) when NonNegative(sub, n, path, problems) =>
                Math.Max(method.Floor ?? 0m, magnitude - (method.PointsEach!.Value * n)),
            (ParMethodKind.PerOccurrence, { Count: { } n }) when NonNegative(sub, n, path, problems) =>
                Math.Min(magnitude, method.PointsEach!.Value * n),
            (ParMethodKind.Survey, { Value: { } value }) => SurveyPoints(sub, value, problems, path),
            _ when problems.Any(p => p.Path == path) => null,
            _ => Mismatch(sub, problems, path),
        };
        return raw is { } r ? Round(sign * r) : null;
    }

    private static bool NonNegative(ParSubCriterion sub, decimal value, string path, List<ParProblem> problems)
    {
        if (value < 0)
        {
            problems.Add(new(path, new FieldMessage("par.input_negative", "{0}: giá trị nhập không được âm.", sub.Code)));
            return false;
        }

        if (value > ParFrameworkRules.Bound)
        {
            problems.Add(new(path, new FieldMessage("par.input_range", "{0}: giá trị nhập quá lớn (tối đa {1}).", sub.Code, ParFrameworkRules.Bound)));
            return false;
        }

        return true;
    }

    private static decimal? Mismatch(ParSubCriterion sub, List<ParProblem> problems, string path)
    {
        var expected = sub.Method.Kind switch
        {
            ParMethodKind.Binary => "done",
            ParMethodKind.Tiered => sub.Method.Tiers.All(t => t.MinPercent is not null) ? "tier, percent" : "tier",
            ParMethodKind.Proportional or ParMethodKind.SystemSourced => "percent",
            ParMethodKind.Checklist => "checkedRows",
            ParMethodKind.Deduction => "violations",
            ParMethodKind.PerOccurrence => "count",
            _ => "value",
        };
        problems.Add(new(path, new FieldMessage("par.input_mismatch", "{0} chấm theo phương pháp {1}: nhập \"{2}\" hoặc \"score\".",
            sub.Code, sub.Method.Kind.ToString(), expected)));
        return null;
    }

    private static decimal? TierPoints(ParSubCriterion sub, string tier, List<ParProblem> problems, string path)
    {
        var found = sub.Method.Tiers.FirstOrDefault(t => string.Equals(t.Code, tier, StringComparison.Ordinal));
        if (found is null)
        {
            problems.Add(new($"{path}.tier", new FieldMessage("par.tier_unknown", "{0}: không có mức \"{1}\" (các mức: {2}).",
                sub.Code, tier, string.Join(", ", sub.Method.Tiers.Select(t => t.Code)))));
        }

        return found?.Points;
    }

    private static decimal? RowPoints(ParSubCriterion sub, IReadOnlyList<string> rows, List<ParProblem> problems, string path)
    {
        var unknown = rows.Where(r => !sub.Method.Rows.Any(x => string.Equals(x.Code, r, StringComparison.Ordinal))).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new($"{path}.checkedRows", new FieldMessage("par.row_unknown", "{0}: không có điều kiện \"{1}\" (các điều kiện: {2}).",
                sub.Code, string.Join(", ", unknown), string.Join(", ", sub.Method.Rows.Select(r => r.Code)))));
            return null;
        }

        var ticked = rows.ToHashSet(StringComparer.Ordinal);
        return sub.Method.Rows.Where(r => ticked.Contains(r.Code)).Sum(r => r.Points);
    }

    private static decimal? SurveyPoints(ParSubCriterion sub, decimal value, List<ParProblem> problems, string path)
    {
        var low = sub.Method.ScaleMin ?? 0m;
        var high = sub.Method.ScaleMax ?? 100m;
        if (value < low || value > high)
        {
            problems.Add(new($"{path}.value", new FieldMessage("par.survey_range", "{0}: giá trị khảo sát phải từ {1} đến {2}.", sub.Code, low, high)));
            return null;
        }

        return Math.Abs(sub.MaxPoints) * (value - low) / (high - low);
    }
}

/// <summary>A unit's place in a ranking.</summary>
/// <param name="Rank">1 for the best; equal percentages share a rank and the next rank skips (1, 1, 3); none without a
/// percentage.</param>
/// <param name="Percentage">Its percentage, if any.</param>
/// <param name="Unit">The unit.</param>
public sealed record ParRank(string Unit, decimal? Percentage, int? Rank);

/// <summary>Ranks units by percentage (standard competition ranking).</summary>
public static class ParRanking
{
    /// <summary>The units best first (ties by unit, ordinal); units without a percentage last, unranked.</summary>
    public static IReadOnlyList<ParRank> Rank(IEnumerable<(string Unit, decimal? Percentage)> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ordered = units.OrderBy(u => u.Percentage is null).ThenByDescending(u => u.Percentage).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        var ranks = new List<ParRank>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (unit, percentage) = ordered[i];
            int? rank = percentage is null ? null
                : i > 0 && ordered[i - 1].Percentage == percentage ? ranks[i - 1].Rank
                : i + 1;
            ranks.Add(new ParRank(unit, percentage, rank));
        }

        return ranks;
    }
}
