using System.Runtime.CompilerServices;
using MotCua.Domain.Common;

namespace MotCua.Domain.Calendar;

/// <summary>Due times and elapsed working time for one desk: a <see cref="WorkingCalendar"/> plus a
/// <see cref="WorkSchedule"/>, precomputed so every call is O(1) (O(log n) at worst) and allocation-free.</summary>
/// <remarks>
/// <para>Rules (domain.md §5.3; see Calendar/README.md for the full table):</para>
/// <list type="bullet">
/// <item><description>Receipt outside working time (a non-working day, before opening, the lunch break, after closing)
/// counts from the next working time: the dossier is received when the desk is open. Sessions are half-open, so a
/// receipt at exactly 17:00 is after hours.</description></item>
/// <item><description><see cref="DeadlinePolicy.CalendarDayEnd"/>, working days: the day of receipt is not counted
/// (BLDS 2015 Art. 147(1)); due at the end of the N-th working day after it.</description></item>
/// <item><description>Calendar days and months: counted from the next day; a non-working last day moves to the next
/// working day (BLDS 2015 Art. 148(5)). Both policies use this civil-code rule for these two units.</description></item>
/// <item><description>Working hours, and working days under <see cref="DeadlinePolicy.WorkingHours"/>: working time
/// consumed from the moment of receipt (BLDS 2015 Art. 147(2)); a limit that uses up a day exactly ends at its close,
/// not at the next opening.</description></item>
/// <item><description>"End of a day" is the close of its last session by default, the time printed on Form 01, or
/// 24:00 with <see cref="DueTimeOfDay.EndOfDay"/>. Both fall on the same date, so date-level timeliness is the same.
/// </description></item>
/// </list>
/// <para>The instance is immutable and thread-safe.</para>
/// </remarks>
public sealed class DeadlineCalculator
{
    /// <summary>The largest accepted limit value in any unit.</summary>
    public const int MaxLimitValue = 100_000;

    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private const int MakeUpPlan = 7;

    private static readonly long OffsetTicks = VietnamTime.Offset.Ticks;

    private readonly int[] _ordinal;
    private readonly int[] _dayOfOrdinal;
    private readonly long _firstDayNumber;
    private readonly int _dayCount;
    private readonly DayPlan[] _plans;

    // _cumulative[k] = working ticks in working days with ordinal below k.
    private readonly long[] _cumulative;
    private readonly long _minDayTicks;
    private readonly long _maxDayTicks;
    private readonly long _cutoffTicks;
    private readonly long _workingDayTicks;

    /// <summary>Precomputes the working time of every working day of <paramref name="calendar"/>.</summary>
    public DeadlineCalculator(WorkingCalendar calendar, WorkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(schedule);
        Calendar = calendar;
        Schedule = schedule;
        _ordinal = calendar.Ordinals;
        _dayOfOrdinal = calendar.DayIndexesOfOrdinals;
        _firstDayNumber = calendar.FirstDayNumber;
        _dayCount = calendar.DayCount;
        _cutoffTicks = schedule.SameDayCutoff.Ticks;
        _workingDayTicks = schedule.WorkingDayLength.Ticks;

        _plans = new DayPlan[8];
        for (var d = 0; d < 7; d++)
        {
            _plans[d] = new DayPlan(schedule.SessionsOn((DayOfWeek)d));
        }

        _plans[MakeUpPlan] = new DayPlan(schedule.MakeUpWorkdaySessions);

        _cumulative = new long[_dayOfOrdinal.Length + 1];
        _minDayTicks = long.MaxValue;
        _maxDayTicks = 1;
        for (var k = 0; k < _dayOfOrdinal.Length; k++)
        {
            var total = PlanOf(_firstDayNumber + _dayOfOrdinal[k]).Total;
            _minDayTicks = Math.Min(_minDayTicks, total);
            _maxDayTicks = Math.Max(_maxDayTicks, total);
            _cumulative[k + 1] = _cumulative[k] + total;
        }

        if (_minDayTicks == long.MaxValue)
        {
            _minDayTicks = 1;
        }
    }

