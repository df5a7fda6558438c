using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

/// <summary>A deliberately simple day-by-day and session-by-session reference for the O(1) implementation.</summary>
/// <remarks>Works in Vietnam wall-clock <see cref="DateTime"/> values and uses <see cref="DateTime.DayOfWeek"/>,
/// loops and <see cref="HashSet{T}"/> lookups only; it shares no code with the production calendar.</remarks>
internal sealed class NaiveReference
{
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _makeUpDays = [];
    private readonly WorkSchedule _schedule;

    public NaiveReference(IEnumerable<CalendarDay> days, WorkSchedule schedule)
    {
        foreach (var day in days)
        {
            if (IsWeekend(day.Date))
            {
                if (day.Kind == DayKind.MakeUpWorkday)
                {
                    _makeUpDays.Add(day.Date);
                }
            }
            else if (day.Kind is DayKind.Holiday or DayKind.CompensatoryOff or DayKind.SwapOff)
            {
                _daysOff.Add(day.Date);
            }
        }

        _schedule = schedule;
    }

    public bool IsWorking(DateOnly d) => IsWeekend(d) ? _makeUpDays.Contains(d) : !_daysOff.Contains(d);

    public DateOnly AddWorkingDays(DateOnly d, int n)
    {
        var step = Math.Sign(n);
        var left = Math.Abs(n);
        while (left > 0)
        {
            d = d.AddDays(step);
            if (IsWorking(d))
            {
                left--;
            }
        }

        return d;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var (lo, hi, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        for (var d = lo.AddDays(1); d <= hi; d = d.AddDays(1))
        {
            if (IsWorking(d))
            {
                count++;
            }
        }

        return sign * count;
    }

    public IReadOnlyList<(DateTime Start, DateTime End)> Sessions(DateOnly d)
    {
        if (!IsWorking(d))
        {
            return [];
        }

        var list = IsWeekend(d) ? _schedule.MakeUpWorkdaySessions : _schedule.SessionsOn(d.DayOfWeek);
        return [.. list.Select(s => (d.ToDateTime(s.Start), d.ToDateTime(s.End)))];
    }

    public DateTime Close(DateOnly d) => Sessions(d)[^1].End;

    public DateTime NextWorkingTime(DateTime local)
    {
        for (var d = DateOnly.FromDateTime(local); ; d = d.AddDays(1))
        {
            foreach (var (start, end) in Sessions(d))
            {
                if (local < end)
                {
                    return local > start ? local : start;
                }
            }
        }
    }

    public DateTime AddWorkingTime(DateTime local, TimeSpan amount)
    {
        if (amount == TimeSpan.Zero)
        {
            return NextWorkingTime(local);
        }

        for (var d = DateOnly.FromDateTime(local); ; d = d.AddDays(1))
        {
            foreach (var (start, end) in Sessions(d))
            {
                var from = local > start ? local : start;
                if (from >= end)
                {
                    continue;
                }

                if (amount <= end - from)
                {
                    return from + amount;
                }

                amount -= end - from;
            }
        }
    }

    public TimeSpan WorkingTimeBetween(DateTime from, DateTime to)
    {
        var (lo, hi, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var total = TimeSpan.Zero;
        for (var d = DateOnly.FromDateTime(lo); d <= DateOnly.FromDateTime(hi); d = d.AddDays(1))
        {
            foreach (var (start, end) in Sessions(d))
            {
                var a = lo > start ? lo : start;
                var b = hi < end ? hi : end;
                if (b > a)
                {
                    total += b - a;
                }
            }
        }

        return sign * total;
    }

    /// <summary>The rules of domain.md §5.3 as documented in Calendar/README.md, written the slow way.</summary>
    public DateTime ComputeDue(DateTime local, decimal value, ProcessingTimeUnit unit, DeadlinePolicy policy, DeadlineOptions options)
    {
        var date = DateOnly.FromDateTime(local);
        var afterCutoff = IsWorking(date) && local.TimeOfDay > _schedule.SameDayCutoff.ToTimeSpan();
        switch (unit)
        {
            case ProcessingTimeUnit.Immediate:
                return options.ImmediateAfterCutoffIsNextDay && afterCutoff
                    ? End(AddWorkingDays(date, 1), options)
                    : NextWorkingTime(local);
            case ProcessingTimeUnit.WorkingHour:
            case ProcessingTimeUnit.WorkingDay when policy == DeadlinePolicy.WorkingHours:
                var start = options.CutoffShiftsStart && afterCutoff ? Sessions(AddWorkingDays(date, 1))[0].Start : local;
                var hours = unit == ProcessingTimeUnit.WorkingHour ? TimeSpan.FromHours(1) : _schedule.WorkingDayLength;
                return AddWorkingTime(start, new TimeSpan((long)decimal.Round(value * hours.Ticks)));
            default:
                var received = date;
                if (!IsWorking(received) || local >= Close(received) || (options.CutoffShiftsStart && afterCutoff))
                {
                    received = AddWorkingDays(received, 1);
                }

                var n = (int)value;
                var last = unit switch
                {
                    ProcessingTimeUnit.WorkingDay => AddWorkingDays(received, n),
                    ProcessingTimeUnit.CalendarDay => received.AddDays(n),
                    _ => received.AddMonths(n),
                };
                while (!IsWorking(last))
                {
                    last = last.AddDays(1);
                }

                return End(last, options);
        }
    }

    private DateTime End(DateOnly d, DeadlineOptions options) =>
        options.DueTimeOfDay == DueTimeOfDay.EndOfDay ? d.AddDays(1).ToDateTime(TimeOnly.MinValue) : Close(d);

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
