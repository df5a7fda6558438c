using MotCua.Domain.Calendar;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>Everything a PAKN transition needs besides the case and the command.</summary>
/// <param name="NowUtc">The current instant (UTC), from the caller's <see cref="TimeProvider"/>.</param>
/// <param name="Actor">Who fires the trigger.</param>
/// <param name="Calculator">The handling unit's calendar and desk hours (the receiving unit's while none is chosen);
/// used when the clock starts and when the answer goes to publication.</param>
/// <param name="Schedule">The deadline settings versions (<see cref="PaknDeadlineSchedule.Default"/> unless configured).</param>
public sealed record PaknContext(DateTime NowUtc, PaknActor Actor, DeadlineCalculator Calculator, PaknDeadlineSchedule Schedule)
{
    /// <summary>The end-of-day switch of the deadline computation.</summary>
    public DeadlineOptions DeadlineOptions { get; init; } = DeadlineOptions.Default;
}
