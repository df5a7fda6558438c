using MotCua.Domain.Calendar;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The due instants of one clock start, under the settings version in force on its date (domain.md §10.3).</summary>
/// <param name="ClockStartedAtUtc">Submission, or the latest transfer in.</param>
/// <param name="Settings">The version used.</param>
/// <param name="RefusalDueAtUtc">The latest refusal on time.</param>
/// <param name="FirstSupplementDueAtUtc">The latest first supplement request on time.</param>
/// <param name="ForwardDueAtUtc">The latest forwarding on time (ND 20/2008 Art. 9(1)(d)(iv)).</param>
/// <param name="HandlingDueAtUtc">The latest completion (reaching "chờ công khai") on time.</param>
public sealed record PaknDeadlines(
    DateTime ClockStartedAtUtc,
    PaknDeadlineSettings Settings,
    DateTime RefusalDueAtUtc,
    DateTime FirstSupplementDueAtUtc,
    DateTime ForwardDueAtUtc,
    DateTime HandlingDueAtUtc)
{
    // For EF Core: the settings are a nested complex property, which a constructor parameter cannot bind.
    private PaknDeadlines()
        : this(default, new PaknDeadlineSettings(), default, default, default, default)
    {
    }

    /// <summary>Computes the deadlines of a clock start on the handling unit's calendar.</summary>
    /// <remarks>The same convention as dossier appointments (<see cref="DeadlinePolicy.CalendarDayEnd"/>, BLDS 2015
    /// Art. 147(1)): the start day is not counted, a start outside working time counts from the next working time, and
    /// each limit ends at the end of its N-th working day.</remarks>
    /// <param name="clockStartedAtUtc">The clock start (UTC).</param>
    /// <param name="schedule">The settings versions; the one in force on the start's Vietnam date is used.</param>
    /// <param name="calculator">The handling unit's calendar and desk hours.</param>
    /// <param name="options">The end-of-day switch; <see langword="null"/> means <see cref="DeadlineOptions.Default"/>.</param>
    /// <returns>The deadlines, <see cref="PaknDeadlineSettingsMissing"/>, or <see cref="PaknDeadlineNotComputed"/>
    /// when the calendar does not cover them.</returns>
    public static Result<PaknDeadlines> Compute(
        DateTime clockStartedAtUtc, PaknDeadlineSchedule schedule, DeadlineCalculator calculator, DeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(calculator);
        VietnamTime.RequireUtc(clockStartedAtUtc, nameof(clockStartedAtUtc));
        var settings = schedule.For(VietnamTime.BusinessDate(clockStartedAtUtc));
        if (settings.IsFailure)
        {
            return settings.Error;
        }

        var s = settings.Value;
        var refusal = Due(clockStartedAtUtc, s.RefusalWorkingDays, calculator, options);
        var supplement = Due(clockStartedAtUtc, s.FirstSupplementWorkingDays, calculator, options);
        var forward = Due(clockStartedAtUtc, s.ForwardWorkingDays, calculator, options);
        var handling = Due(clockStartedAtUtc, s.HandlingWorkingDays, calculator, options);
        foreach (var due in (ReadOnlySpan<Result<DateTime>>)[refusal, supplement, forward, handling])
        {
            if (due.IsFailure)
            {
                return due.Error;
            }
        }

        return new PaknDeadlines(clockStartedAtUtc, s, refusal.Value, supplement.Value, forward.Value, handling.Value);
    }

    /// <summary>The latest publication on time, counted from reaching "chờ công khai" with the case's settings version.</summary>
    public static Result<DateTime> PublicationDue(
        DateTime awaitingSinceUtc, PaknDeadlineSettings settings, DeadlineCalculator calculator, DeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calculator);
        VietnamTime.RequireUtc(awaitingSinceUtc, nameof(awaitingSinceUtc));
        return Due(awaitingSinceUtc, settings.PublicationWorkingDays, calculator, options);
    }

    /// <summary>Whether an action at <paramref name="atUtc"/> meets <paramref name="dueUtc"/>, by Vietnam dates: the
    /// limits are whole working days, so anything on the due day is on time (as dossiers under
    /// <see cref="DeadlinePolicy.CalendarDayEnd"/>).</summary>
    public static bool IsOnTime(DateTime atUtc, DateTime dueUtc) =>
        VietnamTime.BusinessDate(atUtc) <= VietnamTime.BusinessDate(dueUtc.AddTicks(-1)); // 24:00 belongs to the day before

    private static Result<DateTime> Due(DateTime startUtc, int workingDays, DeadlineCalculator calculator, DeadlineOptions? options)
    {
        var due = calculator.ComputeDue(startUtc, workingDays, ProcessingTimeUnit.WorkingDay, DeadlinePolicy.CalendarDayEnd, options);
        return due.IsSuccess ? due.Value : new PaknDeadlineNotComputed(due.Error);
    }
}
