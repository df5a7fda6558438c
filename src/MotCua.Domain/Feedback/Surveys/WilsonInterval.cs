namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The Wilson score interval for a proportion (Wilson 1927), used for every SIPAS index's 95 % interval.</summary>
/// <remarks>
/// <para>For an observed share <c>p</c> among <c>n</c> and the normal quantile <c>z</c>:
/// <c>centre = (p + z²/2n) / (1 + z²/n)</c>, <c>half = z · √(p(1 − p)/n + z²/4n²) / (1 + z²/n)</c>, interval
/// <c>[centre − half, centre + half]</c>. Unlike the normal ("Wald") interval it stays inside [0, 1] and does not
/// collapse to a point when every answer is satisfied, which matters because SIPAS shares sit near 80–90 %
/// (domain.md §9.1).</para>
/// </remarks>
public static class WilsonInterval
{
    /// <summary>The two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.96;

    /// <summary>The interval of share <paramref name="p"/> (0 … 1) among <paramref name="n"/> (≥ 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or <paramref name="n"/> is
    /// below 1.</exception>
    public static (double Lower, double Upper) Compute(double p, int n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (p is < 0 or > 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A share lies in [0, 1].");
        }

        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2.0 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
