namespace MotCua.Domain.Units;

/// <summary>One opening session of a one-stop desk on a weekday, e.g. Monday 07:30–11:30.</summary>
/// <param name="DayOfWeek">The weekday the session repeats on.</param>
/// <param name="Start">Opening time, Vietnam local time.</param>
/// <param name="End">Closing time, Vietnam local time; after <paramref name="Start"/>.</param>
public sealed record DeskWorkSession(DayOfWeek DayOfWeek, TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether <paramref name="time"/> on this weekday falls in [Start, End).</summary>
    public bool Contains(DayOfWeek dayOfWeek, TimeOnly time) => dayOfWeek == DayOfWeek && time >= Start && time < End;
}
