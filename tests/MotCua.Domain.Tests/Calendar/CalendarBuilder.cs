using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

/// <summary>Builds working calendars from explicit <see cref="CalendarDay"/> lists, as the holiday generator will.</summary>
internal sealed class CalendarBuilder
{
    private readonly List<CalendarDay> _days = [];
    private int _firstYear = 2025;
    private int _lastYear = 2027;

    public static CalendarBuilder ACalendar() => new();

    /// <summary>domain.md Appendix B.2: Mon–Fri, 2026 statutory days, Tết 14–22/02/2026 off, 27/04/2026 compensatory.</summary>
    public static CalendarBuilder B2() => ACalendar()
        .Holiday(2026, 1, 1, "Tết Dương lịch")
        .HolidayRange(new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 22), "Tết Nguyên Đán")
        .Holiday(2026, 4, 26, "Giỗ Tổ Hùng Vương")
        .Day(2026, 4, 27, DayKind.CompensatoryOff, "Nghỉ bù Giỗ Tổ Hùng Vương")
        .Holiday(2026, 4, 30, "Ngày Chiến thắng")
        .Holiday(2026, 5, 1, "Ngày Quốc tế lao động")
        .Holiday(2026, 9, 2, "Quốc khánh");

    public static WorkingCalendar B2Calendar() => B2().Build();

    public CalendarBuilder Years(int firstYear, int lastYear)
    {
        _firstYear = firstYear;
        _lastYear = lastYear;
        return this;
    }

    public CalendarBuilder Holiday(int year, int month, int day, string name) => Day(year, month, day, DayKind.Holiday, name);

    public CalendarBuilder HolidayRange(DateOnly from, DateOnly to, string name)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            _days.Add(new CalendarDay(d, DayKind.Holiday, name));
        }

        return this;
    }

    public CalendarBuilder Day(int year, int month, int day, DayKind kind, string name)
    {
        _days.Add(new CalendarDay(new DateOnly(year, month, day), kind, name));
        return this;
    }

    public IReadOnlyList<CalendarDay> Days => _days;

    public WorkingCalendar Build() => new(_firstYear, _lastYear, _days);
}