    /// <summary>The working-day calendar used.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>The desk's sessions and cut-off.</summary>
    public WorkSchedule Schedule { get; }

    /// <summary>Computes the due time of a processing-time limit.</summary>
    /// <returns>The due instant (UTC), or an error for a negative, fractional or too large limit, or when the receipt
    /// or the due time lies outside the calendar.</returns>
    /// <exception cref="ArgumentException">The receipt is not a UTC <see cref="DateTime"/> (a bug in the caller).</exception>
    public Result<DateTime> ComputeDue(in DeadlineRequest request) =>
        ComputeDue(request.ReceivedAtUtc, request.Value, request.Unit, request.Policy, request.Options);

    /// <summary>Computes the due time of a processing-time limit.</summary>
    /// <param name="receivedAtUtc">The legal moment of receipt (<see cref="DateTimeKind.Utc"/>).</param>
    /// <param name="value">The limit, at least 0; ignored for <see cref="ProcessingTimeUnit.Immediate"/>.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <param name="policy">How working days are counted.</param>
    /// <param name="options">Cut-off and end-of-day switches; <c>null</c> means <see cref="DeadlineOptions.Default"/>.</param>
    /// <returns>The due instant (UTC) or an error value.</returns>
    /// <exception cref="ArgumentException"><paramref name="receivedAtUtc"/> is not UTC (a bug in the caller).</exception>
    public Result<DateTime> ComputeDue(
        DateTime receivedAtUtc, decimal value, ProcessingTimeUnit unit, DeadlinePolicy policy, DeadlineOptions? options = null)
    {
        RequireUtc(receivedAtUtc, nameof(receivedAtUtc));
        options ??= DeadlineOptions.Default;
        var local = receivedAtUtc.Ticks + OffsetTicks;
        var dayIndex = local / TicksPerDay - _firstDayNumber;
        if (unchecked((ulong)dayIndex) >= (ulong)_dayCount)
        {
            return OutOfRange();
        }

        if (unit == ProcessingTimeUnit.Immediate)
        {
            return ToResult(DueImmediately(local, options));
        }

        if (value < 0)
        {
            return new NegativeLimitError(value);
        }

        if (value > MaxLimitValue)
        {
            return new LimitTooLargeError(value, MaxLimitValue);
        }

        var whole = decimal.IsInteger(value);
        switch (unit)
        {
            case ProcessingTimeUnit.WorkingHour:
                return ToResult(AddWorkingTicks(Start(local, options), ToTicks(value, whole, TimeSpan.TicksPerHour)));
            case ProcessingTimeUnit.WorkingDay when policy == DeadlinePolicy.WorkingHours:
                return ToResult(AddWorkingTicks(Start(local, options), ToTicks(value, whole, _workingDayTicks)));
            case ProcessingTimeUnit.WorkingDay:
            case ProcessingTimeUnit.CalendarDay:
            case ProcessingTimeUnit.Month:
                return whole
                    ? ToResult(DueByDays(local, (int)value, unit, options))
                    : new FractionalLimitError(value, unit);
            default:
                return new UnknownTimeUnitError(unit);
        }
    }

    /// <summary>Working time between two instants, negative when <paramref name="toUtc"/> is earlier.</summary>
    /// <remarks>Only time inside sessions of working days counts; used for timeliness and clock pauses.</remarks>
    /// <exception cref="ArgumentException">An instant is not UTC.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant lies outside the calendar.</exception>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        RequireUtc(fromUtc, nameof(fromUtc));
        RequireUtc(toUtc, nameof(toUtc));
        var from = LocalInRange(fromUtc, nameof(fromUtc));
        var to = LocalInRange(toUtc, nameof(toUtc));
        return new TimeSpan(WorkedUntil(to) - WorkedUntil(from));
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; see
    /// <see cref="WorkingCalendar.WorkingDaysBetween"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => Calendar.WorkingDaysBetween(from, to);

