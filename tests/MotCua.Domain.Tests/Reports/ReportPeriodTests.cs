using MotCua.Domain.Reports;

namespace MotCua.Domain.Tests.Reports;

/// <summary>Report periods of domain.md §12.2 with concrete dates: calendar periods as DVCQG counts them, and the ND
/// 09/2019 Art. 12 cut-off periods (15th → 14th), including those that start in the previous year and leap years.</summary>
public sealed class ReportPeriodTests
{
    [Theory]
    // Calendar periods.
    [InlineData(PeriodRule.CalendarMonth, 2026, 2, "2026-02-01", "2026-02-28")]
    [InlineData(PeriodRule.CalendarMonth, 2028, 2, "2028-02-01", "2028-02-29")]
    [InlineData(PeriodRule.CalendarMonth, 2026, 12, "2026-12-01", "2026-12-31")]
    [InlineData(PeriodRule.CalendarQuarter, 2026, 1, "2026-01-01", "2026-03-31")]
    [InlineData(PeriodRule.CalendarQuarter, 2026, 2, "2026-04-01", "2026-06-30")]
    [InlineData(PeriodRule.CalendarQuarter, 2026, 3, "2026-07-01", "2026-09-30")]
    [InlineData(PeriodRule.CalendarQuarter, 2026, 4, "2026-10-01", "2026-12-31")]
    [InlineData(PeriodRule.CalendarSixMonths, 2026, null, "2026-01-01", "2026-06-30")]
    [InlineData(PeriodRule.CalendarNineMonths, 2026, null, "2026-01-01", "2026-09-30")]
    [InlineData(PeriodRule.CalendarYear, 2026, null, "2026-01-01", "2026-12-31")]
    // ND 09/2019 Art. 12: month, 15th of the previous month → 14th; January starts in the previous year.
    [InlineData(PeriodRule.Nd09Month, 2026, 3, "2026-02-15", "2026-03-14")]
    [InlineData(PeriodRule.Nd09Month, 2026, 1, "2025-12-15", "2026-01-14")]
    [InlineData(PeriodRule.Nd09Month, 2026, 12, "2026-11-15", "2026-12-14")]
    // Q1: 15/12 of the previous year → 14/03; other quarters: 15th of the last month of the previous quarter → 14th.
    [InlineData(PeriodRule.Nd09Quarter, 2026, 1, "2025-12-15", "2026-03-14")]
    [InlineData(PeriodRule.Nd09Quarter, 2026, 2, "2026-03-15", "2026-06-14")]
    [InlineData(PeriodRule.Nd09Quarter, 2026, 3, "2026-06-15", "2026-09-14")]
    [InlineData(PeriodRule.Nd09Quarter, 2026, 4, "2026-09-15", "2026-12-14")]
    // Six months 15/12 → 14/06; nine months 15/12 → 14/09; year 15/12 → 14/12.
    [InlineData(PeriodRule.Nd09SixMonths, 2026, null, "2025-12-15", "2026-06-14")]
    [InlineData(PeriodRule.Nd09NineMonths, 2026, null, "2025-12-15", "2026-09-14")]
    [InlineData(PeriodRule.Nd09Year, 2026, null, "2025-12-15", "2026-12-14")]
    [InlineData(PeriodRule.Nd09Year, 2000, null, "1999-12-15", "2000-12-14")]
    public void Of_GivesTheRulesFirstAndLastDay(PeriodRule rule, int year, int? number, string from, string to)
    {
        var period = ReportPeriod.Of(rule, year, number);

        Assert.True(period.IsSuccess);
        Assert.Equal(new ReportPeriod(rule, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), period.Value);
    }

    [Fact]
    public void Nd09Periods_OfAYear_TileItWithoutGapOrOverlap()
    {
        // Twelve ND 09 months, and four quarters, cover exactly the ND 09 year, each starting the day after the last ends.
        foreach (var (rule, count) in new[] { (PeriodRule.Nd09Month, 12), (PeriodRule.Nd09Quarter, 4) })
        {
            var periods = Enumerable.Range(1, count).Select(n => ReportPeriod.Of(rule, 2027, n).Value).ToList();
            var year = ReportPeriod.Of(PeriodRule.Nd09Year, 2027, null).Value;
            Assert.Equal(year.From, periods[0].From);
            Assert.Equal(year.To, periods[^1].To);
            Assert.All(periods.Zip(periods.Skip(1)), p => Assert.Equal(p.First.To.AddDays(1), p.Second.From));
            Assert.Equal(year.Days, periods.Sum(p => p.Days));
        }
    }

    [Theory]
    [InlineData(PeriodRule.Nd09Month, 2026, null, "month")]
    [InlineData(PeriodRule.Nd09Month, 2026, 13, "month")]
    [InlineData(PeriodRule.CalendarMonth, 2026, 0, "month")]
    [InlineData(PeriodRule.CalendarQuarter, 2026, 5, "quarter")]
    [InlineData(PeriodRule.Nd09Quarter, 2026, null, "quarter")]
    [InlineData(PeriodRule.Nd09Year, 1999, null, "year")]
    [InlineData(PeriodRule.CalendarYear, 2101, null, "year")]
    [InlineData(PeriodRule.Range, 2026, null, "period")]
    public void Of_RefusesWhatNamesNoPeriod_OnTheFieldAtFault(PeriodRule rule, int year, int? number, string field)
    {
        var period = ReportPeriod.Of(rule, year, number);

        Assert.True(period.IsFailure);
        Assert.Equal(field, Assert.IsType<InvalidReportPeriod>(period.Error).Field);
    }

    [Fact]
    public void Range_KeepsItsDays_AndRefusesBackwardsOrOutOfRange()
    {
        Assert.Equal(new ReportPeriod(PeriodRule.Range, new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 10)),
            ReportPeriod.Range(new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 10)).Value);
        Assert.Equal("to", Assert.IsType<InvalidReportPeriod>(ReportPeriod.Range(new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 9)).Error).Field);
        Assert.Equal("from", Assert.IsType<InvalidReportPeriod>(ReportPeriod.Range(new DateOnly(1999, 2, 10), new DateOnly(2026, 2, 9)).Error).Field);
    }

    [Fact]
    public void Codes_NameEveryRuleOnce_AndReadBack()
    {
        Assert.Equal(Enum.GetValues<PeriodRule>().Length, ReportPeriod.Codes.Values.Distinct().Count());
        Assert.All(Enum.GetValues<PeriodRule>(), r => Assert.Equal(r, ReportPeriod.RuleOf(ReportPeriod.Codes[r])));
        Assert.Equal(PeriodRule.Nd09Month, ReportPeriod.RuleOf("ND09-MONTH"));
        Assert.Null(ReportPeriod.RuleOf("fortnight"));
        Assert.True(ReportPeriod.Of(PeriodRule.Nd09Year, 2026, null).Value.IsNd09);
        Assert.False(ReportPeriod.Of(PeriodRule.CalendarYear, 2026, null).Value.IsNd09);
    }
}
