namespace MotCua.Domain.Calendar;

/// <summary>
/// Astronomical computation of the Vietnamese lunisolar calendar for UTC+7 (meridian 105°E).
/// Used only to generate and check <c>LunarTable.g.cs</c>; run-time conversions never call it.
/// </summary>
/// <remarks>
/// Written independently from the published Meeus-style series reproduced in domain.md §6.2 (mean new moon with
/// periodic corrections, low-precision solar longitude). The calendar rules are facts: a month starts on the local day
/// containing the new moon; month 11 contains the winter solstice; in a 13-month span the first month without a
/// major solar term is the leap month and repeats the number of the month before it.
/// </remarks>
internal static class LunarAstronomy
{
    /// <summary>Vietnam's calendar meridian: UTC+7 (used since 1968; applied to all years here, as in domain.md §6.2).</summary>
    internal const double TimeZoneHours = 7.0;

    /// <summary>Mean synodic month in days.</summary>
    internal const double SynodicMonth = 29.530588853;

    /// <summary>Julian Day Number of 0001-01-01 (proleptic Gregorian) minus <see cref="DateOnly.DayNumber"/> offset.</summary>
    internal const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>Julian date of the new moon that lunation index 0 refers to (1900-01-01).</summary>
    private const double NewMoonEpoch = 2415021.076998695;

    private const double DegreesToRadians = Math.PI / 180.0;

    /// <summary>Julian Day Number of a date (Gregorian; all supported dates are after 1582).</summary>
    internal static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    /// <summary>Date of a Julian Day Number.</summary>
    internal static DateOnly FromJulianDay(int jdn) => DateOnly.FromDayNumber(jdn - JulianDayOfDayNumberZero);

