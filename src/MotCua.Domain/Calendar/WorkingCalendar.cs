using System.Collections.Frozen;

namespace MotCua.Domain.Calendar;

/// <summary>Which dates are working days, precomputed over a range of years so every query is O(1).</summary>
/// <remarks>
/// <para>A date is a working day iff it is Monday–Friday and no <see cref="DayKind.Holiday"/>,
/// <see cref="DayKind.CompensatoryOff"/> or <see cref="DayKind.SwapOff"/> deviation names it, or it is a weekend day
/// named by a <see cref="DayKind.MakeUpWorkday"/> deviation (domain.md §5.2; QĐ 188/1999/QĐ-TTg for the Monday–Friday
/// week). A holiday on a weekend is only an annotation: its compensatory day off is a separate deviation
/// (Labour Code 2019, Art. 111(3)).</para>
/// <para>The instance is immutable and safe to share between threads. Dates outside
/// <see cref="FirstDate"/>..<see cref="LastDate"/> throw <see cref="ArgumentOutOfRangeException"/>.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly int _firstDayNumber;
    private readonly int _dayCount;

    // _ordinal[i] = number of working days strictly before day i of the range; length _dayCount + 1.
    private readonly int[] _ordinal;

    // _dayOfOrdinal[k] = day index of the k-th (0-based) working day of the range.
    private readonly int[] _dayOfOrdinal;

    private readonly FrozenDictionary<DateOnly, CalendarDay> _deviations;

    /// <summary>Builds the calendar for whole years <paramref name="firstYear"/>..<paramref name="lastYear"/>.</summary>
    /// <param name="firstYear">First Gregorian year covered (1..9998).</param>
    /// <param name="lastYear">Last Gregorian year covered, at least <paramref name="firstYear"/>.</param>
    /// <param name="deviations">Holidays, days off and make-up working days; dates outside the range are ignored.
    /// When several deviations name the same date, the one that changes the working status wins.</param>
    public WorkingCalendar(int firstYear, int lastYear, IEnumerable<CalendarDay> deviations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        ArgumentNullException.ThrowIfNull(deviations);

        FirstDate = new DateOnly(firstYear, 1, 1);
        LastDate = new DateOnly(lastYear, 12, 31);
        _firstDayNumber = FirstDate.DayNumber;
        _dayCount = LastDate.DayNumber - _firstDayNumber + 1;

        var working = new bool[_dayCount];
        for (var i = 0; i < _dayCount; i++)
        {
            working[i] = !IsWeekend(_firstDayNumber + i);
        }

        var chosen = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in deviations)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(deviations));
            if (day.Date < FirstDate || day.Date > LastDate)
            {
                continue;
            }

            var i = day.Date.DayNumber - _firstDayNumber;
            var weekend = IsWeekend(day.Date.DayNumber);
            var changesStatus = weekend ? day.Kind == DayKind.MakeUpWorkday : !day.IsWorking;
            if (changesStatus)
            {
                working[i] = weekend;
                if (!chosen.TryGetValue(day.Date, out var previous) || !ChangesStatus(previous))
                {
                    chosen[day.Date] = day;
                }
            }
            else
            {
                chosen.TryAdd(day.Date, day);
            }
        }

        _deviations = chosen.ToFrozenDictionary();

        _ordinal = new int[_dayCount + 1];
        var count = 0;
        for (var i = 0; i < _dayCount; i++)
        {
            _ordinal[i] = count;
            if (working[i])
            {
                count++;
            }
        }

        _ordinal[_dayCount] = count;
        _dayOfOrdinal = new int[count];
        for (var i = 0; i < _dayCount; i++)
        {
            if (working[i])
            {
                _dayOfOrdinal[_ordinal[i]] = i;
            }
        }
    }

    /// <summary>The first date covered (1 January of the first year).</summary>
    public DateOnly FirstDate { get; }

    /// <summary>The last date covered (31 December of the last year).</summary>
    public DateOnly LastDate { get; }

    /// <summary>The number of working days in the whole range.</summary>
    public int WorkingDayCount => _dayOfOrdinal.Length;

    /// <summary>A plain Monday–Friday calendar with no holidays, mainly for tests and tools.</summary>
    public static WorkingCalendar MondayToFriday(int firstYear, int lastYear) => new(firstYear, lastYear, []);

    /// <summary>Whether <paramref name="date"/> lies inside the calendar range.</summary>
    public bool Contains(DateOnly date) => unchecked((uint)(date.DayNumber - _firstDayNumber)) < (uint)_dayCount;

    /// <summary>Whether civil servants work on <paramref name="date"/>.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var i = IndexOf(date);
        return _ordinal[i + 1] != _ordinal[i];
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => DateOfOrdinal(_ordinal[IndexOf(date) + 1], nameof(date));

    /// <summary><paramref name="date"/> itself if it is a working day, otherwise the next working day.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => DateOfOrdinal(_ordinal[IndexOf(date)], nameof(date));

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => DateOfOrdinal(_ordinal[IndexOf(date)] - 1, nameof(date));

    /// <summary><paramref name="date"/> itself if it is a working day, otherwise the previous working day.</summary>
    public DateOnly WorkingDayOnOrBefore(DateOnly date) => DateOfOrdinal(_ordinal[IndexOf(date) + 1] - 1, nameof(date));

    /// <summary>Moves <paramref name="days"/> working days from <paramref name="date"/>, which itself is not counted.</summary>
    /// <remarks>For <c>days &gt; 0</c> the result is the <c>days</c>-th working day strictly after
    /// <paramref name="date"/> (BLDS 2015 Art. 147(1): the first day is not counted); for <c>days &lt; 0</c> the
    /// |<c>days</c>|-th working day strictly before it; <c>days == 0</c> returns <paramref name="date"/> unchanged.</remarks>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var i = IndexOf(date);
        return days switch
        {
            0 => date,
            > 0 => DateOfOrdinal((long)_ordinal[i + 1] + days - 1, nameof(days)),
            _ => DateOfOrdinal((long)_ordinal[i] + days, nameof(days)),
        };
    }

    /// <summary>The number of working days in (<paramref name="from"/>, <paramref name="to"/>], negated when
    /// <paramref name="to"/> is before <paramref name="from"/>.</summary>
    /// <remarks>Antisymmetric. <c>AddWorkingDays(a, WorkingDaysBetween(a, b)) == b</c> for every working day
    /// <c>b ≥ a</c>, and for <c>b &lt; a</c> when <c>a</c> is a working day.</remarks>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => _ordinal[IndexOf(to) + 1] - _ordinal[IndexOf(from) + 1];

    /// <summary>The kind of <paramref name="date"/>: its deviation's kind, or <see cref="DayKind.Working"/> /
    /// <see cref="DayKind.Weekend"/>.</summary>
    public DayKind KindOf(DateOnly date) => Describe(date).Kind;

    /// <summary>The deviation recorded for <paramref name="date"/>, or a synthesised Working/Weekend day.</summary>
    public CalendarDay Describe(DateOnly date)
    {
        _ = IndexOf(date);
        if (_deviations.TryGetValue(date, out var day))
        {
            return day;
        }

        return IsWeekend(date.DayNumber)
            ? new CalendarDay(date, DayKind.Weekend, "Nghỉ hằng tuần")
            : new CalendarDay(date, DayKind.Working, "Ngày làm việc");
    }

    /// <summary>Every recorded deviation inside the range, in date order.</summary>
    public IEnumerable<CalendarDay> Deviations => _deviations.Values.OrderBy(d => d.Date);

    // Internal O(1) accessors used by DeadlineCalculator; indexes are relative to FirstDate.
    internal int FirstDayNumber => _firstDayNumber;

    internal int DayCount => _dayCount;

    internal int[] Ordinals => _ordinal;

    internal int[] DayIndexesOfOrdinals => _dayOfOrdinal;

    internal static bool IsWeekend(int dayNumber)
    {
        // DayNumber 0 (0001-01-01) is a Monday, so dayNumber % 7 == 5 is Saturday and 6 is Sunday.
        return dayNumber % 7 >= 5;
    }

    private static bool ChangesStatus(CalendarDay day) =>
        IsWeekend(day.Date.DayNumber) ? day.Kind == DayKind.MakeUpWorkday : !day.IsWorking;

    private int IndexOf(DateOnly date)
    {
        var i = date.DayNumber - _firstDayNumber;
        if (unchecked((uint)i) >= (uint)_dayCount)
        {
            ThrowOutOfRange(date);
        }

        return i;
    }

    private DateOnly DateOfOrdinal(long ordinal, string paramName)
    {
        if (unchecked((ulong)ordinal) >= (ulong)_dayOfOrdinal.Length)
        {
            ThrowNoWorkingDay(paramName);
        }

        return DateOnly.FromDayNumber(_firstDayNumber + _dayOfOrdinal[ordinal]);
    }

    private void ThrowOutOfRange(DateOnly date) =>
        throw new ArgumentOutOfRangeException(nameof(date), date, $"The working calendar covers {FirstDate:yyyy-MM-dd}..{LastDate:yyyy-MM-dd} only.");

    private void ThrowNoWorkingDay(string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, $"The result lies outside the working calendar {FirstDate:yyyy-MM-dd}..{LastDate:yyyy-MM-dd}.");
}
