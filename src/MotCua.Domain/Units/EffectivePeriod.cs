namespace MotCua.Domain.Units;

/// <summary>Rules for inclusive effective-date ranges (hiệu lực từ ngày … đến hết ngày …).</summary>
public static class EffectivePeriod
{
    /// <summary>Whether <paramref name="date"/> lies in [<paramref name="validFrom"/>, <paramref name="validTo"/>], both ends inclusive.</summary>
    /// <param name="validFrom">First day in force.</param>
    /// <param name="validTo">Last day in force, or <see langword="null"/> while open-ended.</param>
    /// <param name="date">The civil date in Vietnam being checked.</param>
    public static bool Contains(DateOnly validFrom, DateOnly? validTo, DateOnly date) =>
        date >= validFrom && (validTo is null || date <= validTo.Value);

    /// <summary>Throws when the range is empty, a programming error in seed or import code.</summary>
    /// <exception cref="ArgumentException"><paramref name="validTo"/> is before <paramref name="validFrom"/>.</exception>
    public static void EnsureOrdered(DateOnly validFrom, DateOnly? validTo)
    {
        if (validTo is { } to && to < validFrom)
        {
            throw new ArgumentException($"Valid-to {to:yyyy-MM-dd} is before valid-from {validFrom:yyyy-MM-dd}.", nameof(validTo));
        }
    }
}
