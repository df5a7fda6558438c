using System.Globalization;

namespace MotCua.Domain.Calendar;

/// <summary>A date in the Vietnamese lunisolar calendar (âm lịch, computed for UTC+7).</summary>
/// <param name="Year">Lunar year number: the solar year in which its month 1 (Tết) starts.</param>
/// <param name="Month">Month number 1..12; a leap month repeats the number of the month before it.</param>
/// <param name="Day">Day of the month, 1..30.</param>
/// <param name="IsLeapMonth">Whether the month is the leap month (tháng nhuận).</param>
/// <remarks>
/// Construction does not check existence; use <see cref="VietnameseLunarCalendar.TryToSolar"/> for that.
/// The text form is day/month[L]/year, e.g. "1/4L/2020" for day 1 of leap month 4 of 2020.
/// </remarks>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
{
    /// <summary>Formats as day/month[L]/year, e.g. "10/3/2026" or "1/4L/2020".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day}/{Month}{(IsLeapMonth ? "L" : "")}/{Year}");

    /// <summary>Parses the day/month[L]/year form produced by <see cref="ToString"/> (the "L" may be lower case).</summary>
    /// <remarks>Checks only the shape and the ranges month 1..12 and day 1..30, not that the date exists.</remarks>
    public static bool TryParse(string? s, out LunarDate date)
    {
        date = default;
        if (s is null)
        {
            return false;
        }

        var parts = s.Trim().Split('/');
        if (parts.Length != 3)
        {
            return false;
        }

        var monthText = parts[1];
        var isLeap = monthText.EndsWith('L') || monthText.EndsWith('l');
        if (isLeap)
        {
            monthText = monthText[..^1];
        }

        if (!TryParseNumber(parts[0], 2, out var day) || !TryParseNumber(monthText, 2, out var month)
            || !TryParseNumber(parts[2], 4, out var year)
            || day is < 1 or > 30 || month is < 1 or > 12 || year < 1)
        {
            return false;
        }

        date = new LunarDate(year, month, day, isLeap);
        return true;
    }

    private static bool TryParseNumber(string text, int maxDigits, out int value)
    {
        value = 0;
        return text.Length is > 0 && text.Length <= maxDigits && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
