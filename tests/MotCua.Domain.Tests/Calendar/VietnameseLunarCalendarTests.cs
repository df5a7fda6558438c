using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    private static readonly ChineseLunisolarCalendar Chinese = new();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static LunarDate L(string text) =>
        LunarDate.TryParse(text, out var date) ? date : throw new FormatException(text);

    // domain.md Appendix B.1 and the CLI examples.
    [Theory]
    [InlineData("2026-02-17", "1/1/2026")]
    [InlineData("2026-02-14", "27/12/2025")]
    [InlineData("2026-02-22", "6/1/2026")]
    [InlineData("2026-04-26", "10/3/2026")]
    [InlineData("1985-01-21", "1/1/1985")]
    [InlineData("2030-02-02", "1/1/2030")]
    [InlineData("2037-04-24", "10/3/2037")]
    [InlineData("2020-05-23", "1/4L/2020")]
    public void FromSolar_SpecVectors_MatchLunarDate(string solar, string lunar)
    {
        Assert.Equal(lunar, VietnameseLunarCalendar.FromSolar(D(solar)).ToString());
        Assert.Equal(D(solar), VietnameseLunarCalendar.ToSolar(L(lunar)));
    }

    // domain.md §6.3 (Tết, Giỗ Tổ, leap month 2020–2035). The shared specification listed leap month 11 on the 2034 row, but that
    // leap month 11 starts in December 2033 and so belongs to lunar year 2033 (Tết 2033 → Tết 2034 is 13 months).
    [Theory]
    [InlineData(2020, "2020-01-25", "2020-04-02", 4)]
    [InlineData(2021, "2021-02-12", "2021-04-21", 0)]
    [InlineData(2022, "2022-02-01", "2022-04-10", 0)]
    [InlineData(2023, "2023-01-22", "2023-04-29", 2)]
    [InlineData(2024, "2024-02-10", "2024-04-18", 0)]
    [InlineData(2025, "2025-01-29", "2025-04-07", 6)]
    [InlineData(2026, "2026-02-17", "2026-04-26", 0)]
    [InlineData(2027, "2027-02-06", "2027-04-16", 0)]
    [InlineData(2028, "2028-01-26", "2028-04-04", 5)]
    [InlineData(2029, "2029-02-13", "2029-04-23", 0)]
    [InlineData(2030, "2030-02-02", "2030-04-12", 0)]
    [InlineData(2031, "2031-01-23", "2031-04-01", 3)]
    [InlineData(2032, "2032-02-11", "2032-04-19", 0)]
    [InlineData(2033, "2033-01-31", "2033-04-09", 11)]
    [InlineData(2034, "2034-02-19", "2034-04-28", 0)]
    [InlineData(2035, "2035-02-08", "2035-04-17", 0)]
    public void ToSolar_TetAndHungKingsDay2020To2035_MatchSpecTable(int year, string tet, string hungKings, int leapMonth)
    {
        Assert.Equal(D(tet), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 1, 1, false)));
        Assert.Equal(D(hungKings), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10, false)));
        Assert.Equal(leapMonth == 0 ? null : leapMonth, VietnameseLunarCalendar.LeapMonth(year));
    }

    [Fact]
    public void ToSolar_HungKingsDayInLeapMonth3Year_UsesRegularMonth()
    {
        // 2031 has a leap month 3; 10/3 (regular) comes a month before 10/3 nhuận.
        var regular = VietnameseLunarCalendar.ToSolar(new LunarDate(2031, 3, 10, false));
        var leap = VietnameseLunarCalendar.ToSolar(new LunarDate(2031, 3, 10, true));

        Assert.Equal(D("2031-04-01"), regular);
        Assert.InRange(leap.DayNumber - regular.DayNumber, 29, 30);
    }

    // domain.md §6.4: Tết where the UTC+7 calendar differs from the UTC+8 (Chinese) one.
    [Theory]
    [InlineData(1903, "1903-01-28", "1903-01-29")]
    [InlineData(1935, "1935-02-03", "1935-02-04")]
    [InlineData(1965, "1965-02-01", "1965-02-02")]
    [InlineData(1968, "1968-01-29", "1968-01-30")]
    [InlineData(1969, "1969-02-16", "1969-02-17")]
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    [InlineData(2053, "2053-02-18", "2053-02-19")]
    public void ToSolar_TetInYearsWhereChinaDiffers_GivesVietnameseDate(int year, string vietnamese, string chinese)
    {
        Assert.Equal(D(vietnamese), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 1, 1, false)));
        Assert.Equal(D(chinese), ChineseNewYear(year));
    }

    [Fact]
    public void ToSolar_Tet1916_MatchesHistoricalChineseDate()
    {
        // domain.md §6.4 lists 1916 as VN 03/02 vs CN 04/02, but its CN column is a UTC+8 computation. Before 1929 China
        // reckoned at the Beijing meridian (about UTC+7:46), and .NET's historical table gives 03/02 as well.
        Assert.Equal(D("1916-02-03"), VietnameseLunarCalendar.ToSolar(new LunarDate(1916, 1, 1, false)));
        Assert.Equal(D("1916-02-03"), ChineseNewYear(1916));
    }

    [Fact]
    public void FromSolar_Tet1985_IsMonth12InChineseCalendar()
    {
        var date = new DateTime(1985, 1, 21);

        Assert.Equal(new LunarDate(1985, 1, 1, false), VietnameseLunarCalendar.FromSolar(DateOnly.FromDateTime(date)));
        // In China the same day is 1/12 of 1984 (a year with leap month 10, so .NET numbers month 12 as 13).
        Assert.Equal((1984, 13, 1), (Chinese.GetYear(date), Chinese.GetMonth(date), Chinese.GetDayOfMonth(date)));
        Assert.Equal(11, Chinese.GetLeapMonth(1984));
    }

    // domain.md §6.4: Giỗ Tổ (10/3) differs in these years; 2037 and 2038 with the dates given there.
    [Theory]
    [InlineData(1916)]
    [InlineData(1917)]
    [InlineData(1939)]
    [InlineData(1975)]
    [InlineData(2009)]
    [InlineData(2037)]
    [InlineData(2038)]
    [InlineData(2085)]
    [InlineData(2086)]
    [InlineData(2095)]
    [InlineData(2100)]
    public void ToSolar_HungKingsDayInYearsWhereChinaDiffers_DiffersFromChinese(int year)
    {
        Assert.NotEqual(ChineseDate(year, 3, 10), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10, false)));
    }

    [Theory]
    [InlineData(2037, "2037-04-24", "2037-04-25")]
    [InlineData(2038, "2038-04-13", "2038-04-14")]
    public void ToSolar_HungKingsDay2037And2038_GivesVietnameseDate(int year, string vietnamese, string chinese)
    {
        Assert.Equal(D(vietnamese), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10, false)));
        Assert.Equal(D(chinese), ChineseDate(year, 3, 10));
    }

    [Fact]
    public void ToSolar_TetEveryYear1901To2100_EqualsChineseExceptListedYears()
    {
        // Independent cross-check against .NET's Chinese tables: the calendars agree except where the meridian matters.
        int[] differing = [1903, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053];
        var mismatches = new List<int>();
        for (var year = 1902; year <= 2100; year++)
        {
            var equal = ChineseNewYear(year) == VietnameseLunarCalendar.ToSolar(new LunarDate(year, 1, 1, false));
            if (equal == differing.Contains(year))
            {
                mismatches.Add(year);
            }
        }

        Assert.Empty(mismatches);
    }

    // Well-known published Tết dates, at least one per decade to 2090 (later decades: table-vs-algorithm check only).
    [Theory]
    [InlineData("1900-01-31")]
    [InlineData("1910-02-10")]
    [InlineData("1920-02-20")]
    [InlineData("1930-01-30")]
    [InlineData("1940-02-08")]
    [InlineData("1945-02-13")]
    [InlineData("1950-02-17")]
    [InlineData("1960-01-28")]
    [InlineData("1970-02-06")]
    [InlineData("1975-02-11")]
    [InlineData("1980-02-16")]
    [InlineData("1990-01-27")]
    [InlineData("2000-02-05")]
    [InlineData("2010-02-14")]
    [InlineData("2015-02-19")]
    [InlineData("2024-02-10")]
    [InlineData("2025-01-29")]
    [InlineData("2040-02-12")]
    [InlineData("2050-01-23")]
    [InlineData("2060-02-02")]
    [InlineData("2070-02-11")]
    [InlineData("2080-01-22")]
    [InlineData("2090-01-30")]
    public void FromSolar_PublishedTetDates_IsFirstDayOfYear(string solar)
    {
        var date = D(solar);
        Assert.Equal(new LunarDate(date.Year, 1, 1, false), VietnameseLunarCalendar.FromSolar(date));
    }

    [Fact]
    public void FromSolarThenToSolar_EveryDayInRange_RoundTrips()
    {
        var failures = new List<string>();
        var previous = VietnameseLunarCalendar.FromSolar(VietnameseLunarCalendar.MinSolarDate);
        for (var date = VietnameseLunarCalendar.MinSolarDate; date <= VietnameseLunarCalendar.MaxSolarDate; date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(date);
            if (!VietnameseLunarCalendar.TryToSolar(lunar, out var back) || back != date)
            {
                failures.Add($"{date:yyyy-MM-dd} -> {lunar} -> {back:yyyy-MM-dd}");
            }

            // Consecutive days: next day of the same month, or day 1 after day 29/30.
            if (date != VietnameseLunarCalendar.MinSolarDate && lunar.Day != previous.Day + 1
                && !(lunar.Day == 1 && previous.Day == VietnameseLunarCalendar.DaysInMonth(previous.Year, previous.Month, previous.IsLeapMonth)))
            {
                failures.Add($"{date:yyyy-MM-dd}: {previous} then {lunar}");
            }

            previous = lunar;
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Range_CoversRequiredSolarSpan()
    {
        Assert.Equal(D("1900-01-31"), VietnameseLunarCalendar.MinSolarDate);
        Assert.True(VietnameseLunarCalendar.MaxSolarDate >= D("2199-12-31"));
        Assert.Equal(new LunarDate(1900, 1, 1, false), VietnameseLunarCalendar.FromSolar(VietnameseLunarCalendar.MinSolarDate));
        var last = VietnameseLunarCalendar.FromSolar(VietnameseLunarCalendar.MaxSolarDate);
        Assert.Equal((2199, 12), (last.Year, last.Month));
        Assert.Equal(VietnameseLunarCalendar.DaysInMonth(2199, 12, false), last.Day);
    }

    [Fact]
    public void FromSolar_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(VietnameseLunarCalendar.MinSolarDate.AddDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(VietnameseLunarCalendar.MaxSolarDate.AddDays(1)));
    }

    [Fact]
    public void TryToSolar_NonExistentDates_ReturnsFalse()
    {
        var shortMonth = Enumerable.Range(1, 12).First(m => VietnameseLunarCalendar.DaysInMonth(2026, m, false) == 29);

        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2026, shortMonth, 30, false), out _));
        Assert.True(VietnameseLunarCalendar.TryToSolar(new LunarDate(2026, shortMonth, 29, false), out _));
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2026, 4, 1, true), out _));
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2020, 5, 1, true), out _));
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2020, 4, 0, true), out _));
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2020, 13, 1, false), out _));
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(1899, 12, 1, false), out _));
        Assert.False(VietnameseLunarCalendar.TryToSolar(new LunarDate(2200, 1, 1, false), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2026, 4, 1, true)));
    }

    [Fact]
    public void DaysInMonth_Leap2020_SumsToYearLength()
    {
        var months = Enumerable.Range(1, 12).Sum(m => VietnameseLunarCalendar.DaysInMonth(2020, m, false))
            + VietnameseLunarCalendar.DaysInMonth(2020, 4, true);
        var tet2020 = VietnameseLunarCalendar.ToSolar(new LunarDate(2020, 1, 1, false));
        var tet2021 = VietnameseLunarCalendar.ToSolar(new LunarDate(2021, 1, 1, false));

        Assert.Equal(tet2021.DayNumber - tet2020.DayNumber, months);
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.DaysInMonth(2021, 4, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.LeapMonth(2200));
    }

    [Theory]
    [InlineData("1/4L/2020", 2020, 4, 1, true)]
    [InlineData("30/12/2199", 2199, 12, 30, false)]
    [InlineData("10/3/2026", 2026, 3, 10, false)]
    [InlineData(" 1/4l/2020 ", 2020, 4, 1, true)]
    public void TryParse_ValidText_Parses(string text, int year, int month, int day, bool leap)
    {
        Assert.True(LunarDate.TryParse(text, out var date));
        Assert.Equal(new LunarDate(year, month, day, leap), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1/4/")]
    [InlineData("0/4/2020")]
    [InlineData("31/4/2020")]
    [InlineData("1/13/2020")]
    [InlineData("1/4X/2020")]
    [InlineData("1/L/2020")]
    [InlineData("-1/4/2020")]
    [InlineData("1/4/2020/1")]
    [InlineData("1/+4/2020")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(LunarDate.TryParse(text, out _));
    }

    [Fact]
    public void ToString_LeapMonth_HasLSuffix()
    {
        Assert.Equal("1/4L/2020", new LunarDate(2020, 4, 1, true).ToString());
        Assert.Equal("29/12/2025", new LunarDate(2025, 12, 29, false).ToString());
    }

    private static DateOnly ChineseNewYear(int year) => ChineseDate(year, 1, 1);

    private static DateOnly ChineseDate(int year, int month, int day)
    {
        // .NET numbers months 1..13 in a leap year: months after the leap month shift by one.
        var leap = Chinese.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Chinese.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
