using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Feedback.Pakn.PaknTimelinessStatus;
using static MotCua.Domain.Feedback.Pakn.PaknTrigger;

namespace MotCua.Domain.Tests.Feedback.Pakn;

// Clock start Mon 2 Mar 2026 09:00 on the seeded calendar: refusal due Wed 4 Mar, first supplement and forwarding
// due Mon 9 Mar, handling due Mon 23 Mar (Mar 3–6, 9–13, 16–20, 23).
public class PaknTimelinessTests
{
    private static readonly PaknDriver D = new();

    private static PaknTimeliness At(PaknCase pakn, string local) =>
        PaknDriver.Ok(PaknTimeliness.Evaluate(pakn, Vn.Utc(local), PaknDeadlineSchedule.Default, PaknDriver.Seeded));

    [Theory]
    [InlineData("2026-03-02 09:00", OpenWithinDeadline)]
    [InlineData("2026-03-23 23:59", OpenWithinDeadline)] // the due day itself
    [InlineData("2026-03-24 00:00", OpenOverdue)]
    public void Evaluate_OpenCase_WithinDeadlineUntilTheDueDayEnds(string asOf, PaknTimelinessStatus expected)
    {
        var pakn = D.InState(PaknStatus.InProgress);

        var t = At(pakn, asOf);

        Assert.Equal(expected, t.Status);
        Assert.Null(t.HandledAtUtc);
        Assert.Equal("2026-03-23 17:00", Vn.Format(t.Deadlines.HandlingDueAtUtc));
        Assert.Equal(expected == OpenWithinDeadline, t.CountsAsOnTime);
    }

    [Theory]
    [InlineData("2026-03-04 16:00", HandledOnTime, true)]
    [InlineData("2026-03-05 08:00", HandledLate, false)]
    public void Evaluate_Refused_TimedAgainstTheRefusalLimit(string refusedAt, PaknTimelinessStatus expected, bool onTime)
    {
        var pakn = D.Submit();
        D.Fire(pakn, Refuse, refusedAt);

        var t = At(pakn, "2026-03-31 12:00");

        Assert.Equal((expected, onTime), (t.Status, t.RefusalOnTime));
        Assert.Equal(refusedAt, Vn.Format(t.HandledAtUtc!.Value));
    }

    [Theory]
    [InlineData("2026-03-09 16:00", HandledOnTime)]
    [InlineData("2026-03-10 08:00", HandledLate)]
    public void Evaluate_Forwarded_TimedAgainstArticle9Limit(string forwardedAt, PaknTimelinessStatus expected)
    {
        var pakn = D.Submit();
        D.Fire(pakn, Forward, forwardedAt);

        var t = At(pakn, "2026-03-31 12:00");

        Assert.Equal(expected, t.Status);
        Assert.Equal(expected == HandledOnTime, t.ForwardOnTime);
    }

