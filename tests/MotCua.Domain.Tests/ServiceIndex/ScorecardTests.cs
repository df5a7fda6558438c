using System.Globalization;
using MotCua.Domain.ServiceIndex;

namespace MotCua.Domain.Tests.ServiceIndex;

/// <summary>The scorecard on concrete vectors: sources (computed wins, imported fills, gaps stay gaps, province-only rows
/// leave a commune's maximum), group totals as sums of rounded points, zero denominators per indicator, the what-if, and
/// the periods the portal uses.</summary>
public sealed class ScorecardTests
{
    private static readonly IndicatorSet Set = IndicatorSetJson.Default.For(new DateOnly(2026, 12, 31));

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static Dictionary<string, IndicatorFigure> Figures(params (string Id, long N, long D)[] figures) =>
        figures.ToDictionary(f => f.Id, f => new IndicatorFigure(f.Id, f.N, f.D), StringComparer.Ordinal);

    [Fact]
    public void Province_ComputedAndImported_ScoredGapsNotAvailable_TotalsAreSumsOfRoundedPoints()
    {
        // 2.1: 2134 of 2645 on time → 20 × 0.80681… = 16.136… → 16.14; 5.2 no PAKN → 6; 5.4 85 % → 5.67;
        // 1.4 imported 120/130 → 6 × 0.923… = 5.538… → 5.54; 4.3 imported 60 % → 1.50.
        var card = Scorecard.Evaluate(
            Set, commune: false, Figures(("2.1", 2134, 2645), ("5.2", 0, 0), ("5.4", 85, 100)),
            Figures(("1.4", 120, 130), ("4.3", 60, 100), ("2.1", 2000, 2645)));

        var progress = card.Row("2.1")!;
        Assert.Equal(FigureSource.Computed, progress.Source);
        Assert.Equal(D("16.14"), progress.Points);
        Assert.Equal(D("3.86"), progress.PointsLost);
        Assert.Equal(D("80.68"), progress.Score!.PresentedRatio);
        Assert.Equal(D("15.12"), progress.Portal!.PresentedPoints); // the portal's figure beside, never instead
        Assert.Equal(FigureSource.Imported, card.Row("1.4")!.Source);
        Assert.Equal(D("5.54"), card.Row("1.4")!.Points);
        Assert.Equal(D("1.50"), card.Row("REUSED_DIGITIZED_DATA")!.Points);
        Assert.Equal(D("6.00"), card.Row("5.2")!.Points);
        Assert.Equal(D("5.67"), card.Row("5.4")!.Points);
        Assert.Equal(FigureSource.NotAvailable, card.Row("1.1")!.Source);
        Assert.Null(card.Row("1.1")!.Points);
        Assert.Equal(0m, card.Row("1.1")!.PointsLost);

        Assert.Equal(100m, card.MaxPoints);
        Assert.Equal(D("16.14") + D("5.54") + D("1.50") + D("6.00") + D("5.67"), card.TotalPoints);
        Assert.Equal(20m + 6 + 2 + 6 + 6, card.ScoredMaxPoints);
        var satisfaction = card.Groups.Single(g => g.Group == ServiceIndexGroup.Satisfaction);
        Assert.Equal(D("11.67"), satisfaction.Points);
        Assert.Equal(18m, satisfaction.MaxPoints);
        Assert.Null(card.Groups.Single(g => g.Group == ServiceIndexGroup.OnlinePayment).Points);
    }

    [Fact]
    public void Commune_ProvinceOnlyRows_AreNotApplicable_AndLeaveTheMaximum()
    {
        var card = Scorecard.Evaluate(Set, commune: true, Figures(("3.4", 5, 10)), Figures(("4.5a", 1, 2)));

        Assert.Equal(FigureSource.NotApplicable, card.Row("3.4")!.Source);
        Assert.Equal(FigureSource.NotApplicable, card.Row("4.5a")!.Source);
        Assert.Equal(FigureSource.NotApplicable, card.Row("4.5b")!.Source);
        Assert.Equal(100m - 12 - 2 - 2, card.MaxPoints);
    }

    [Theory]
    [InlineData("2.1", 0, 0, "0.00")] // nothing received: 0 (observed)
    [InlineData("5.2", 0, 0, "6.00")] // no PAKN: full points
    [InlineData("5.3", 0, 0, "6.00")]
    [InlineData("5.4", 0, 0, "0.00")] // no dossiers: 0
    public void ZeroDenominators_OnTheScorecard(string id, long n, long d, string points)
    {
        var card = Scorecard.Evaluate(Set, false, Figures((id, n, d)), Figures());
        Assert.Equal(D(points), card.Row(id)!.Points);
        Assert.Null(card.Row(id)!.Score!.RatioPercent);
    }

    [Theory]
    [InlineData("2.1", 180, 200, 5, 5, "18.00", "18.50")] // 20 × 185 / 200
    [InlineData("2.1", 180, 200, 50, 20, "18.00", "20.00")] // never more than the items lost
    [InlineData("5.4", 80, 100, 5, 5, "5.33", "5.67")] // 6 × 0.80 / 0.9 → 6 × 0.85 / 0.9
    [InlineData("5.4", 85, 100, 10, 10, "5.67", "6.00")] // capped at the maximum
    [InlineData("5.2", 45, 50, 0, 0, "5.40", "5.40")]
    public void WhatIf_UsesTheSameRule(string id, long n, long d, long items, long fixedItems, string before, string after)
    {
        var whatIf = WhatIf.For(Set.Find(id)!.Score(n, d), items)!;
        Assert.Equal(fixedItems, whatIf.Fixed);
        Assert.Equal(D(before), whatIf.PointsBefore);
        Assert.Equal(D(after), whatIf.PointsAfter);
        Assert.Equal(D(after) - D(before), whatIf.Regained);
    }

    [Fact]
    public void WhatIf_WithNothingCounted_IsNone()
    {
        Assert.Null(WhatIf.For(Set.Find("2.1")!.Score(0, 0), 5));
        Assert.Null(WhatIf.For(Set.Find("5.1a")!.Score(3, 10), 5)); // monitoring row: no points
    }

    [Fact]
    public void Periods_AsThePortal_AndTheirPredecessors()
    {
        Assert.Equal(new ScorecardPeriod(ScorecardPeriodKind.Quarter, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), ScorecardPeriod.Quarter(2026, 3));
        Assert.Equal(ScorecardPeriod.Quarter(2025, 4), ScorecardPeriod.Quarter(2026, 1).Previous());
        Assert.Equal(ScorecardPeriod.Month(2026, 1), ScorecardPeriod.Month(2026, 2).Previous());
        Assert.Equal(new DateOnly(2026, 2, 28), ScorecardPeriod.Month(2026, 2).Last);
        Assert.Equal(ScorecardPeriod.Year(2025), ScorecardPeriod.Year(2026).Previous());
        Assert.Equal(ScorecardPeriod.Range(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10)),
            ScorecardPeriod.Range(new DateOnly(2026, 2, 11), new DateOnly(2026, 2, 20)).Previous());
        Assert.Equal("Q3/2026", ScorecardPeriod.Quarter(2026, 3).Label);
        Assert.Equal("T8/2026", ScorecardPeriod.Month(2026, 8).Label);
    }
}
