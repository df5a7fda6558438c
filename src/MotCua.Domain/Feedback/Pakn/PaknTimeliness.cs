using MotCua.Domain.Calendar;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>Where a case stands against its deadlines at an instant (766 §5.2; domain.md §10.3).</summary>
public enum PaknTimelinessStatus
{
    /// <summary>Handled, and the step that handled it met its deadline.</summary>
    HandledOnTime,

    /// <summary>Handled late.</summary>
    HandledLate,

    /// <summary>Not handled yet, still within the handling deadline.</summary>
    OpenWithinDeadline,

    /// <summary>Not handled and past the handling deadline.</summary>
    OpenOverdue,
}

/// <summary>One case's timeliness at an instant, derived from its history (domain.md §10.3, 766 §5.2).</summary>
/// <remarks>
/// <para>"Handled" follows DVCQG's "đã xử lý" group: refused, forwarded, waiting for a supplement, waiting for
/// publication, or published. The step that handled it is timed against its own limit: refusal, forwarding, the first
/// supplement request, or completion (reaching "chờ công khai") within the handling limit and, when
/// <paramref name="PublicationOnTime"/> is known, publication within its limit. A reopened case stays handled by its
/// first completion [design].</para>
/// <para>The supplement does not pause the clock: C1 counts from submission or the latest transfer only. A case
/// waiting for a supplement is handled (judged by the first request); when the supplement arrives it is open again
/// against the same handling deadline [design, unverified].</para>
/// <para>Comparisons are by Vietnam date: anything on the due date is on time (<see cref="PaknDeadlines.IsOnTime"/>).</para>
/// </remarks>
/// <param name="CaseId">The case.</param>
/// <param name="AsOfUtc">The instant judged at: a period's last moment, or now.</param>
/// <param name="Status">Handled on time or late, or open within the deadline or overdue.</param>
/// <param name="Deadlines">The deadlines of the clock start in force at <paramref name="AsOfUtc"/>.</param>
/// <param name="HandledAtUtc">When the step that handled it happened; <see langword="null"/> while open.</param>
/// <param name="RefusalOnTime">Whether the refusal met its limit; <see langword="null"/> if not refused.</param>
/// <param name="ForwardOnTime">Whether the forwarding met its limit; <see langword="null"/> if not forwarded.</param>
/// <param name="FirstSupplementOnTime">Whether the first supplement request met its limit; <see langword="null"/> if none.</param>
/// <param name="HandlingOnTime">Whether completion met the handling limit; <see langword="null"/> if not completed.</param>
/// <param name="PublicationOnTime">Whether publication met its limit; <see langword="false"/> also while waiting past it;
/// <see langword="null"/> if not completed, or waiting within the limit.</param>
/// <param name="PublicationDueAtUtc">The publication deadline, once completed.</param>
public sealed record PaknTimeliness(
    Guid CaseId,
    DateTime AsOfUtc,
    PaknTimelinessStatus Status,
    PaknDeadlines Deadlines,
    DateTime? HandledAtUtc,
    bool? RefusalOnTime,
    bool? ForwardOnTime,
    bool? FirstSupplementOnTime,
    bool? HandlingOnTime,
    bool? PublicationOnTime,
    DateTime? PublicationDueAtUtc)
{
    /// <summary>Counts for the numerator of 766 §5.2: handled on time, or open within the deadline.</summary>
    public bool CountsAsOnTime => Status is PaknTimelinessStatus.HandledOnTime or PaknTimelinessStatus.OpenWithinDeadline;

    /// <summary>Handled (either way) at <see cref="AsOfUtc"/>.</summary>
    public bool IsHandled => Status is PaknTimelinessStatus.HandledOnTime or PaknTimelinessStatus.HandledLate;

    /// <summary>Late: handled late, or open past the deadline.</summary>
    public bool IsLate => !CountsAsOnTime;

    /// <summary>Evaluates <paramref name="pakn"/> at <paramref name="asOfUtc"/> (inclusive) from its history.</summary>
    /// <param name="pakn">The case, loaded with its whole history.</param>
    /// <param name="asOfUtc">The instant (UTC).</param>
    /// <param name="schedule">The deadline settings versions.</param>
    /// <param name="calculator">The handling unit's calendar.</param>
    /// <param name="options">The end-of-day switch; <see langword="null"/> means <see cref="DeadlineOptions.Default"/>.</param>
    /// <returns>The timeliness, <see cref="PaknNotReceivedBy"/> when the case was logged after
    /// <paramref name="asOfUtc"/>, or a deadline error.</returns>
    /// <exception cref="InvalidOperationException">The case was loaded without its whole history (a bug in the caller:
    /// the answer would be wrong, not merely slow).</exception>
    public static Result<PaknTimeliness> Evaluate(
        PaknCase pakn, DateTime asOfUtc, PaknDeadlineSchedule schedule, DeadlineCalculator calculator, DeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pakn);
        VietnamTime.RequireUtc(asOfUtc, nameof(asOfUtc));
        var entries = PaknHistoryWindow.Until(pakn, asOfUtc);
        if (entries.Count == 0)
        {
            return new PaknNotReceivedBy(asOfUtc);
        }

        var last = entries[^1];
        var deadlines = PaknDeadlines.Compute(last.ClockStartedAt, schedule, calculator, options);
        if (deadlines.IsFailure)
        {
            return deadlines.Error;
        }

        var d = deadlines.Value;
        var cycle = entries.Skip(entries.FindLastIndex(e => e.Trigger is PaknTrigger.Submit or PaknTrigger.TransferIn)).ToList();
        var refused = cycle.Find(e => e.To == PaknStatus.NotAccepted && e.From != PaknStatus.NotAccepted)?.At;
        var forwarded = cycle.Find(e => e.Trigger == PaknTrigger.Forward)?.At;
        var supplement = cycle.Find(e => e.Trigger == PaknTrigger.RequestSupplement)?.At;
        var completedIndex = cycle.FindIndex(e => e.To == PaknStatus.AwaitingPublication);
        DateTime? completed = completedIndex < 0 ? null : cycle[completedIndex].At;

        bool? publicationOnTime = null;
        DateTime? publicationDue = null;
        if (completed is { } since)
        {
            var due = PaknDeadlines.PublicationDue(since, d.Settings, calculator, options);
            if (due.IsFailure)
            {
                return due.Error;
            }

            publicationDue = due.Value;
            var published = cycle.Skip(completedIndex).FirstOrDefault(e => e.Trigger == PaknTrigger.Publish)?.At;
            publicationOnTime = published is { } at ? PaknDeadlines.IsOnTime(at, due.Value)
                : PaknDeadlines.IsOnTime(asOfUtc, due.Value) ? null : false;
        }

        var refusalOnTime = OnTime(refused, d.RefusalDueAtUtc);
        var forwardOnTime = OnTime(forwarded, d.ForwardDueAtUtc);
        var supplementOnTime = OnTime(supplement, d.FirstSupplementDueAtUtc);
        var handlingOnTime = OnTime(completed, d.HandlingDueAtUtc);

        var (handledAt, onTime) = last.To switch
        {
            PaknStatus.NotAccepted => (refused, refusalOnTime),
            PaknStatus.Forwarded => (forwarded, forwardOnTime),
            _ when completed is not null => (completed, (bool?)(handlingOnTime == true && publicationOnTime != false)),
            PaknStatus.SupplementRequested => (last.At, supplementOnTime),
            _ => ((DateTime?)null, (bool?)null),
        };

        var status = handledAt is null
            ? PaknDeadlines.IsOnTime(asOfUtc, d.HandlingDueAtUtc) ? PaknTimelinessStatus.OpenWithinDeadline : PaknTimelinessStatus.OpenOverdue
            : onTime == true ? PaknTimelinessStatus.HandledOnTime : PaknTimelinessStatus.HandledLate;
        return new PaknTimeliness(
            pakn.Id, asOfUtc, status, d, handledAt, refusalOnTime, forwardOnTime, supplementOnTime, handlingOnTime, publicationOnTime,
            publicationDue);
    }

    private static bool? OnTime(DateTime? at, DateTime due) => at is { } moment ? PaknDeadlines.IsOnTime(moment, due) : null;
}
