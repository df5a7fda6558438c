using MotCua.Domain.ServiceIndex;

namespace MotCua.Domain.Tests.ServiceIndex;

/// <summary>The shipped 766 conversion rules on the vectors of domain.md Appendix B.4 and the zero-denominator rules of
/// §8.2.</summary>
public sealed class IndicatorPointsTests
{
    private static readonly IndicatorSet Set = IndicatorSetJson.Default.For(new DateOnly(2026, 9, 30));

    private static decimal? Points(string id, long numerator, long denominator) =>
        Set.Find(id)!.Score(numerator, denominator).PresentedPoints;

    [Theory]
    [InlineData("1.1", 90, 100, "5.40")] // linear, max 6
    [InlineData("2.1", 180, 200, "18.00")] // 20 × onTime / received
    [InlineData("4.2", 72, 100, "2.88")] // linear (the earlier 80 % target gave 3.60, wrongly)
    [InlineData("4.3", 60, 100, "1.50")] // full at 80 %
    [InlineData("4.3", 90, 100, "2.00")] // capped
    [InlineData("5.4", 85, 100, "5.67")] // 6 × 0.85 / 0.90 = 5.667
    [InlineData("5.4", 95, 100, "6.00")] // capped
    [InlineData("5.2", 45, 50, "5.40")]
    public void AppendixB4(string id, long numerator, long denominator, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Points(id, numerator, denominator));

    [Theory]
    [InlineData("5.4", "0.00")] // no dossiers: nothing to be satisfied with
    [InlineData("5.2", "6.00")] // no PAKN is not held against the unit
    [InlineData("5.3", "6.00")]
    [InlineData("2.1", "0.00")] // observed for units with nothing received
    [InlineData("3.6", "0.00")] // payment terms: a zero denominator makes the ratio 0
    [InlineData("3.5a", "0.00")]
    [InlineData("3.5b", "0.00")]
    public void ZeroDenominator_FollowsEachIndicatorsRule(string id, string expected)
    {
        var score = Set.Find(id)!.Score(0, 0);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), score.PresentedPoints);
        Assert.Null(score.RatioPercent);
    }

    // The payment group: points = 6A + min(2, 2.5B) + 2.5C (C capped at 2), each term rounded on its own.
    [Theory]
    [InlineData(50, 30, 60, "5.25")]
    [InlineData(100, 90, 80, "10.00")]
    [InlineData(100, 100, 100, "10.00")] // the fitted formula gives 10.50; the C-term cap keeps the group at its maximum
    public void PaymentGroup_SumsTheThreeRoundedTerms(long a, long b, long c, string expected)
    {
        var scores = new[] { Set.Find("3.6")!.Score(a, 100), Set.Find("3.5b")!.Score(b, 100), Set.Find("3.5a")!.Score(c, 100) };
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), IndicatorSet.GroupPoints(scores, ServiceIndexGroup.OnlinePayment));
    }

    [Fact]
    public void PaymentGroup_NoFeeBearingProcedures_OnlyTheDossierTermScores()
    {
        var scores = new[] { Set.Find("3.6")!.Score(40, 100), Set.Find("3.5b")!.Score(0, 0), Set.Find("3.5a")!.Score(0, 0) };
        Assert.Equal(2.40m, IndicatorSet.GroupPoints(scores, ServiceIndexGroup.OnlinePayment));
    }

    [Fact]
    public void GroupMaxima_AreThePortals_AndSumTo100()
    {
        Assert.Equal(18m, Set.MaxPoints(ServiceIndexGroup.Transparency));
        Assert.Equal(20m, Set.MaxPoints(ServiceIndexGroup.Progress));
        Assert.Equal(12m, Set.MaxPoints(ServiceIndexGroup.OnlineService));
        Assert.Equal(10m, Set.MaxPoints(ServiceIndexGroup.OnlinePayment));
        Assert.Equal(22m, Set.MaxPoints(ServiceIndexGroup.Digitisation));
        Assert.Equal(18m, Set.MaxPoints(ServiceIndexGroup.Satisfaction));
        Assert.Equal(100m, Set.Indicators.Sum(i => i.Ceiling));
    }

    [Fact]
    public void Rounding_IsPerIndicator_HalvesAwayFromZero_FromFullPrecision()
    {
        // 20 × 2134 / 2645 = 16.1361…; the ratio 80.6805…% is shown as 80.68.
        var score = Set.Find("2.1")!.Score(2134, 2645);
        Assert.Equal(16.14m, score.PresentedPoints);
        Assert.Equal(80.68m, score.PresentedRatio);
        Assert.Equal(3.86m, score.PointsLost);

        // 6 × 1 / 8 = 0.75 exactly; 2 × 1 / 16 = 0.125 → 0.13 (away from zero, not to even).
        Assert.Equal(0.13m, Set.Find("1.3")!.Score(1, 16).PresentedPoints);
    }

    [Fact]
    public void NumeratorAboveDenominator_KeepsTheRatio_CapsThePoints()
    {
        var score = Set.Find("1.4")!.Score(130, 100);
        Assert.Equal(130m, score.PresentedRatio);
        Assert.Equal(6m, score.PresentedPoints);
        Assert.Equal(0m, score.PointsLost);
    }

    [Fact]
    public void Monitoring_HasNoPoints()
    {
        var score = Set.Find("PETITION_CLASSIFICATION_STAFF")!.Score(3, 10);
        Assert.Null(score.PresentedPoints);
        Assert.Equal(30m, score.PresentedRatio);
        Assert.Equal(0m, score.PointsLost);
    }

    [Fact]
    public void NegativeCounts_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Set.Find("2.1")!.Score(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Set.Find("2.1")!.Score(1, -10));
    }

    [Fact]
    public void Find_ByIdOrMetricCode_CaseInsensitive()
    {
        Assert.Same(Set.Find("4.3"), Set.Find("reused_digitized_data"));
        Assert.Same(Set.Find("3.5A"), Set.Find("3.5a"));
        Assert.Null(Set.Find("9.9"));
    }

    [Fact]
    public void Scope_ProvinceOnlyRows_AreTheFullOnlineAndPopulationDataRows() =>
        Assert.Equal(["3.4", "4.5a", "4.5b"], Set.Indicators.Where(i => i.Scope == IndicatorScope.Province).Select(i => i.Id));
}