    [Theory]
    [InlineData("2026-03-09 16:00", HandledOnTime)]
    [InlineData("2026-03-10 08:00", HandledLate)]
    public void Evaluate_WaitingForSupplement_HandledAndJudgedByTheFirstRequest(string requestedAt, PaknTimelinessStatus expected)
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, RequestSupplement, requestedAt);

        var t = At(pakn, "2026-03-31 12:00");

        Assert.Equal(expected, t.Status);
        Assert.Equal(expected == HandledOnTime, t.FirstSupplementOnTime);
    }

    [Fact]
    public void Evaluate_SupplementProvided_OpenAgainWithoutPause()
    {
        var pakn = D.InState(PaknStatus.Classified);
        D.Fire(pakn, RequestSupplement, "2026-03-04 10:00");
        D.Fire(pakn, ProvideSupplement, "2026-03-18 10:00");

        // The 10 working days of waiting are not added: C1 counts from submission only (design choice, see README).
        Assert.Equal(HandledOnTime, At(pakn, "2026-03-10 10:00").Status);
        Assert.Equal(OpenWithinDeadline, At(pakn, "2026-03-20 10:00").Status);
        Assert.Equal(OpenOverdue, At(pakn, "2026-03-24 10:00").Status);
        Assert.True(At(pakn, "2026-03-24 10:00").FirstSupplementOnTime);
    }

    [Theory]
    [InlineData("2026-03-23 16:00", "2026-03-25 16:00", HandledOnTime, true, true)]
    [InlineData("2026-03-23 16:00", "2026-03-26 08:00", HandledLate, true, false)]
    [InlineData("2026-03-24 08:00", "2026-03-24 09:00", HandledLate, false, true)]
    public void Evaluate_Published_CompletionAndPublicationBothTimed(
        string completedAt, string publishedAt, PaknTimelinessStatus expected, bool handlingOnTime, bool publicationOnTime)
    {
        var pakn = D.InState(PaknStatus.Decided);
        D.Fire(pakn, SubmitForPublication, completedAt);
        D.Fire(pakn, Publish, publishedAt);

        var t = At(pakn, "2026-04-30 12:00");

        Assert.Equal((expected, handlingOnTime, publicationOnTime), (t.Status, t.HandlingOnTime, t.PublicationOnTime));
        Assert.Equal(completedAt, Vn.Format(t.HandledAtUtc!.Value));
    }

    [Theory]
    [InlineData("2026-03-25 23:00", HandledOnTime, null)] // Mon 23 → publication due Wed 25
    [InlineData("2026-03-26 08:00", HandledLate, false)]
    public void Evaluate_AwaitingPublication_LateOnlyOncePastThePublicationLimit(string asOf, PaknTimelinessStatus expected, bool? publication)
    {
        var pakn = D.InState(PaknStatus.Decided);
        D.Fire(pakn, SubmitForPublication, "2026-03-23 16:00");

        var t = At(pakn, asOf);

        Assert.Equal((expected, publication), (t.Status, t.PublicationOnTime));
        Assert.Equal("2026-03-25 17:00", Vn.Format(t.PublicationDueAtUtc!.Value));
    }

    [Fact]
    public void Evaluate_ReopenedAfterDissatisfiedReply_KeepsTheFirstCompletion()
    {
        var pakn = D.InState(PaknStatus.Decided);
        D.Fire(pakn, SubmitForPublication, "2026-03-20 10:00");
        D.Fire(pakn, Publish, "2026-03-20 11:00");

        D.Fire(pakn, PaknDriver.Sample(ReplyDissatisfied), "2026-04-10 10:00", PaknActorRole.Citizen);

        Assert.Equal((PaknStatus.InProgress, 1, false), (pakn.Status, pakn.ReopenCount, pakn.SubmitterSatisfied));
        Assert.Equal("Câu trả lời chưa giải quyết vướng mắc của tôi.", pakn.SubmitterReply);
        var t = At(pakn, "2026-05-29 12:00");
        Assert.Equal(HandledOnTime, t.Status);
        Assert.Equal("2026-03-20 10:00", Vn.Format(t.HandledAtUtc!.Value));
        Assert.Equal("2026-03-20 10:00", Vn.Format(pakn.HandlingCompletedAt!.Value));
    }

    [Fact]
    public void Evaluate_ReopenedTwice_CountsBoth()
    {
        var pakn = D.InState(PaknStatus.Published);
        D.Fire(pakn, ReplyDissatisfied);
        D.Fire(pakn, Decide);
        D.Fire(pakn, SubmitForPublication);
        D.Fire(pakn, Publish);
        D.Fire(pakn, ReplyDissatisfied);

        Assert.Equal(2, pakn.ReopenCount);
        Assert.Equal(2, pakn.History.Count(e => e.Trigger == ReplyDissatisfied));
    }

    [Fact]
    public void Evaluate_PastStateFromHistory_NotTheCurrentOne()
    {
        var pakn = D.Submit();
        D.Fire(pakn, Refuse, "2026-03-10 10:00");

        Assert.Equal(OpenWithinDeadline, At(pakn, "2026-03-09 10:00").Status);
        Assert.Equal(HandledLate, At(pakn, "2026-03-10 10:00").Status);
    }

    [Fact]
    public void Evaluate_BeforeTheCaseWasLogged_NotReceivedBy()
    {
        var pakn = D.Submit();

        var result = PaknTimeliness.Evaluate(pakn, Vn.Utc("2026-03-01 10:00"), PaknDeadlineSchedule.Default, PaknDriver.Seeded);

        Assert.Equal("pakn.not_received_by", result.Error.Code);
    }

    [Fact]
    public void Evaluate_ForwardedAndTransferredBack_UsesTheClockInForceAtTheInstant()
    {
        var pakn = D.Submit();
        D.Fire(pakn, Forward, "2026-03-03 10:00");
        D.Fire(pakn, PaknDriver.Sample(TransferIn), "2026-03-30 10:00");

        var before = At(pakn, "2026-03-20 10:00");
        var after = At(pakn, "2026-04-01 10:00");

        Assert.Equal((HandledOnTime, "2026-03-02 09:00"), (before.Status, Vn.Format(before.Deadlines.ClockStartedAtUtc)));
        Assert.Equal((OpenWithinDeadline, "2026-03-30 10:00"), (after.Status, Vn.Format(after.Deadlines.ClockStartedAtUtc)));
        Assert.Null(after.ForwardOnTime);
    }
}
