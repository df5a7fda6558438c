namespace MotCua.Domain.Calendar;

/// <summary>One working session of a desk, in Vietnam wall-clock time, half-open [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <param name="Start">When the session opens, e.g. 07:30.</param>
/// <param name="End">When the session closes, e.g. 11:30; must be after <paramref name="Start"/> on the same day.</param>
public readonly record struct WorkSession(TimeOnly Start, TimeOnly End)
{
    /// <summary>The length of the session.</summary>
    public TimeSpan Duration => End - Start;

    /// <inheritdoc/>
    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}
