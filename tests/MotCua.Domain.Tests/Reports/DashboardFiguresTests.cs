using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;

namespace MotCua.Domain.Tests.Reports;

/// <summary>The dashboard's rates: on time = (early + on time + without result + unclassified) / finished and online =
/// online / received, as Biểu 06 counts them, with no value (never 0 % or 100 %) when the denominator is 0.</summary>
public sealed class DashboardFiguresTests
{
    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(0, 7, "0.0")]
    [InlineData(7, 7, "100.0")]
    [InlineData(39, 40, "97.5")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 8, "12.5")] // 12.5 exactly: one decimal, nothing to round
    [InlineData(1, 16, "6.3")] // 6.25: half away from zero, as printed reports round
    public void Percent_OneDecimal_NoValueWithoutDenominator(int part, int whole, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DashboardFigures.Percent(part, whole));

    [Fact]
    public void Percent_NegativeCount_IsABug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DashboardFigures.Percent(-1, 3));

    [Fact]
    public void From_CountsEveryEndingButLateAsOnTime_AndOnlineByChannel()
    {
        // Online: 4 received; 1 early, 1 on time, 1 late. Counter: 6 received; 1 without a result (withdrawn), 1 with no
        // appointment, 2 late. Overdue deltas of the flows do not matter: the standing is passed apart.
        var online = new DossierCounts(4, 1, 1, 1, 0, 0, 1, Overdue: 5, OverdueForDvcqg: 5);
        var counter = new DossierCounts(6, 0, 0, 2, 1, 1, 2, Overdue: -3, OverdueForDvcqg: -2);
        var figures = DashboardFigures.From([(DossierChannel.Online, online), (DossierChannel.InPerson, counter)], overdueOpen: 2);

        Assert.Equal(new DashboardFigures(Received: 10, ReceivedOnline: 4, Finished: 7, FinishedOnTime: 4, Late: 3, OverdueOpen: 2), figures);
        Assert.Equal(57.1m, figures.OnTimePercent);
        Assert.Equal(40.0m, figures.OnlinePercent);
    }

    [Fact]
    public void NothingReceivedOrFinished_NoRates_ButTheOverdueStillCount()
    {
        // A quiet month: nothing new, nothing ended, two dossiers from earlier months still overdue.
        var figures = DashboardFigures.From([(DossierChannel.InPerson, default)], overdueOpen: 2);

        Assert.Null(figures.OnTimePercent);
        Assert.Null(figures.OnlinePercent);
        Assert.Equal(2, figures.OverdueOpen);
        Assert.False(figures.IsZero());
        Assert.True(DashboardFigures.Zero.IsZero());
    }

    [Fact]
    public void Sum_AddsEveryFigure_SoTheRatesAreThoseOfTheWhole()
    {
        var a = new DashboardFigures(10, 5, 8, 8, 0, 1);
        var b = new DashboardFigures(0, 0, 0, 0, 0, 0);
        var c = new DashboardFigures(30, 0, 12, 6, 6, 4);

        var sum = DashboardFigures.Sum([a, b, c]);

        Assert.Equal(new DashboardFigures(40, 5, 20, 14, 6, 5), sum);
        Assert.Equal(70.0m, sum.OnTimePercent);
        Assert.Equal(12.5m, sum.OnlinePercent);
        Assert.Null(b.OnTimePercent);
        Assert.Equal(DashboardFigures.Zero, DashboardFigures.Sum([]));
    }
}
