namespace MotCua.Domain.ServiceIndex;

/// <summary>The six groups the national portal displays for Decision 766/QĐ-TTg (domain.md §8.2), in its order.</summary>
public enum ServiceIndexGroup
{
    /// <summary>Công khai, minh bạch (18 points).</summary>
    Transparency = 1,

    /// <summary>Tiến độ giải quyết (20 points).</summary>
    Progress = 2,

    /// <summary>Dịch vụ công trực tuyến (12 points).</summary>
    OnlineService = 3,

    /// <summary>Thanh toán trực tuyến (10 points).</summary>
    OnlinePayment = 4,

    /// <summary>Số hóa hồ sơ (22 points).</summary>
    Digitisation = 5,

    /// <summary>Mức độ hài lòng (18 points).</summary>
    Satisfaction = 6,
}

/// <summary>How a ratio becomes points (domain.md §8.2, "Score conversion as DVCQG computes it").</summary>
public enum IndicatorConversion
{
    /// <summary>max × ratio, never above the cap (or the maximum).</summary>
    Linear,

    /// <summary>max × ratio / target: full points at the target, never above the cap (or the maximum).</summary>
    FullAtTarget,

    /// <summary>A row the portal shows without points.</summary>
    Monitoring,
}

/// <summary>What a unit scores when the indicator's denominator is 0 (it differs by indicator, §8.2).</summary>
public enum ZeroDenominatorRule
{
    /// <summary>0 points (2.1, 5.4, the payment terms; the assumption where the portal was not observed).</summary>
    ZeroPoints,

    /// <summary>The maximum (5.2 and 5.3: no PAKN is not held against the unit).</summary>
    FullPoints,

    /// <summary>No score at all, kept distinct from 0 (the portal returns null for some units).</summary>
    NoScore,
}

/// <summary>Which units the portal scores on an indicator (the METRICS sheet's "Tỉnh, xã" or "Tỉnh").</summary>
public enum IndicatorScope
{
    ProvinceAndCommune,
    Province,
}

/// <summary>One indicator of the 766 index as versioned data (domain.md §8.3: weights, targets, caps, zero-denominator
/// rules and scope are configuration, <see cref="IndicatorSet"/> carries the version and its dates).</summary>
/// <param name="Id">The id used in domain.md §8.2 and by <c>motcua serviceindex points</c> (<c>2.1</c>, <c>3.5b</c>, …).</param>
/// <param name="MetricCode">The portal's metric code where known (<c>REUSED_DIGITIZED_DATA</c>), accepted as an alias.</param>
/// <param name="Group">The displayed group whose total it adds to.</param>
/// <param name="Name">The Vietnamese name shown on the scorecard.</param>
/// <param name="MaxPoints">The indicator's maximum.</param>
/// <param name="Conversion">The conversion rule.</param>
/// <param name="TargetPercent">For <see cref="IndicatorConversion.FullAtTarget"/>: the ratio (in percent) that earns the maximum.</param>
/// <param name="Cap">Points never exceed this; <see langword="null"/> means <paramref name="MaxPoints"/>.</param>
/// <param name="ZeroDenominator">What a unit scores with nothing to count.</param>
/// <param name="Scope">Which units the portal scores.</param>
/// <param name="PointsWhenNone">When set, the points of a zero denominator instead of <paramref name="ZeroDenominator"/>'s
/// (the METRICS text of 5.3 shares a no-PAKN unit's points between 5.2 and 5.4: 3 each; §8.2 "Conflict").</param>
/// <param name="Verified">Whether the rule reproduces the portal's published points; an unverified rule is a stated
/// assumption (4.4's slope, the full-online conversion) and every screen that shows its points says so.</param>
public sealed record IndicatorDefinition(
    string Id,
    string? MetricCode,
    ServiceIndexGroup Group,
    string Name,
    decimal MaxPoints,
    IndicatorConversion Conversion,
    decimal? TargetPercent,
    decimal? Cap,
    ZeroDenominatorRule ZeroDenominator,
    IndicatorScope Scope,
    bool Verified,
    decimal? PointsWhenNone = null)
{
    /// <summary>The points a unit can never exceed on this indicator.</summary>
    public decimal Ceiling => Conversion == IndicatorConversion.Monitoring ? 0m : Math.Min(Cap ?? MaxPoints, MaxPoints);

    /// <summary>Scores <paramref name="numerator"/> of <paramref name="denominator"/> at full precision; presentation
    /// rounds (<see cref="IndicatorScore.PresentedPoints"/>). A numerator above the denominator is kept in the ratio
    /// (the portal's own data has it, e.g. more synced dossiers than counted) and capped in the points.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public IndicatorScore Score(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        if (denominator == 0)
        {
            decimal? none = PointsWhenNone ?? ZeroDenominator switch
            {
                ZeroDenominatorRule.FullPoints => Ceiling,
                ZeroDenominatorRule.NoScore => null,
                _ => 0m,
            };
            return new IndicatorScore(this, numerator, denominator, null, Conversion == IndicatorConversion.Monitoring ? null : none);
        }

        var ratio = (decimal)numerator / denominator;
        decimal? points = Conversion switch
        {
            IndicatorConversion.Linear => Math.Min(Ceiling, MaxPoints * numerator / denominator),
            IndicatorConversion.FullAtTarget => Math.Min(Ceiling, MaxPoints * ratio * 100m / TargetPercent!.Value),
            _ => null,
        };
        return new IndicatorScore(this, numerator, denominator, ratio * 100m, points);
    }
}

/// <summary>One indicator scored for one unit and period: what it was computed from, so each lost point can be explained
/// (domain.md §8.3).</summary>
/// <param name="Definition">The rule applied.</param>
/// <param name="Numerator">The count in the numerator.</param>
/// <param name="Denominator">The count in the denominator.</param>
/// <param name="RatioPercent">100 × numerator / denominator, unrounded; <see langword="null"/> when the denominator is 0.</param>
/// <param name="Points">The points, unrounded; <see langword="null"/> for a row without points or a
/// <see cref="ZeroDenominatorRule.NoScore"/> unit.</param>
public sealed record IndicatorScore(IndicatorDefinition Definition, long Numerator, long Denominator, decimal? RatioPercent, decimal? Points)
{
    /// <summary>The ratio as the portal shows it: a percentage to 2 decimals.</summary>
    public decimal? PresentedRatio => RatioPercent is { } r ? ServiceIndexRounding.TwoDecimals(r) : null;

    /// <summary>The points as the portal publishes them: each indicator rounded to 2 decimals, and a group's total is the
    /// sum of these (§8.2).</summary>
    public decimal? PresentedPoints => Points is { } p ? ServiceIndexRounding.TwoDecimals(p) : null;

    /// <summary>The published points short of the ceiling (0 for a row without points or a unit not scored).</summary>
    public decimal PointsLost => PresentedPoints is { } p ? Math.Max(0m, Definition.Ceiling - p) : 0m;
}

/// <summary>The portal publishes points and ratios to 2 decimals; halves round away from zero as in its own tables.</summary>
public static class ServiceIndexRounding
{
    /// <summary>Rounded to 2 decimals and carrying 2 decimals (18.00, not 18), so printed figures look like the portal's.</summary>
    public static decimal TwoDecimals(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
