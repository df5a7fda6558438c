namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The configurable parts of the PAKN and satisfaction rates (domain.md §8.2 group 6, §8.3: weights, targets
/// and zero-denominator rules are versioned configuration).</summary>
/// <remarks>The defaults follow the portal's API [S, Q1]. The METRICS text of 5.3 instead shares a no-PAKN unit's points
/// between 5.2 and 5.4 (§8.2, "Conflict for units with no PAKN"); set the two "when none" values to express it.</remarks>
public sealed record PaknRateRules
{
    /// <summary>The API's rules.</summary>
    public static PaknRateRules Default { get; } = new();

    /// <summary>Maximum points of 766 §5.2, §5.3 and §5.4 each.</summary>
    public decimal MaxPoints { get; init; } = 6m;

    /// <summary>§5.2 points when the unit has no PAKN in the period.</summary>
    public decimal OnTimePointsWhenNone { get; init; } = 6m;

    /// <summary>§5.3 points when the unit has no PAKN first received in the period.</summary>
    public decimal SatisfactionPointsWhenNone { get; init; } = 6m;

    /// <summary>§5.4 points when the unit has no dossiers.</summary>
    public decimal DossierSatisfactionPointsWhenNone { get; init; } = 0m;

    /// <summary>§5.4 reaches its maximum at this ratio: points = min(max, max × ratio / this).</summary>
    public decimal DossierSatisfactionFullAt { get; init; } = 0.90m;
}
