using System.Linq.Expressions;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Dossiers;

// Appointments, pauses, step deadlines and timeliness (domain.md §3.4, §5.3–5.6).
public sealed partial class Dossier
{
    /// <summary>TT 01/2018 Art. 13 Index 1: the finished dossier against its legal (original) appointment.</summary>
    /// <remarks>An apology does not help here: an extended dossier that misses the original date is late
    /// (domain.md §5.4). Granularity: dates under <see cref="DeadlinePolicy.CalendarDayEnd"/>, minutes under
    /// <see cref="DeadlinePolicy.WorkingHours"/>.</remarks>
    /// <returns><see langword="null"/> while processing has not ended or when the dossier was never received.</returns>
    public Timeliness? Classify() =>
        ProcessingEndedAt is { } end && OriginalAppointmentAt is { } due ? Classify(end, due) : null;

    /// <summary>DVCQG 766 §2.1: on time iff the end is not after the current appointment (<c>NgayHenTra</c>) and no
    /// second agency-stage supplement was requested under <see cref="SupplementClockPolicy.SupplementPause"/>.</summary>
    /// <remarks>Early and on time are merged. Which appointment DVCQG expects after an extension was not found
    /// (domain.md §5.4); the current one is used, as it is the date the desk publishes.</remarks>
    public bool? IsOnTimeForDvcqg() =>
        ProcessingEndedAt is { } end && CurrentAppointmentAt is { } due ? !MarkedLateByRepeatedSupplement && end <= due : null;

    /// <summary><see cref="IsOnTimeForDvcqg"/> <c>== false</c> as a query predicate: ended, with an appointment, and
    /// after it or marked late by a repeated supplement.</summary>
    public static readonly Expression<Func<Dossier, bool>> EndedLateForDvcqg = d =>
        d.ProcessingEndedAt != null && d.CurrentAppointmentAt != null
        && (d.MarkedLateByRepeatedSupplement || d.ProcessingEndedAt > d.CurrentAppointmentAt);