    /// <summary>Whether <paramref name="instantUtc"/> falls inside a working session of a working day.</summary>
    public bool IsWorkingTime(DateTime instantUtc)
    {
        RequireUtc(instantUtc, nameof(instantUtc));
        var local = LocalInRange(instantUtc, nameof(instantUtc));
        return NextWorkingLocal(local) == local;
    }

    /// <summary><paramref name="instantUtc"/> itself if it is working time, otherwise the next session start.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant or the result lies outside the calendar.</exception>
    public DateTime NextWorkingTime(DateTime instantUtc)
    {
        RequireUtc(instantUtc, nameof(instantUtc));
        return ToUtcOrThrow(NextWorkingLocal(LocalInRange(instantUtc, nameof(instantUtc))));
    }

    /// <summary>The instant when <paramref name="duration"/> of working time has elapsed after
    /// <paramref name="instantUtc"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative, or an instant lies outside the calendar.</exception>
    public DateTime AddWorkingTime(DateTime instantUtc, TimeSpan duration)
    {
        RequireUtc(instantUtc, nameof(instantUtc));
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return ToUtcOrThrow(AddWorkingTicks(LocalInRange(instantUtc, nameof(instantUtc)), duration.Ticks));
    }

    /// <summary>The instant at which a limit counted in days ends on <paramref name="workingDay"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is not a working day of the calendar.</exception>
    public DateTime EndOfWorkingDay(DateOnly workingDay, DueTimeOfDay dueTimeOfDay = DueTimeOfDay.CloseOfLastSession)
    {
        if (!Calendar.IsWorkingDay(workingDay))
        {
            throw new ArgumentOutOfRangeException(nameof(workingDay), workingDay, "Not a working day.");
        }

        return new DateTime(EndOfDayLocal(workingDay.DayNumber, dueTimeOfDay) - OffsetTicks, DateTimeKind.Utc);
    }

    private long DueImmediately(long local, DeadlineOptions options)
    {
        // D12: a same-day procedure received after the cut-off is due at the end of the next working day.
        if (options.ImmediateAfterCutoffIsNextDay && AfterCutoffOnWorkingDay(local))
        {
            var next = _ordinal[DayIndex(local) + 1];
            return next < _dayOfOrdinal.Length ? EndOfDayLocal(_firstDayNumber + _dayOfOrdinal[next], options.DueTimeOfDay) : -1;
        }

        return NextWorkingLocal(local);
    }

    private long DueByDays(long local, int value, ProcessingTimeUnit unit, DeadlineOptions options)
    {
        var received = ReceptionOrdinal(local, options);
        if (received >= _dayOfOrdinal.Length)
        {
            return -1;
        }

        long dueOrdinal;
        if (unit == ProcessingTimeUnit.WorkingDay)
        {
            // BLDS 2015 Art. 147(1): the day of receipt is not counted.
            dueOrdinal = (long)received + value;
        }
        else
        {
            var receivedDayNumber = _firstDayNumber + _dayOfOrdinal[received];
            long lastDayNumber;
            if (unit == ProcessingTimeUnit.CalendarDay)
            {
                lastDayNumber = receivedDayNumber + value;
            }
            else
            {
                var receivedDate = DateOnly.FromDayNumber((int)receivedDayNumber);
                if (receivedDate.Year + (value / 12) + 1 > 9999)
                {
                    return -1;
                }

                lastDayNumber = receivedDate.AddMonths(value).DayNumber;
            }

            // BLDS 2015 Art. 148(5): a last day that is not a working day moves to the next working day.
            var lastIndex = lastDayNumber - _firstDayNumber;
            if (lastIndex >= _dayCount)
            {
                return -1;
            }

            dueOrdinal = _ordinal[lastIndex];
        }

        return dueOrdinal < _dayOfOrdinal.Length
            ? EndOfDayLocal(_firstDayNumber + _dayOfOrdinal[dueOrdinal], options.DueTimeOfDay)
            : -1;
    }

