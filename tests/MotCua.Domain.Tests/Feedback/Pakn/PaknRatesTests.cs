using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.ServiceIndex;
using static MotCua.Domain.Feedback.Pakn.PaknTimelinessStatus;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknRatesTests
{
    private static readonly Guid A = Id(1), B = Id(2), C = Id(3), E = Id(5), F = Id(6), G = Id(7);

    private static readonly Guid DCase = Id(4);

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-7000-8000-{n:D12}");

    private static PaknPeriodFacts Received(Guid id, PaknTimelinessStatus status, bool handled = false) =>
        new(id, ReceivedInPeriod: true, FirstReceivedInPeriod: true, HandledInPeriod: handled, CarriedOver: false, status);

    private static PaknPeriodFacts CarriedOver(Guid id, PaknTimelinessStatus status, bool handled) =>
        new(id, ReceivedInPeriod: false, FirstReceivedInPeriod: false, HandledInPeriod: handled, CarriedOver: true, status);

    [Fact]
    public void OnTime_ConcreteVector_OnTimeAndWithinDeadlineOverReceivedOrHandled()
    {
        PaknPeriodFacts[] cases =
        [
            Received(A, HandledOnTime, handled: true),
            Received(B, OpenWithinDeadline),
            Received(C, HandledLate, handled: true),
            Received(DCase, OpenOverdue),
            CarriedOver(E, HandledOnTime, handled: true),
            CarriedOver(F, OpenOverdue, handled: false), // neither received nor handled in the period: not counted
        ];

        var rate = PaknRates.OnTime(cases);

        Assert.Equal((PaknRates.OnTimeIndicator, 3, 5, 0.6m, 3.6m, 6m), (rate.Indicator, rate.Numerator, rate.Denominator, rate.Ratio, rate.Points, rate.MaxPoints));
        Assert.Equal([C, DCase], rate.CountedAgainst);
        Assert.Equal(60m, rate.PresentedPercent);
    }

    [Fact]
    public void OnTime_NoPakn_SixPoints()
    {
        var rate = PaknRates.OnTime([CarriedOver(F, OpenOverdue, handled: false)]);

        Assert.Equal((0, 0, (decimal?)null, 6m, true), (rate.Numerator, rate.Denominator, rate.Ratio, rate.Points, rate.NoData));
        Assert.Empty(rate.CountedAgainst);
    }

    [Fact]
    public void OnTime_NoPaknWithConfiguredRule_ThatRulesPoints()
    {
        var latest = IndicatorSetJson.Default.Versions[^1];
        var shared = new IndicatorSet("shared", latest.EffectiveFrom, "METRICS text of 5.3",
            [.. latest.Indicators.Select(i => i.Id == "5.2" ? i with { PointsWhenNone = 3m } : i)]);
        Assert.Equal(3m, PaknRates.OnTime([], shared).Points);
    }

    [Fact]
    public void OnTime_OneThird_PointsFromTheCounts()
    {
        var rate = PaknRates.OnTime([Received(A, HandledOnTime, true), Received(B, HandledLate, true), Received(C, OpenOverdue)]);

        Assert.Equal(2m, rate.Points); // 6 × 1 / 3 from the counts, not 6 × 0.333…
        Assert.Equal(2.00m, rate.PresentedPoints);
        Assert.Equal(33.33m, rate.PresentedPercent);
    }

    [Fact]
    public void Satisfaction_ConcreteVector_SubtractsDislikedLateAndRepeated()
    {
        PaknPeriodFacts[] cases =
        [
            Received(A, HandledOnTime, true) with { Likes = 5, Dislikes = 1 },
            Received(B, HandledOnTime, true) with { Likes = 1, Dislikes = 2 }, // more dislikes
            Received(C, HandledLate, true), // late
            Received(DCase, HandledOnTime, true) with { RepeatedDissatisfied = true }, // reopened
            Received(E, OpenWithinDeadline) with { Likes = 2, Dislikes = 2 }, // a tie is not "more dislikes"
            CarriedOver(F, HandledLate, true), // not first received in the period: not counted
            new(G, ReceivedInPeriod: true, FirstReceivedInPeriod: false, HandledInPeriod: false, CarriedOver: false, OpenWithinDeadline), // transferred in
        ];

        var rate = PaknRates.Satisfaction(cases);

        Assert.Equal((2, 5, 0.4m, 2.4m), (rate.Numerator, rate.Denominator, rate.Ratio, rate.Points));
        Assert.Equal([B, C, DCase], rate.CountedAgainst);
    }

    [Fact]
    public void Satisfaction_NoPakn_SixPoints()
    {
        var rate = PaknRates.Satisfaction([]);

        Assert.Equal((PaknRates.SatisfactionIndicator, 6m, (decimal?)null), (rate.Indicator, rate.Points, rate.Ratio));
    }

    [Fact]
    public void Handling_ConcreteVector_HandledOverReceivedPlusCarriedOver()
    {
        PaknPeriodFacts[] cases =
        [
            Received(A, HandledOnTime, true),
            Received(B, HandledLate, true),
            Received(C, OpenWithinDeadline),
            Received(DCase, OpenOverdue),
            CarriedOver(E, HandledOnTime, true),
            CarriedOver(F, OpenOverdue, false),
        ];

        var rate = PaknRates.Handling(cases);

        Assert.Equal((3, 6, 0.5m, 0m, 0m), (rate.Numerator, rate.Denominator, rate.Ratio, rate.Points, rate.MaxPoints));
        Assert.Equal([C, DCase, F], rate.CountedAgainst);
        Assert.Null(PaknRates.Handling([]).Ratio);
    }

    [Theory]
    [InlineData(0, 0, 0, 2)] // no PAKN
    [InlineData(10, 10, 0, 2)]
    [InlineData(10, 9, 0, 1)] // exactly 90 %
    [InlineData(10, 8, 0, 0)]
    [InlineData(10, 10, 1, 0)] // all on time but one prolonged
    [InlineData(10, 9, 1, 0)]
    public void Index8_Bands(int total, int onTime, int prolonged, int points)
    {
        var cases = Enumerable.Range(1, total).Select(i => Received(Id(i), i <= onTime ? HandledOnTime : HandledLate, true));

        var rate = PaknRates.Index8(cases, prolonged);

        Assert.Equal((onTime, total, (decimal)points, 2m), (rate.Numerator, rate.Denominator, rate.Points, rate.MaxPoints));
    }

    [Theory]
    [InlineData(100, 2, 3, 0.95, 6.0)] // 6 × 0.95 / 0.90 = 6.33, capped at 6
    [InlineData(100, 10, 8, 0.82, 5.47)] // 6 × 0.82 / 0.90 = 5.466…
    [InlineData(100, 0, 10, 0.90, 6.0)] // exactly the target
    [InlineData(10, 6, 6, 0.0, 0.0)] // the two rates add up past 100 %: floored at 0
    public void DossierSatisfaction_ConcreteVectors(int dossiers, int late, int withPaknOrDislike, double ratio, double presentedPoints)
    {
        var rate = PaknRates.DossierSatisfaction(dossiers, late, withPaknOrDislike);

        Assert.Equal((decimal)ratio, rate.Ratio);
        Assert.Equal((decimal)presentedPoints, rate.PresentedPoints);
        Assert.True(rate.Points <= 6m);
        Assert.Equal(PaknRates.DossierSatisfactionIndicator, rate.Indicator);
    }

    [Fact]
    public void DossierSatisfaction_NoDossiers_ZeroPoints()
    {
        var rate = PaknRates.DossierSatisfaction(0, 0, 0);

        Assert.Equal((0m, (decimal?)null, true), (rate.Points, rate.Ratio, rate.NoData));
    }

    [Fact]
    public void DossierSatisfaction_Ids_ListedOnceAgainstIt()
    {
        var rate = PaknRates.DossierSatisfaction(20, [A, B], [B, C]);

        Assert.Equal((16, 20, 0.8m), (rate.Numerator, rate.Denominator, rate.Ratio));
        Assert.Equal([A, B, C], rate.CountedAgainst);
        Assert.Equal(5.33m, rate.PresentedPoints);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(10, 11, 0)]
    [InlineData(10, 0, -1)]
    public void DossierSatisfaction_ImpossibleCounts_Throw(int dossiers, int late, int withPaknOrDislike) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PaknRates.DossierSatisfaction(dossiers, late, withPaknOrDislike));
}
