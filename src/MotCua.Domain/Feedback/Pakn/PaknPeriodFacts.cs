using MotCua.Domain.Calendar;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>What the period rates need to know about one case (<see cref="PaknRates"/>).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="ReceivedInPeriod">Its clock started in the period: submitted, or transferred in.</param>
/// <param name="FirstReceivedInPeriod">First submitted in the period (766 §5.3 counts each PAKN once per period).</param>
/// <param name="HandledInPeriod">The step that handled it happened in the period.</param>
/// <param name="CarriedOver">Received before the period and not handled when it began (tồn kỳ trước).</param>
/// <param name="Status">Its timeliness at the period's end.</param>
/// <param name="Likes">Public likes.</param>
/// <param name="Dislikes">Public dislikes.</param>
/// <param name="RepeatedDissatisfied">The submitter replied dissatisfied by the period's end (the case was reopened).</param>
public sealed record PaknPeriodFacts(
    Guid CaseId,
    bool ReceivedInPeriod,
    bool FirstReceivedInPeriod,
    bool HandledInPeriod,
    bool CarriedOver,
    PaknTimelinessStatus Status,
    int Likes = 0,
    int Dislikes = 0,
    bool RepeatedDissatisfied = false)
{
    /// <summary>Late at the period's end: handled late or open past the deadline.</summary>
    public bool IsLate => Status is PaknTimelinessStatus.HandledLate or PaknTimelinessStatus.OpenOverdue;

    /// <summary>The facts of <paramref name="pakn"/> for <paramref name="period"/>, derived from its history.</summary>
    /// <remarks>Likes and dislikes are the case's current totals: the portal's counters are not historised.</remarks>
    /// <returns><see langword="null"/> when the case was logged after the period; otherwise the facts, or a deadline
    /// error.</returns>
    /// <exception cref="InvalidOperationException">The case was loaded without its whole history.</exception>
    public static Result<PaknPeriodFacts?> For(
        PaknCase pakn, PaknPeriod period, PaknDeadlineSchedule schedule, DeadlineCalculator calculator, DeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pakn);
        ArgumentNullException.ThrowIfNull(period);
        var atEnd = PaknTimeliness.Evaluate(pakn, period.AsOfUtc, schedule, calculator, options);
        if (atEnd.IsFailure)
        {
            return atEnd.Error is PaknNotReceivedBy ? Result.Success<PaknPeriodFacts?>(null) : Result.Failure<PaknPeriodFacts?>(atEnd.Error);
        }

        var end = atEnd.Value;
        var carriedOver = false;
        if (end.Deadlines.ClockStartedAtUtc < period.StartUtc)
        {
            var atStart = PaknTimeliness.Evaluate(pakn, period.StartUtc.AddTicks(-1), schedule, calculator, options);
            if (atStart.IsFailure && atStart.Error is not PaknNotReceivedBy)
            {
                return Result.Failure<PaknPeriodFacts?>(atStart.Error);
            }

            carriedOver = atStart.IsSuccess && !atStart.Value.IsHandled;
        }

        var dissatisfied = PaknHistoryWindow.Until(pakn, period.AsOfUtc).Exists(e => e.Trigger == PaknTrigger.ReplyDissatisfied);
        return new PaknPeriodFacts(
            pakn.Id,
            period.Contains(end.Deadlines.ClockStartedAtUtc),
            period.Contains(pakn.SubmittedAt),
            end.IsHandled && period.Contains(end.HandledAtUtc),
            carriedOver,
            end.Status,
            pakn.Likes,
            pakn.Dislikes,
            dissatisfied);
    }
}
