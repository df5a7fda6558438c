namespace MotCua.Domain.Calendar;

/// <summary>
/// Default holiday calendar of a year computed from the Labour Code 2019, used when no official yearly schedule
/// (Prime Minister's decision and Ministry notice) has been loaded for that year.
/// </summary>
/// <remarks>
/// Art. 112(1): 1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5; 2/9 plus one adjacent day.
/// Art. 112(3) leaves the exact Tết days and the 2/9 adjacent day to the Prime Minister; the defaults below follow
/// recent decisions. Art. 111(3): a holiday on a weekly rest day (Saturday or Sunday for civil servants) gives the
/// next working day off. Swaps (hoán đổi) and make-up Saturdays are never generated: they exist only in official data.
/// </remarks>
public static class StatutoryHolidays
{
    /// <summary>First year that can be generated (the lunar table's range).</summary>
    public const int MinYear = VietnameseLunarCalendar.MinLunarYear;

    /// <summary>Last year that can be generated.</summary>
    public const int MaxYear = VietnameseLunarCalendar.MaxLunarYear;

    /// <summary>The statutory holidays of <paramref name="year"/> and their compensatory days off.</summary>
    /// <returns>
    /// Sorted by date: every holiday as <see cref="DayKind.Holiday"/> (including those on a weekend) and every
    /// compensatory day as <see cref="DayKind.CompensatoryOff"/>.
    /// </returns>
    public static IReadOnlyList<CalendarDay> Generate(int year) => Generate(year, []);

    /// <summary>As <see cref="Generate(int)"/>, plus fixed-date holidays added by later amendments.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>..<see cref="MaxYear"/>.</exception>
    public static IReadOnlyList<CalendarDay> Generate(int year, IReadOnlyCollection<AdditionalHoliday> additionalHolidays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentNullException.ThrowIfNull(additionalHolidays);

        var holidays = new SortedDictionary<DateOnly, string>();
        void Add(DateOnly date, string description) => holidays.TryAdd(date, description);

        // Art. 112(1)(a)
        Add(new DateOnly(year, 1, 1), "Tết Dương lịch");

        // Art. 112(1)(b), days chosen by the Prime Minister each year; see TetDaysBefore.
        var tet = VietnameseLunarCalendar.ToSolar(new LunarDate(year, 1, 1, false));
        var before = TetDaysBefore(tet);
        for (var offset = -before; offset < 5 - before; offset++)
        {
            Add(tet.AddDays(offset), "Tết Âm lịch");
        }

        // Art. 112(1)(c) and (d)
        Add(new DateOnly(year, 4, 30), "Ngày Chiến thắng");
        Add(new DateOnly(year, 5, 1), "Ngày Quốc tế lao động");

        // Art. 112(1)(đ): 2/9 and one adjacent day, see NationalDayAdjacentDay.
        var nationalDay = new DateOnly(year, 9, 2);
        Add(nationalDay, "Quốc khánh");
        Add(NationalDayAdjacentDay(nationalDay), "Quốc khánh (ngày liền kề)");

        // Art. 112(1)(e): the regular month 3, never the leap month 3 (e.g. 2031).
        Add(VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10, false)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");

        foreach (var extra in additionalHolidays)
        {
            if (extra.DateIn(year) is { } date)
            {
                Add(date, extra.Description);
            }
        }

        var result = holidays.Select(h => new CalendarDay(h.Key, DayKind.Holiday, h.Value)).ToList();

        // Art. 111(3): each weekend holiday gives the next day that is neither a weekend nor a holiday nor already a
        // compensatory day, so a run of holidays pushes its compensation after the run.
        var taken = new HashSet<DateOnly>(holidays.Keys);
        foreach (var (date, description) in holidays)
        {
            if (!IsWeekend(date))
            {
                continue;
            }

            var compensation = date.AddDays(1);
            while (IsWeekend(compensation) || taken.Contains(compensation))
            {
                compensation = compensation.AddDays(1);
            }

            taken.Add(compensation);
            result.Add(new CalendarDay(compensation, DayKind.CompensatoryOff, $"Nghỉ bù {description} ({date:dd/MM})"));
        }

        return [.. result.OrderBy(d => d.Date)];
    }

    /// <summary>
    /// How many of the 5 Tết days fall before lunar 1/1 by default: 1 when 1/1 is a Tuesday (the 5 days are then
    /// Monday–Friday), otherwise 2, with the other days from 1/1 on.
    /// </summary>
    /// <remarks>
    /// Checked: 2025 (1/1 Wed) 27–31/01, 28 tháng Chạp – mùng 3 (Công văn 8726/VPCP-KGVX, reported by SGGP and
    /// VnExpress); 2026 (Tue) 16–20/02, 29 tháng Chạp – mùng 4 (Thông báo 9441/TB-BNV); 2024 (Sat) break 08–14/02 of 5 Tết
    /// days (2 before Tết, 3 after) and 2 compensatory days (Thông báo 5015/TB-LĐTBXH); 2020 (Sat) break 23–29/01, 29 tháng
    /// Chạp – mùng 5 (provincial portal report). Recalled, not checked: 2021 (Fri) 10–16/02, 2022 (Tue) 31/01–04/02,
    /// 2023 (Sun) 20–26/01, all matching this rule.
    /// </remarks>
    public static int TetDaysBefore(DateOnly lunarNewYear) => lunarNewYear.DayOfWeek == DayOfWeek.Tuesday ? 1 : 2;

    /// <summary>
    /// The day added to 2/9 by default: the neighbour that joins the break to a weekend (Mon → Tue 3/9, Tue → Mon 1/9,
    /// Thu → Fri 3/9, Fri → Thu 1/9), the weekday neighbour when 2/9 is on a weekend (Sat → Fri 1/9, Sun → Mon 3/9),
    /// and for a Wednesday the day before, Tue 1/9, as decided for 2026.
    /// </summary>
    /// <remarks>
    /// Checked against decisions under the 2019 Code: 2024 Mon → Tue 3/9 (Bộ LĐTBXH notice, break 31/8–3/9); 2025
    /// Tue → Mon 1/9 (break 30/8–2/9); 2026 Wed → Tue 1/9 with Mon 31/8 swapped (Thông báo 9441/TB-BNV). Recalled,
    /// not checked: 2021 Thu → Fri 3/9; 2022 Fri → Thu 1/9; 2023 Sat → Fri 1/9. The open-source python-holidays
    /// package encodes the same weekday table for Vietnam.
    /// </remarks>
    public static DateOnly NationalDayAdjacentDay(DateOnly nationalDay) => nationalDay.DayOfWeek switch
    {
        DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Friday or DayOfWeek.Saturday => nationalDay.AddDays(-1),
        _ => nationalDay.AddDays(1),
    };

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
