namespace MotCua.Domain.Feedback.Pakn;

/// <summary>One computed rate, with what it was computed from, so every lost point can be explained (domain.md §8.3).</summary>
/// <param name="Indicator">Which rate (<see cref="PaknRates"/>' constants).</param>
/// <param name="Numerator">The count in the numerator.</param>
/// <param name="Denominator">The count in the denominator.</param>
/// <param name="Ratio">Numerator / denominator, unrounded; <see langword="null"/> when the denominator is 0.</param>
/// <param name="Points">The points, unrounded (the zero-denominator rule applied when there is no data).</param>
/// <param name="MaxPoints">The indicator's maximum (0 for the local handling rate, which scores nothing).</param>
/// <param name="CountedAgainst">The cases (or dossiers) that kept the numerator below the denominator.</param>
public sealed record PaknRate(
    string Indicator, int Numerator, int Denominator, decimal? Ratio, decimal Points, decimal MaxPoints, IReadOnlyList<Guid> CountedAgainst)
{
    /// <summary>Whether the denominator is 0, so the points come from the zero-denominator rule.</summary>
    public bool NoData => Denominator == 0;

    /// <summary>The points rounded to 2 places for display; keep <see cref="Points"/> for sums.</summary>
    public decimal PresentedPoints => Math.Round(Points, 2, MidpointRounding.AwayFromZero);

    /// <summary>The ratio as a percentage rounded to 2 places for display.</summary>
    public decimal? PresentedPercent => Ratio is { } ratio ? Math.Round(ratio * 100, 2, MidpointRounding.AwayFromZero) : null;
}