    // The ordinal of the working day on which the dossier counts as received.
    private int ReceptionOrdinal(long local, DeadlineOptions options)
    {
        var dayIndex = DayIndex(local);
        var ordinal = _ordinal[dayIndex];
        if (ordinal == _ordinal[dayIndex + 1])
        {
            return ordinal;
        }

        var timeOfDay = local % TicksPerDay;
        var closed = timeOfDay >= PlanOf(_firstDayNumber + dayIndex).Close
            || (options.CutoffShiftsStart && timeOfDay > _cutoffTicks);
        return closed ? ordinal + 1 : ordinal;
    }

    // The instant from which working time is consumed, after the optional cut-off shift (ND 61/2018 Art. 18(2)).
    private long Start(long local, DeadlineOptions options)
    {
        if (options.CutoffShiftsStart && AfterCutoffOnWorkingDay(local))
        {
            var next = _ordinal[DayIndex(local) + 1];
            if (next >= _dayOfOrdinal.Length)
            {
                return -1;
            }

            var dayNumber = _firstDayNumber + _dayOfOrdinal[next];
            return dayNumber * TicksPerDay + PlanOf(dayNumber).Open;
        }

        return local;
    }

    private bool AfterCutoffOnWorkingDay(long local)
    {
        var dayIndex = DayIndex(local);
        return _ordinal[dayIndex + 1] != _ordinal[dayIndex] && local % TicksPerDay > _cutoffTicks;
    }

    private long AddWorkingTicks(long local, long amount)
    {
        if (local < 0)
        {
            return -1;
        }

        if (amount == 0)
        {
            return NextWorkingLocal(local);
        }

        var target = WorkedUntil(local) + amount;
        return target <= _cumulative[^1] ? LocalAtWorked(target) : -1;
    }

    // Working ticks in the calendar range before the local instant; constant outside working time.
    private long WorkedUntil(long local)
    {
        var dayNumber = local / TicksPerDay;
        var dayIndex = dayNumber - _firstDayNumber;
        var ordinal = _ordinal[dayIndex];
        if (_ordinal[dayIndex + 1] == ordinal)
        {
            return _cumulative[ordinal];
        }

        return _cumulative[ordinal] + PlanOf(dayNumber).WorkedBefore(local - dayNumber * TicksPerDay);
    }

