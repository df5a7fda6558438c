using System.Globalization;

namespace MotCua.Domain.ServiceIndex;

/// <summary>The kinds of period a scorecard covers: the portal's calendar month, quarter and year (domain.md §8.2
/// "Periods"), or any range of days for local use (not comparable with DVCQG, §8.3).</summary>
public enum ScorecardPeriodKind
{
    Month,
    Quarter,
    Year,
    Range,
}

/// <summary>A scorecard period: its kind and first and last Vietnam business dates (inclusive).</summary>
public sealed record ScorecardPeriod(ScorecardPeriodKind Kind, DateOnly First, DateOnly Last)
{
    public static ScorecardPeriod Month(int year, int month) =>
        new(ScorecardPeriodKind.Month, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    /// <summary>Q1 = January–March … (the satisfaction endpoint's fromDate/toDate: Q3/2026 = 2026-07-01 to 2026-09-30).</summary>
    public static ScorecardPeriod Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var first = new DateOnly(year, (3 * quarter) - 2, 1);
        return new(ScorecardPeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    public static ScorecardPeriod Year(int year) => new(ScorecardPeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ScorecardPeriod Range(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(last));
        }

        return new(ScorecardPeriodKind.Range, first, last);
    }

    /// <summary>The period of the same kind just before this one (month → previous month, quarter → previous quarter,
    /// year → previous year, a range → the range of the same length ending the day before), for the ranking's movement.</summary>
    public ScorecardPeriod Previous() => Kind switch
    {
        ScorecardPeriodKind.Month => Month(First.AddMonths(-1).Year, First.AddMonths(-1).Month),
        ScorecardPeriodKind.Quarter => Quarter(First.AddMonths(-3).Year, ((First.AddMonths(-3).Month - 1) / 3) + 1),
        ScorecardPeriodKind.Year => Year(First.Year - 1),
        _ => Range(First.AddDays(-(Last.DayNumber - First.DayNumber + 1)), First.AddDays(-1)),
    };

    /// <summary>How the portal names the period: <c>T8/2026</c>, <c>Q3/2026</c>, <c>2026</c>, or the two dates.</summary>
    public string Label => Kind switch
    {
        ScorecardPeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"T{First.Month}/{First.Year}"),
        ScorecardPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{((First.Month - 1) / 3) + 1}/{First.Year}"),
        ScorecardPeriodKind.Year => First.Year.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{First:dd/MM/yyyy}–{Last:dd/MM/yyyy}"),
    };
}
