namespace MotCua.Domain.ServiceIndex;

/// <summary>"What if": the points an indicator would have had if <see cref="Fixed"/> of the items counted against it
/// had been fine (a late dossier on time, a late PAKN answered in time …), with the same
/// <see cref="IndicatorDefinition.Score"/> as the scorecard, so the answer is exactly what the portal's rule would give.</summary>
/// <param name="Fixed">How many items were taken as fine (at most the items lost).</param>
/// <param name="PointsBefore">The published points now.</param>
/// <param name="PointsAfter">The published points with those items fine.</param>
public sealed record WhatIf(long Fixed, decimal PointsBefore, decimal PointsAfter)
{
    /// <summary>Points regained (≥ 0).</summary>
    public decimal Regained => PointsAfter - PointsBefore;

    /// <summary>The what-if of <paramref name="score"/> with <paramref name="items"/> more in the numerator, never more
    /// than the denominator allows; <see langword="null"/> for a row without points or with nothing to count.</summary>
    public static WhatIf? For(IndicatorScore score, long items)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        if (score.PresentedPoints is not { } before || score.Denominator == 0)
        {
            return null;
        }

        var fixedItems = Math.Min(items, Math.Max(0, score.Denominator - score.Numerator));
        var after = score.Definition.Score(score.Numerator + fixedItems, score.Denominator).PresentedPoints ?? before;
        return new WhatIf(fixedItems, before, after);
    }
}