    // The earliest instant at which exactly `worked` (> 0) working ticks have elapsed: a limit that fills a day ends at
    // its close rather than at the next opening.
    private long LocalAtWorked(long worked)
    {
        // cumulative[k] lies between k·min and k·max day lengths, so the search window is a day or two wide.
        var lo = (int)Math.Max(0, (worked + _maxDayTicks - 1) / _maxDayTicks - 1);
        var hi = (int)Math.Min(_dayOfOrdinal.Length - 1, (worked - 1) / _minDayTicks);
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_cumulative[mid + 1] >= worked)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var dayNumber = _firstDayNumber + _dayOfOrdinal[lo];
        return dayNumber * TicksPerDay + PlanOf(dayNumber).TimeAtWorked(worked - _cumulative[lo]);
    }

    private long NextWorkingLocal(long local)
    {
        var dayNumber = local / TicksPerDay;
        var dayIndex = dayNumber - _firstDayNumber;
        if (_ordinal[dayIndex + 1] != _ordinal[dayIndex])
        {
            var timeOfDay = PlanOf(dayNumber).NextWorkingTime(local - dayNumber * TicksPerDay);
            if (timeOfDay >= 0)
            {
                return dayNumber * TicksPerDay + timeOfDay;
            }
        }

        var next = _ordinal[dayIndex + 1];
        if (next >= _dayOfOrdinal.Length)
        {
            return -1;
        }

        var nextDayNumber = _firstDayNumber + _dayOfOrdinal[next];
        return nextDayNumber * TicksPerDay + PlanOf(nextDayNumber).Open;
    }

    private long EndOfDayLocal(long dayNumber, DueTimeOfDay dueTimeOfDay) =>
        dueTimeOfDay == DueTimeOfDay.EndOfDay
            ? (dayNumber + 1) * TicksPerDay
            : dayNumber * TicksPerDay + PlanOf(dayNumber).Close;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DayPlan PlanOf(long dayNumber)
    {
        // DayNumber 0 (0001-01-01) is a Monday; a working weekend day is a make-up working day.
        var dayOfWeek = (int)((dayNumber + 1) % 7);
        return _plans[dayOfWeek is 0 or 6 ? MakeUpPlan : dayOfWeek];
    }

    private int DayIndex(long local) => (int)(local / TicksPerDay - _firstDayNumber);

    private long LocalInRange(DateTime utc, string paramName)
    {
        var local = utc.Ticks + OffsetTicks;
        if (unchecked((ulong)(local / TicksPerDay - _firstDayNumber)) >= (ulong)_dayCount)
        {
            throw new ArgumentOutOfRangeException(paramName, utc,
                $"The working calendar covers {Calendar.FirstDate:yyyy-MM-dd}..{Calendar.LastDate:yyyy-MM-dd} only.");
        }

        return local;
    }

    private static DateTime ToUtcOrThrow(long local) => local >= 0
        ? new DateTime(local - OffsetTicks, DateTimeKind.Utc)
        : throw new ArgumentOutOfRangeException(nameof(local), "The result lies outside the working calendar.");

    private Result<DateTime> ToResult(long local) =>
        local >= 0 ? new DateTime(local - OffsetTicks, DateTimeKind.Utc) : OutOfRange();

    private Result<DateTime> OutOfRange() => new OutsideCalendarRangeError(Calendar.FirstDate, Calendar.LastDate);

    private static long ToTicks(decimal value, bool whole, long ticksPerUnit) =>
        whole ? (long)value * ticksPerUnit : (long)decimal.Round(value * ticksPerUnit);

    private static void RequireUtc(DateTime instant, string paramName) => VietnamTime.RequireUtc(instant, paramName);

    /// <summary>One day's sessions as ticks since local midnight, with the working ticks before each session.</summary>
    private sealed class DayPlan
    {
        private readonly long[] _start;
        private readonly long[] _end;
        private readonly long[] _before;

        public DayPlan(IReadOnlyList<WorkSession> sessions)
        {
            _start = new long[sessions.Count];
            _end = new long[sessions.Count];
            _before = new long[sessions.Count];
            for (var i = 0; i < sessions.Count; i++)
            {
                _start[i] = sessions[i].Start.Ticks;
                _end[i] = sessions[i].End.Ticks;
                _before[i] = Total;
                Total += _end[i] - _start[i];
            }

            Open = sessions.Count > 0 ? _start[0] : 0;
            Close = sessions.Count > 0 ? _end[^1] : 0;
        }

        public long Total { get; }

        public long Open { get; }

        public long Close { get; }

        public long WorkedBefore(long timeOfDay)
        {
            for (var i = 0; i < _start.Length; i++)
            {
                if (timeOfDay <= _start[i])
                {
                    return _before[i];
                }

                if (timeOfDay < _end[i])
                {
                    return _before[i] + timeOfDay - _start[i];
                }
            }

            return Total;
        }

        // 0 < worked <= Total.
        public long TimeAtWorked(long worked)
        {
            var i = 0;
            while (i < _start.Length - 1 && worked > _before[i] + _end[i] - _start[i])
            {
                i++;
            }

            return _start[i] + worked - _before[i];
        }

        // Time of day of the first working moment at or after timeOfDay, or -1 after the close.
        public long NextWorkingTime(long timeOfDay)
        {
            for (var i = 0; i < _start.Length; i++)
            {
                if (timeOfDay < _end[i])
                {
                    return Math.Max(timeOfDay, _start[i]);
                }
            }

            return -1;
        }
    }
}
