namespace MotCua.Domain.Calendar;

/// <summary>The inputs of one deadline computation; store them with the result so it can be audited (domain.md §5.3).</summary>
/// <param name="ReceivedAtUtc">The legal moment of receipt, a UTC instant (<see cref="DateTimeKind.Utc"/>).</param>
/// <param name="Value">The limit, at least 0. Fractions are allowed for working hours, and for working days under
/// <see cref="DeadlinePolicy.WorkingHours"/>; ignored for <see cref="ProcessingTimeUnit.Immediate"/>.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>.</param>
/// <param name="Policy">How days are counted.</param>
/// <param name="Options">Cut-off and end-of-day switches; <c>null</c> means <see cref="DeadlineOptions.Default"/>.</param>
public readonly record struct DeadlineRequest(
    DateTime ReceivedAtUtc,
    decimal Value,
    ProcessingTimeUnit Unit,
    DeadlinePolicy Policy,
    DeadlineOptions? Options = null);
