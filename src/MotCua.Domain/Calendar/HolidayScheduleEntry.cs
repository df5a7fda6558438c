namespace MotCua.Domain.Calendar;

/// <summary>One day of an official yearly holiday schedule.</summary>
/// <param name="Date">The civil date.</param>
/// <param name="Kind">
/// <see cref="DayKind.Holiday"/>, <see cref="DayKind.CompensatoryOff"/>, <see cref="DayKind.SwapOff"/> or
/// <see cref="DayKind.MakeUpWorkday"/>.
/// </param>
/// <param name="Description">Vietnamese description, e.g. "Tết Âm lịch".</param>
/// <param name="Source">Decision or notice for this day, when it differs from the schedule's own source.</param>
/// <param name="Confirmed">False when the day could not be checked against the official text.</param>
/// <param name="Note">Why the day is unconfirmed, or any other remark for the administrator.</param>
public sealed record HolidayScheduleEntry(
    DateOnly Date,
    DayKind Kind,
    string Description,
    string? Source = null,
    bool Confirmed = true,
    string? Note = null)
{
    /// <summary>The entry as a calendar day for the working-day calendar.</summary>
    public CalendarDay ToCalendarDay() => new(Date, Kind, Description);
}