    /// <summary>The dossier's standing at the end of a reporting period, derived from the history (domain.md §3.4).</summary>
    /// <param name="periodEndUtc">The period's cut-off instant (UTC).</param>
    /// <returns><see langword="null"/> when the dossier had not been received by then; otherwise whether it had ended
    /// and its classification against the legal appointment in force at the period end. An open dossier waiting for a
    /// supplement (or a payment that pauses the clock) uses the time of that request as its end time.</returns>
    /// <exception cref="InvalidOperationException">The dossier was loaded without its whole history (a bug in the
    /// caller: the answer would be wrong, not merely slow).</exception>
    public PeriodTimeliness? ClassifyAt(DateTime periodEndUtc)
    {
        RequireUtc(periodEndUtc, nameof(periodEndUtc));
        if (_history.Count != Version)
        {
            throw new InvalidOperationException("Classifying a dossier at a period end needs its whole history loaded.");
        }

        // A store may materialise the entries in any order.
        _history.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));

        if (ReceivedAt is null || ReceivedAt > periodEndUtc)
        {
            return null;
        }

        var last = _history.FindLastIndex(e => e.At <= periodEndUtc);
        if (last < 0)
        {
            return null;
        }

        var entry = _history[last];
        var due = entry.OriginalAppointmentAt;
        if (due is null)
        {
            return null;
        }

        if (ProcessingEndedAt is { } ended && ended <= periodEndUtc)
        {
            return new PeriodTimeliness(true, Compare(ended, due.Value), ended);
        }

        var end = periodEndUtc;
        var state = entry.To;
        if (DeadlineWatch.IsPaused(state, FinancialObligationPausesClock))
        {
            // C1 §2.1: a dossier waiting for the applicant ends, for the period, when the request was made.
            var start = _history.FindLastIndex(last, e => e.To == state && e.From != state);
            end = _history[start].At;
        }

        return new PeriodTimeliness(false, Compare(end, due.Value), end);
    }

    /// <summary>Not due / due soon / overdue / paused at <paramref name="nowUtc"/> against the current appointment.</summary>
    /// <param name="nowUtc">The instant to judge at (UTC).</param>
    /// <param name="dueSoonWorkingTime">The warning threshold in working time (e.g. 8 h = one working day).</param>
    /// <param name="calculator">The desk's calculator, to measure the remaining working time.</param>
    /// <returns><see langword="null"/> when the dossier is not received or its processing has ended.</returns>
    public OpenDeadlineStatus? DeadlineStatusAt(DateTime nowUtc, TimeSpan dueSoonWorkingTime, DeadlineCalculator calculator)
    {
        RequireUtc(nowUtc, nameof(nowUtc));
        return DeadlineWatch.StatusAt(Status, CurrentAppointmentAt, ProcessingEndedAt, FinancialObligationPausesClock, nowUtc, dueSoonWorkingTime, calculator);
    }

    // Early / on time / late at the policy's granularity: dates for CalendarDayEnd, minutes for WorkingHours.
    private Timeliness? Classify(DateTime end, DateTime? deadline) => deadline is { } due ? Compare(end, due) : null;

    private Timeliness Compare(DateTime end, DateTime due)
    {
        int comparison;
        if (DeadlinePolicy == DeadlinePolicy.CalendarDayEnd)
        {
            comparison = BusinessDate(end).CompareTo(DueDate(due));
        }
        else
        {
            comparison = (end.Ticks / TimeSpan.TicksPerMinute).CompareTo(due.Ticks / TimeSpan.TicksPerMinute);
        }

        return comparison switch
        {
            < 0 => Timeliness.Early,
            0 => Timeliness.OnTime,
            _ => Timeliness.Late,
        };
    }

    // The business date a due instant belongs to: 24:00 (DueTimeOfDay.EndOfDay) is the end of the previous date.
    private static DateOnly DueDate(DateTime dueUtc) => BusinessDate(dueUtc.AddTicks(-1));

    // A step's deadline from its slice, in the procedure's unit. Whole working days under CalendarDayEnd end at the
    // close of the N-th working day, as the appointment does; fractional slices (0.5 day) are working time.
    private DateTime? StepDeadline(DateTime from, decimal slice, DossierContext context)
    {
        if (slice <= 0)
        {
            return null;
        }

        var calculator = context.Calculator;
        var unit = ReceivedAt is null ? context.Procedure.TimeLimit.Unit : TimeLimitUnit;
        var policy = DeadlinePolicyOrProcedure(context);
        var whole = decimal.IsInteger(slice);
        var day = calculator.Schedule.WorkingDayLength;
        switch (unit)
        {
            case ProcessingTimeUnit.WorkingDay when whole && policy == DeadlinePolicy.CalendarDayEnd:
            case ProcessingTimeUnit.CalendarDay when whole:
            case ProcessingTimeUnit.Month when whole:
                var due = calculator.ComputeDue(from, slice, unit, policy, context.DeadlineOptions);
                return due.IsSuccess ? due.Value : null;
            case ProcessingTimeUnit.WorkingHour:
                return calculator.AddWorkingTime(from, TimeSpan.FromHours((double)slice));
            case ProcessingTimeUnit.CalendarDay:
                return from.AddDays((double)slice);
            case ProcessingTimeUnit.Month:
                return from.AddDays((double)(slice * 30));
            default:
                // Working days under WorkingHours, fractional working days, and slices of an immediate procedure's day.
                return calculator.AddWorkingTime(from, day * (double)slice);
        }
    }

    // Moves a due instant by a pause. Day-counted appointments (CalendarDayEnd) move by the working days in
    // (pause start date, pause end date], keeping their time of day; the others by the working time paused, so a
    // pause across Tết does not consume the holiday (domain.md §5.6: the DVCQG rule subtracts the applicant's time).
    private DateTime Shift(DateTime due, DateTime pauseFrom, DateTime pauseTo, DeadlineCalculator calculator)
    {
        if (pauseTo <= pauseFrom)
        {
            return due;
        }

        if (DeadlinePolicy == DeadlinePolicy.CalendarDayEnd && TimeLimitUnit != ProcessingTimeUnit.WorkingHour)
        {
            var days = calculator.WorkingDaysBetween(BusinessDate(pauseFrom), BusinessDate(pauseTo));
            if (days == 0)
            {
                return due;
            }

            var dueDate = DueDate(due);
            var moved = calculator.Calendar.AddWorkingDays(calculator.Calendar.WorkingDayOnOrBefore(dueDate), days);
            return due.AddDays(moved.DayNumber - dueDate.DayNumber);
        }

        return calculator.AddWorkingTime(due, calculator.WorkingTimeBetween(pauseFrom, pauseTo));
    }
}
