using System.Numerics;

namespace MotCua.Domain.Calendar;

/// <summary>Packed per-year data of the Vietnamese lunar calendar; the values live in <c>LunarTable.g.cs</c>.</summary>
/// <remarks>
/// One <see cref="int"/> per lunar year: bits 0–12 flag the 30-day months in order (the leap month in place),
/// bits 13–16 hold the leap month number (0 = none) and bits 17–22 the day of the solar year on which Tết falls,
/// counted from 0 for 1 January.
/// </remarks>
internal static partial class LunarTable
{
    private const int LeapShift = 13;
    private const int NewYearShift = 17;
    private const int LengthMask = (1 << LeapShift) - 1;

    internal static int Encode(LunarAstronomy.YearInfo info)
    {
        var lengths = 0;
        for (var i = 0; i < info.MonthLengths.Count; i++)
        {
            if (info.MonthLengths[i] is not (29 or 30))
            {
                throw new InvalidOperationException($"Month {i} of lunar year {info.Year} has {info.MonthLengths[i]} days.");
            }

            lengths |= info.MonthLengths[i] == 30 ? 1 << i : 0;
        }

        return ((info.NewYear.DayOfYear - 1) << NewYearShift) | (info.LeapMonth << LeapShift) | lengths;
    }

    internal static int LeapMonth(int packed) => (packed >> LeapShift) & 0xF;

    internal static int MonthCount(int packed) => LeapMonth(packed) == 0 ? 12 : 13;

    internal static bool IsLongMonth(int packed, int index) => (packed & (1 << index)) != 0;

    internal static int NewYearDayOfYear(int packed) => (packed >> NewYearShift) + 1;

    /// <summary>Days from Tết to the first day of the month at position <paramref name="index"/>.</summary>
    internal static int DaysBeforeMonth(int packed, int index) =>
        29 * index + BitOperations.PopCount((uint)(packed & LengthMask & ((1 << index) - 1)));

    internal static int YearLength(int packed) => DaysBeforeMonth(packed, MonthCount(packed));
}
