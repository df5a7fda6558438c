using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Tests.Calendar;
using static MotCua.Domain.Feedback.Pakn.PaknTrigger;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknPeriodFactsTests
{
    private static readonly PaknDriver D = new();

    private static readonly PaknPeriod March = PaknPeriod.FromDates(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

    private static PaknPeriodFacts? Facts(PaknCase pakn, PaknPeriod? period = null) =>
        PaknDriver.Ok(PaknPeriodFacts.For(pakn, period ?? March, PaknDeadlineSchedule.Default, PaknDriver.Seeded));

    [Fact]
    public void FromDates_VietnamMidnights()
    {
        Assert.Equal("2026-03-01 00:00", Vn.Format(March.StartUtc));
        Assert.Equal("2026-04-01 00:00", Vn.Format(March.EndUtc));
        Assert.True(March.Contains(Vn.Utc("2026-03-31 23:59")));
        Assert.False(March.Contains(Vn.Utc("2026-04-01 00:00")));
    }

    [Fact]
    public void For_ReceivedAndHandledInPeriod()
    {
        var pakn = D.Submit("2026-03-02 09:00");
        D.Fire(pakn, Refuse, "2026-03-03 09:00");

        var facts = Facts(pakn)!;

        Assert.Equal((true, true, true, false, PaknTimelinessStatus.HandledOnTime), (facts.ReceivedInPeriod, facts.FirstReceivedInPeriod, facts.HandledInPeriod, facts.CarriedOver, facts.Status));
    }

    [Fact]
    public void For_OpenAtPeriodStart_CarriedOverThenHandled()
    {
        var pakn = D.Submit("2026-02-20 09:00");
        D.Fire(pakn, Forward, "2026-03-04 09:00");

        var facts = Facts(pakn)!;

        // 20 Feb (Tết week, counts from Mon 23): forwarding due 5 WD later, Mon 2 Mar; forwarded on the 4th: late.
        Assert.Equal((false, false, true, true, PaknTimelinessStatus.HandledLate), (facts.ReceivedInPeriod, facts.FirstReceivedInPeriod, facts.HandledInPeriod, facts.CarriedOver, facts.Status));
    }

    [Fact]
    public void For_LoggedAfterThePeriod_Null() => Assert.Null(Facts(D.Submit("2026-04-02 09:00")));

    [Fact]
    public void For_ReopenedInPeriod_RepeatedDissatisfiedAndReactions()
    {
        var pakn = D.InState(PaknStatus.Published, "2026-03-02 09:00");
        D.Fire(pakn, new RecordPaknReactionsCommand(1, 4), "2026-03-10 09:00");
        D.Fire(pakn, ReplyDissatisfied, "2026-03-12 09:00");

        var facts = Facts(pakn)!;

        Assert.Equal((true, 1, 4, PaknTimelinessStatus.HandledOnTime), (facts.RepeatedDissatisfied, facts.Likes, facts.Dislikes, facts.Status));
        Assert.False(Facts(pakn, PaknPeriod.FromDates(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 11)))!.RepeatedDissatisfied);
    }

    [Fact]
    public void Rates_FromCasesDrivenThroughMarch()
    {
        var onTime = D.Submit("2026-03-02 09:00");
        D.Fire(onTime, Refuse, "2026-03-03 09:00");
        var overdue = D.InState(PaknStatus.InProgress, "2026-03-02 09:00"); // due 23 Mar, still open on the 31st
        var carried = D.Submit("2026-02-20 09:00");
        D.Fire(carried, Forward, "2026-03-04 09:00");
        var april = D.Submit("2026-04-02 09:00");

        var facts = new[] { onTime, overdue, carried, april }.Select(c => Facts(c)).OfType<PaknPeriodFacts>().ToList();

        var rate = PaknRates.OnTime(facts);
        Assert.Equal((1, 3), (rate.Numerator, rate.Denominator));
        Assert.Equal([overdue.Id, carried.Id], rate.CountedAgainst);
        Assert.Equal(2m, rate.PresentedPoints);
        var satisfaction = PaknRates.Satisfaction(facts);
        Assert.Equal((1, 2), (satisfaction.Numerator, satisfaction.Denominator));
        var handling = PaknRates.Handling(facts);
        Assert.Equal((2, 3), (handling.Numerator, handling.Denominator));
    }

    [Fact]
    public void Until_Now_JudgesAtNow()
    {
        var period = PaknPeriod.Until(Vn.Utc("2026-03-01 00:00"), Vn.Utc("2026-03-10 12:00"));

        Assert.Equal(Vn.Utc("2026-03-10 12:00"), period.AsOfUtc);
        Assert.Equal(PaknTimelinessStatus.OpenWithinDeadline, Facts(D.Submit("2026-03-02 09:00"), period)!.Status);
    }
}