    /// <summary>Julian date (TT approximately, then corrected by ΔT) of the new moon with lunation index <paramref name="k"/>.</summary>
    internal static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * DegreesToRadians);
        var m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DegreesToRadians;
        var mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DegreesToRadians;
        var f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DegreesToRadians;

        // Every term keeps its own sign (domain.md §6.2 porting trap: no compound "-=" over a sum).
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m)
            + 0.0021 * Math.Sin(2 * m)
            - 0.4068 * Math.Sin(mpr)
            + 0.0161 * Math.Sin(2 * mpr)
            - 0.0004 * Math.Sin(3 * mpr)
            + 0.0104 * Math.Sin(2 * f)
            - 0.0051 * Math.Sin(m + mpr)
            - 0.0074 * Math.Sin(m - mpr)
            + 0.0004 * Math.Sin(2 * f + m)
            - 0.0004 * Math.Sin(2 * f - m)
            - 0.0006 * Math.Sin(2 * f + mpr)
            + 0.0010 * Math.Sin(2 * f - mpr)
            + 0.0005 * Math.Sin(2 * mpr + m);

        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd1 + c1 - deltaT;
    }

    /// <summary>Julian Day Number of the local (UTC+7) day containing new moon <paramref name="k"/>.</summary>
    internal static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + TimeZoneHours / 24);

    /// <summary>Apparent solar longitude in radians, normalised to [0, 2π), at Julian date <paramref name="jd"/>.</summary>
    internal static double SunLongitude(double jd)
    {
        var t = (jd - 2451545.0) / 36525;
        var t2 = t * t;
        var m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DegreesToRadians;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(m)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * m)
            + 0.000290 * Math.Sin(3 * m);
        var l = (l0 + dl) * DegreesToRadians;
        l -= 2 * Math.PI * Math.Floor(l / (2 * Math.PI));
        return l;
    }

    /// <summary>
    /// The 30° sector (0..11) of the solar longitude at the start of local day <paramref name="jdn"/>.
    /// Sector 9 starts at the winter solstice (270°).
    /// </summary>
    internal static int SunSector(int jdn) => (int)Math.Floor(SunLongitude(jdn - 0.5 - TimeZoneHours / 24) / Math.PI * 6);

    /// <summary>Lunation index whose new moon is nearest to local day <paramref name="jdn"/>.</summary>
    internal static int LunationNear(int jdn) => (int)Math.Floor((jdn - NewMoonEpoch) / SynodicMonth + 0.5);

    /// <summary>Julian Day Number of the first day of lunar month 11 that contains the winter solstice of solar year <paramref name="year"/>.</summary>
    internal static int Month11Start(int year)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / SynodicMonth);
        var start = NewMoonDay(k);

        // A new moon already past the solstice (sector ≥ 9) belongs to month 12 or later: month 11 is the one before.
        return SunSector(start) >= 9 ? NewMoonDay(k - 1) : start;
    }

    /// <summary>
    /// Position (1..12 after month 11) of the leap month in the 13-month span that starts at <paramref name="month11Start"/>:
    /// the first month whose start and end lie in the same solar sector, i.e. a month with no major solar term.
    /// </summary>
    internal static int LeapMonthOffset(int month11Start)
    {
        var k = LunationNear(month11Start);
        var i = 1;
        var sector = SunSector(NewMoonDay(k + i));
        int previous;
        do
        {
            previous = sector;
            i++;
            sector = SunSector(NewMoonDay(k + i));
        }
        while (sector != previous && i < 14);
        return i - 1;
    }

    /// <summary>One lunar year as stored in the table.</summary>
    /// <param name="Year">Lunar year number (the solar year in which its month 1 starts).</param>
    /// <param name="NewYear">Date of 1/1 (Tết).</param>
    /// <param name="MonthLengths">Lengths of its 12 or 13 months in order, the leap month in place.</param>
    /// <param name="LeapMonth">Number of the leap month (it follows the regular month with that number), 0 if none.</param>
    internal sealed record YearInfo(int Year, DateOnly NewYear, IReadOnlyList<int> MonthLengths, int LeapMonth);

    private readonly record struct MonthStart(int JulianDay, int Year, int Month, bool IsLeap);

    /// <summary>Computes lunar years <paramref name="firstYear"/>..<paramref name="lastYear"/> from the astronomical series.</summary>
    internal static IReadOnlyList<YearInfo> ComputeYears(int firstYear, int lastYear)
    {
        var starts = new List<MonthStart>();
        for (var solarYear = firstYear - 1; solarYear <= lastYear; solarYear++)
        {
            starts.AddRange(MonthsFromMonth11(solarYear));
        }

        var years = new List<YearInfo>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var first = starts.FindIndex(s => s.Year == year && s.Month == 1 && !s.IsLeap);
            var next = starts.FindIndex(s => s.Year == year + 1 && s.Month == 1 && !s.IsLeap);
            var lengths = new List<int>();
            var leap = 0;
            for (var i = first; i < next; i++)
            {
                lengths.Add(starts[i + 1].JulianDay - starts[i].JulianDay);
                if (starts[i].IsLeap)
                {
                    leap = starts[i].Month;
                }
            }

            years.Add(new YearInfo(year, FromJulianDay(starts[first].JulianDay), lengths, leap));
        }

        return years;
    }

    /// <summary>Month starts from month 11 of solar year <paramref name="solarYear"/> up to (excluding) the next month 11.</summary>
    private static List<MonthStart> MonthsFromMonth11(int solarYear)
    {
        var start = Month11Start(solarYear);
        var end = Month11Start(solarYear + 1);
        var k = LunationNear(start);
        var count = (int)Math.Round((end - start) / SynodicMonth);
        var leapOffset = count == 13 ? LeapMonthOffset(start) : -1;
        var result = new List<MonthStart>(count);
        for (var i = 0; i < count; i++)
        {
            var ordinal = leapOffset >= 0 && i >= leapOffset ? i - 1 : i;
            var month = (10 + ordinal) % 12 + 1;
            var year = month >= 11 ? solarYear : solarYear + 1;
            result.Add(new MonthStart(NewMoonDay(k + i), year, month, i == leapOffset));
        }

        if (NewMoonDay(k) != start || NewMoonDay(k + count) != end)
        {
            throw new InvalidOperationException($"Lunation count mismatch after month 11 of {solarYear}.");
        }

        return result;
    }

    /// <summary>
    /// Converts one date directly from the series, without the table: an independent path for checking the table.
    /// </summary>
    internal static LunarDate ConvertDirect(DateOnly date)
    {
        var jdn = JulianDay(date);
        var k = (int)Math.Floor((jdn - NewMoonEpoch) / SynodicMonth);
        // The mean-lunation estimate can be a whole lunation ahead near a month boundary (e.g. 2054-05-07):
        // step back until the month start is not after the date.
        k++;
        var monthStart = NewMoonDay(k);
        while (monthStart > jdn)
        {
            k--;
            monthStart = NewMoonDay(k);
        }

        var month11 = Month11Start(date.Year);
        int spanStart, spanEnd, spanSolarYear;
        if (month11 > monthStart)
        {
            spanStart = Month11Start(date.Year - 1);
            spanEnd = month11;
            spanSolarYear = date.Year - 1;
        }
        else
        {
            spanStart = month11;
            spanEnd = Month11Start(date.Year + 1);
            spanSolarYear = date.Year;
        }

        var ordinal = (int)Math.Floor((monthStart - spanStart) / 29.0);
        var isLeap = false;
        if (spanEnd - spanStart > 365)
        {
            var leapOffset = LeapMonthOffset(spanStart);
            if (ordinal >= leapOffset)
            {
                isLeap = ordinal == leapOffset;
                ordinal--;
            }
        }

        var monthNumber = (10 + ordinal) % 12 + 1;
        var year = monthNumber >= 11 ? spanSolarYear : spanSolarYear + 1;
        return new LunarDate(year, monthNumber, jdn - monthStart + 1, isLeap);
    }
}
