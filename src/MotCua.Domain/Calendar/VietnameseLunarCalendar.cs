namespace MotCua.Domain.Calendar;

/// <summary>Conversions between solar (Gregorian) dates and the Vietnamese lunar calendar (âm lịch, UTC+7).</summary>
/// <remarks>
/// Table lookups only (<c>LunarTable.g.cs</c>, generated from the astronomical series in domain.md §6.2 for meridian
/// 105°E). Deliberately not <see cref="System.Globalization.ChineseLunisolarCalendar"/>: that is computed for UTC+8 and
/// gives other dates in some years (e.g. Tết 1985 and 2030; domain.md §6.4).
/// UTC+7 is applied to every year, as in domain.md §6.2. Vietnam adopted it for the calendar in 1968, so dates before
/// then can differ from calendars printed at the time (which followed UTC+8 or local meridians).
/// </remarks>
public static class VietnameseLunarCalendar
{
    /// <summary>First supported lunar year.</summary>
    public const int MinLunarYear = LunarTable.FirstYear;

    /// <summary>Last supported lunar year.</summary>
    public const int MaxLunarYear = LunarTable.LastYear;

    // Day number (DateOnly.DayNumber) of Tết per lunar year, plus the day after the last supported day.
    private static readonly int[] NewYearDayNumbers = BuildNewYears();

    /// <summary>First supported solar date: Tết of <see cref="MinLunarYear"/>.</summary>
    public static DateOnly MinSolarDate { get; } = DateOnly.FromDayNumber(NewYearDayNumbers[0]);

    /// <summary>Last supported solar date: the last day of lunar year <see cref="MaxLunarYear"/>.</summary>
    public static DateOnly MaxSolarDate { get; } = DateOnly.FromDayNumber(NewYearDayNumbers[^1] - 1);

    /// <summary>Converts a solar date to its lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="MinSolarDate"/>..<see cref="MaxSolarDate"/>.</exception>
    public static LunarDate FromSolar(DateOnly date)
    {
        var dayNumber = date.DayNumber;
        if (dayNumber < NewYearDayNumbers[0] || dayNumber >= NewYearDayNumbers[^1])
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"Supported solar dates are {MinSolarDate:yyyy-MM-dd}..{MaxSolarDate:yyyy-MM-dd}.");
        }

        // Tết falls between 21 January and 20 February, so the lunar year is the solar year or the one before.
        var index = Math.Min(date.Year - MinLunarYear, NewYearDayNumbers.Length - 2);
        if (dayNumber < NewYearDayNumbers[index])
        {
            index--;
        }

        var packed = LunarTable.Years[index];
        var offset = dayNumber - NewYearDayNumbers[index];
        var position = 0;
        var length = LunarTable.IsLongMonth(packed, 0) ? 30 : 29;
        while (offset >= length)
        {
            offset -= length;
            position++;
            length = LunarTable.IsLongMonth(packed, position) ? 30 : 29;
        }

        var leap = LunarTable.LeapMonth(packed);
        var isLeap = leap != 0 && position == leap;
        var month = leap != 0 && position >= leap ? position : position + 1;
        return new LunarDate(MinLunarYear + index, month, offset + 1, isLeap);
    }

    /// <summary>Converts a lunar date to its solar date.</summary>
    /// <returns>False if the lunar date does not exist (e.g. day 30 of a 29-day month, or a leap month the year lacks) or is out of range.</returns>
    public static bool TryToSolar(LunarDate lunar, out DateOnly date)
    {
        date = default;
        if (!TryMonthPosition(lunar.Year, lunar.Month, lunar.IsLeapMonth, out var packed, out var position)
            || lunar.Day < 1 || lunar.Day > (LunarTable.IsLongMonth(packed, position) ? 30 : 29))
        {
            return false;
        }

        date = DateOnly.FromDayNumber(NewYearDayNumbers[lunar.Year - MinLunarYear]
            + LunarTable.DaysBeforeMonth(packed, position) + lunar.Day - 1);
        return true;
    }

    /// <summary>Converts a lunar date to its solar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The lunar date does not exist or is out of range.</exception>
    public static DateOnly ToSolar(LunarDate lunar) =>
        TryToSolar(lunar, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(lunar), lunar, "The lunar date does not exist or is out of range.");

    /// <summary>The leap month of a lunar year (the leap month follows the regular month with this number), or null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinLunarYear"/>..<see cref="MaxLunarYear"/>.</exception>
    public static int? LeapMonth(int lunarYear)
    {
        var leap = LunarTable.LeapMonth(Packed(lunarYear));
        return leap == 0 ? null : leap;
    }

    /// <summary>Number of days (29 or 30) of a lunar month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month does not exist in that year, or the year is out of range.</exception>
    public static int DaysInMonth(int lunarYear, int month, bool leap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinLunarYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxLunarYear);
        return TryMonthPosition(lunarYear, month, leap, out var packed, out var position)
            ? LunarTable.IsLongMonth(packed, position) ? 30 : 29
            : throw new ArgumentOutOfRangeException(nameof(month), month, $"Lunar year {lunarYear} has no such month.");
    }

    private static int Packed(int lunarYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinLunarYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxLunarYear);
        return LunarTable.Years[lunarYear - MinLunarYear];
    }

    private static bool TryMonthPosition(int lunarYear, int month, bool isLeap, out int packed, out int position)
    {
        packed = 0;
        position = 0;
        if (lunarYear is < MinLunarYear or > MaxLunarYear || month is < 1 or > 12)
        {
            return false;
        }

        packed = LunarTable.Years[lunarYear - MinLunarYear];
        var leap = LunarTable.LeapMonth(packed);
        if (isLeap && month != leap)
        {
            return false;
        }

        position = leap != 0 && (month > leap || isLeap) ? month : month - 1;
        return true;
    }

    private static int[] BuildNewYears()
    {
        var years = LunarTable.Years;
        var result = new int[years.Length + 1];
        for (var i = 0; i < years.Length; i++)
        {
            result[i] = new DateOnly(MinLunarYear + i, 1, 1).DayNumber + LunarTable.NewYearDayOfYear(years[i]) - 1;
        }

        result[^1] = result[^2] + LunarTable.YearLength(years[^1]);
        return result;
    }
}
