namespace MotCua.Domain.Calendar;

/// <summary>
/// The effective holiday data over many years: the official schedule where one is loaded, otherwise the statutory
/// defaults of <see cref="StatutoryHolidays"/>.
/// </summary>
/// <remarks>Immutable. Its output is the list of <see cref="CalendarDay"/> that the working-day calendar consumes.</remarks>
public sealed class HolidayCalendar
{
    private readonly Dictionary<int, HolidaySchedule> _official;
    private readonly IReadOnlyCollection<AdditionalHoliday> _additionalHolidays;

    /// <summary>Creates the calendar from official schedules (at most one per year) and optional added holidays.</summary>
    /// <param name="officialSchedules">Valid schedules, e.g. from <see cref="HolidayScheduleJson.Deserialize"/>.</param>
    /// <param name="additionalHolidays">Holidays added by later amendments, used only for generated years.</param>
    /// <exception cref="ArgumentException">Two schedules for one year, or an invalid schedule.</exception>
    public HolidayCalendar(IEnumerable<HolidaySchedule> officialSchedules, IReadOnlyCollection<AdditionalHoliday>? additionalHolidays = null)
    {
        ArgumentNullException.ThrowIfNull(officialSchedules);
        _official = [];
        foreach (var schedule in officialSchedules)
        {
            var errors = schedule.Validate();
            if (errors.Count > 0)
            {
                throw new ArgumentException($"Invalid holiday schedule {schedule.Year}: {errors[0].Code}.", nameof(officialSchedules));
            }

            if (!_official.TryAdd(schedule.Year, schedule))
            {
                throw new ArgumentException($"Two holiday schedules for {schedule.Year}.", nameof(officialSchedules));
            }
        }

        _additionalHolidays = [.. additionalHolidays ?? []];
    }

    /// <summary>The official schedule of a year, or null when the year uses the statutory defaults.</summary>
    public HolidaySchedule? OfficialSchedule(int year) => _official.GetValueOrDefault(year);

    /// <summary>The effective non-default days dated in one year, sorted by date (see <see cref="Days"/>).</summary>
    public IReadOnlyList<CalendarDay> DaysFor(int year) => Days(year, year);

    /// <summary>The effective non-default days dated in <paramref name="firstYear"/>..<paramref name="lastYear"/>, sorted by date.</summary>
    /// <remarks>
    /// Includes swap and make-up days that an adjacent year's official schedule places in the range (swaps across
    /// New Year). Where an official day and a generated day share a date, the official one wins.
    /// </remarks>
    public IReadOnlyList<CalendarDay> Days(int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstYear, lastYear);
        var byDate = new SortedDictionary<DateOnly, CalendarDay>();
        for (var year = firstYear - 1; year <= lastYear + 1; year++)
        {
            if (_official.TryGetValue(year, out var schedule))
            {
                foreach (var day in schedule.Days.Where(d => d.Date.Year >= firstYear && d.Date.Year <= lastYear))
                {
                    byDate[day.Date] = day;
                }
            }
        }

        for (var year = firstYear; year <= lastYear; year++)
        {
            if (!_official.ContainsKey(year))
            {
                foreach (var day in StatutoryHolidays.Generate(year, _additionalHolidays))
                {
                    byDate.TryAdd(day.Date, day);
                }
            }
        }

        return [.. byDate.Values];
    }

    /// <summary>
    /// Days in <paramref name="from"/>..<paramref name="to"/> that break the Monday–Friday rule: each weekday that is
    /// not a working day and each weekend day that is one, sorted by date.
    /// </summary>
    /// <param name="from">First date, inclusive.</param>
    /// <param name="to">Last date, inclusive.</param>
    /// <param name="includeWeekendHolidays">Also list holidays that fall on a weekend (they change no working day).</param>
    public IReadOnlyList<CalendarDay> Deviations(DateOnly from, DateOnly to, bool includeWeekendHolidays = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        return [.. Days(from.Year, to.Year).Where(d => d.Date >= from && d.Date <= to && IsDeviation(d, includeWeekendHolidays))];
    }

    private static bool IsDeviation(CalendarDay day, bool includeWeekendHolidays)
    {
        var weekend = StatutoryHolidays.IsWeekend(day.Date);
        return weekend == day.IsWorking || (includeWeekendHolidays && weekend && day.Kind == DayKind.Holiday);
    }
}
