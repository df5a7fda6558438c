using FsCheck;
using FsCheck.Fluent;
using MotCua.Domain.Calendar;
using static MotCua.Domain.Tests.Calendar.CalendarBuilder;

namespace MotCua.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar B2 = B2Calendar();

    [Theory]
    [InlineData("2026-01-01", false)] // Tết Dương lịch, Thursday
    [InlineData("2026-01-02", true)]
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", false)] // Tết on a Saturday
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-20", false)]
    [InlineData("2026-02-23", true)]
    [InlineData("2026-03-07", false)] // ordinary Saturday
    [InlineData("2026-04-27", false)] // compensatory day for Giỗ Tổ on Sunday 26/04
    [InlineData("2026-04-28", true)]
    [InlineData("2026-04-30", false)]
    [InlineData("2026-05-01", false)]
    [InlineData("2026-05-04", true)]
    [InlineData("2026-09-01", true)]
    [InlineData("2026-09-02", false)]
    public void IsWorkingDay_B2Calendar_MatchesTable(string date, bool expected) =>
        Assert.Equal(expected, B2.IsWorkingDay(Vn.Date(date)));

    [Theory]
    [InlineData("2026-04-24", DayKind.Working)]
    [InlineData("2026-04-25", DayKind.Weekend)]
    [InlineData("2026-04-26", DayKind.Holiday)]
    [InlineData("2026-04-27", DayKind.CompensatoryOff)]
    [InlineData("2026-02-17", DayKind.Holiday)]
    public void KindOf_B2Calendar_ReturnsDeviationOrDefault(string date, DayKind expected) =>
        Assert.Equal(expected, B2.KindOf(Vn.Date(date)));

    [Fact]
    public void Describe_Deviation_ReturnsTheGivenCalendarDay()
    {
        var day = B2.Describe(new DateOnly(2026, 4, 27));

        Assert.Equal(new CalendarDay(new DateOnly(2026, 4, 27), DayKind.CompensatoryOff, "Nghỉ bù Giỗ Tổ Hùng Vương"), day);
        Assert.False(day.IsWorking);
    }

    [Theory]
    [InlineData("2026-02-12", "2026-02-13")]
    [InlineData("2026-02-13", "2026-02-23")]
    [InlineData("2026-04-24", "2026-04-28")]
    [InlineData("2026-04-29", "2026-05-04")]
    [InlineData("2025-12-31", "2026-01-02")]
    public void NextWorkingDay_B2Calendar_SkipsDaysOff(string date, string expected) =>
        Assert.Equal(Vn.Date(expected), B2.NextWorkingDay(Vn.Date(date)));

    [Theory]
    [InlineData("2026-02-23", "2026-02-13")]
    [InlineData("2026-04-28", "2026-04-24")]
    [InlineData("2026-01-02", "2025-12-31")]
    [InlineData("2026-05-04", "2026-04-29")]
    public void PreviousWorkingDay_B2Calendar_SkipsDaysOff(string date, string expected) =>
        Assert.Equal(Vn.Date(expected), B2.PreviousWorkingDay(Vn.Date(date)));

    [Theory]
    [InlineData("2026-02-14", "2026-02-23", "2026-02-13")]
    [InlineData("2026-02-13", "2026-02-13", "2026-02-13")]
    [InlineData("2026-04-27", "2026-04-28", "2026-04-24")]
    public void WorkingDayOnOrAfterAndBefore_B2Calendar_KeepWorkingDaysAndMoveOthers(string date, string after, string before)
    {
        Assert.Equal(Vn.Date(after), B2.WorkingDayOnOrAfter(Vn.Date(date)));
        Assert.Equal(Vn.Date(before), B2.WorkingDayOnOrBefore(Vn.Date(date)));
    }

    [Theory]
    [InlineData("2026-02-09", 3, "2026-02-12")] // B.2 row 1
    [InlineData("2026-02-12", 5, "2026-02-26")] // B.2 row 2
    [InlineData("2026-04-24", 2, "2026-04-29")] // B.2 row 3
    [InlineData("2026-02-14", 1, "2026-02-23")]
    [InlineData("2026-02-26", -5, "2026-02-12")]
    [InlineData("2026-02-22", -1, "2026-02-13")]
    [InlineData("2026-04-29", -2, "2026-04-24")]
    [InlineData("2026-03-10", 0, "2026-03-10")]
    [InlineData("2026-02-15", 0, "2026-02-15")]
    public void AddWorkingDays_B2Calendar_DoesNotCountTheStartDay(string date, int days, string expected) =>
        Assert.Equal(Vn.Date(expected), B2.AddWorkingDays(Vn.Date(date), days));

    [Theory]
    [InlineData("2026-02-09", "2026-02-12", 3)]
    [InlineData("2026-02-12", "2026-02-26", 5)]
    [InlineData("2026-02-26", "2026-02-12", -5)]
    [InlineData("2026-02-13", "2026-02-22", 0)]
    [InlineData("2026-04-24", "2026-04-29", 2)]
    [InlineData("2026-03-10", "2026-03-10", 0)]
    [InlineData("2026-01-01", "2026-12-31", 251)] // 261 weekdays minus 10 weekday holidays
    public void WorkingDaysBetween_B2Calendar_CountsHalfOpenInterval(string from, string to, int expected) =>
        Assert.Equal(expected, B2.WorkingDaysBetween(Vn.Date(from), Vn.Date(to)));

    [Fact]
    public void Queries_OutsideRange_ThrowArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.IsWorkingDay(new DateOnly(2024, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.KindOf(new DateOnly(2028, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.NextWorkingDay(new DateOnly(2027, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.PreviousWorkingDay(new DateOnly(2025, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.AddWorkingDays(new DateOnly(2027, 12, 1), 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.AddWorkingDays(new DateOnly(2025, 1, 10), -100));
    }

    [Fact]
    public void Constructor_InvalidYears_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingCalendar(2027, 2026, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkingCalendar(0, 2026, []));
    }

    [Fact]
    public void Constructor_MakeUpSaturdayAndSwapOff_MoveTheWorkingDay()
    {
        var calendar = ACalendar()
            .Day(2026, 1, 2, DayKind.SwapOff, "Nghỉ hoán đổi")
            .Day(2026, 1, 10, DayKind.MakeUpWorkday, "Làm bù")
            .Build();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.Equal(DayKind.MakeUpWorkday, calendar.KindOf(new DateOnly(2026, 1, 10)));
        Assert.Equal(new DateOnly(2026, 1, 10), calendar.AddWorkingDays(new DateOnly(2026, 1, 8), 2));
        Assert.Equal(2, calendar.WorkingDaysBetween(new DateOnly(2026, 1, 9), new DateOnly(2026, 1, 12)));
    }

    [Fact]
    public void Constructor_ConflictingDeviations_StatusChangeWins()
    {
        var calendar = ACalendar()
            .Day(2026, 3, 10, DayKind.MakeUpWorkday, "vô nghĩa trên ngày thường")
            .Day(2026, 3, 10, DayKind.Holiday, "Nghỉ")
            .Day(2026, 3, 14, DayKind.Holiday, "chú thích")
            .Day(2026, 3, 14, DayKind.MakeUpWorkday, "Làm bù")
            .Day(2030, 1, 2, DayKind.Holiday, "ngoài phạm vi")
            .Build();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 10)));
        Assert.Equal(DayKind.Holiday, calendar.KindOf(new DateOnly(2026, 3, 10)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 14)));
        Assert.Equal(DayKind.MakeUpWorkday, calendar.KindOf(new DateOnly(2026, 3, 14)));
        Assert.Equal([new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 14)], calendar.Deviations.Select(d => d.Date));
    }

    [Fact]
    public void Queries_RandomCalendars_EqualNaiveDayByDayReference()
    {
        var gen =
            from deviations in DeviationsGen()
            from offset in Gen.Choose(0, 729)
            from other in Gen.Choose(0, 729)
            from n in Gen.Choose(-60, 60)
            select (deviations, offset, other, n);

        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (deviations, offset, other, n) = input;
            var calendar = new WorkingCalendar(2025, 2028, deviations);
            var naive = new NaiveReference(deviations, WorkSchedule.Default);
            var date = new DateOnly(2026, 1, 1).AddDays(offset);
            var otherDate = new DateOnly(2026, 1, 1).AddDays(other);
            return calendar.IsWorkingDay(date) == naive.IsWorking(date)
                && calendar.AddWorkingDays(date, n) == naive.AddWorkingDays(date, n)
                && calendar.WorkingDaysBetween(date, otherDate) == naive.WorkingDaysBetween(date, otherDate)
                && calendar.NextWorkingDay(date) == naive.AddWorkingDays(date, 1)
                && calendar.PreviousWorkingDay(date) == naive.AddWorkingDays(date, -1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AddWorkingDays_ThenWorkingDaysBetween_IsTheInverse()
    {
        var gen =
            from deviations in DeviationsGen()
            from offset in Gen.Choose(0, 729)
            from n in Gen.Choose(-60, 60)
            select (deviations, offset, n);

        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (deviations, offset, n) = input;
            var calendar = new WorkingCalendar(2025, 2028, deviations);
            var date = new DateOnly(2026, 1, 1).AddDays(offset);
            var moved = calendar.AddWorkingDays(date, n);
            var startsOnWorkingDay = calendar.IsWorkingDay(date);

            // Backward moves are only invertible from a working day (see WorkingDaysBetween remarks).
            var forward = n < 0 && !startsOnWorkingDay || calendar.WorkingDaysBetween(date, moved) == n;
            var backToTarget = n == 0 || !calendar.IsWorkingDay(moved) || (n < 0 && !startsOnWorkingDay)
                || calendar.AddWorkingDays(date, calendar.WorkingDaysBetween(date, moved)) == moved;
            return forward && backToTarget && calendar.IsWorkingDay(moved) == (n != 0 || startsOnWorkingDay);
        }).QuickCheckThrowOnFailure();
    }

    internal static Gen<CalendarDay[]> DeviationsGen() =>
        (from offset in Gen.Choose(0, 729)
         from kind in Gen.Elements(DayKind.Holiday, DayKind.CompensatoryOff, DayKind.SwapOff, DayKind.MakeUpWorkday)
         select new CalendarDay(new DateOnly(2026, 1, 1).AddDays(offset), kind, "ngẫu nhiên"))
        .ArrayOf();
}
