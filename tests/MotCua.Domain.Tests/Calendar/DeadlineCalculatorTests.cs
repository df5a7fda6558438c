using System.Globalization;
using MotCua.Domain.Calendar;
using static MotCua.Domain.Calendar.DeadlinePolicy;
using static MotCua.Domain.Calendar.ProcessingTimeUnit;

namespace MotCua.Domain.Tests.Calendar;

public class DeadlineCalculatorTests
{
    private static readonly DeadlineCalculator B2 = new(CalendarBuilder.B2Calendar(), WorkSchedule.Default);

    private static readonly DeadlineOptions CutoffShift = new() { CutoffShiftsStart = true };

    private static string Due(DeadlineCalculator calculator, string received, string value, ProcessingTimeUnit unit,
        DeadlinePolicy policy, DeadlineOptions? options = null)
    {
        var result = calculator.ComputeDue(Vn.Utc(received), decimal.Parse(value, CultureInfo.InvariantCulture), unit, policy, options);
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.Message : null);
        Assert.Equal(DateTimeKind.Utc, result.Value.Kind);
        return Vn.Format(result.Value);
    }

    [Theory]
    [InlineData("2026-02-09 10:00", "3", WorkingDay, "2026-02-12 17:00")] // Tue (1), Wed (2), Thu (3)
    [InlineData("2026-02-12 10:00", "5", WorkingDay, "2026-02-26 17:00")] // Fri 13 (1); 14–22 off; Mon 23 (2) … Thu 26 (5)
    [InlineData("2026-04-24 16:00", "2", WorkingDay, "2026-04-29 17:00")] // Mon 27 compensatory off; Tue 28 (1), Wed 29 (2)
    [InlineData("2026-03-10 15:20", "0", Immediate, "2026-03-11 17:00")] // same-day procedure after 15:00 (D12)
    public void ComputeDue_AppendixB2CalendarDayEnd_MatchesDomainSpec(string received, string value, ProcessingTimeUnit unit, string expected) =>
        Assert.Equal(expected, Due(B2, received, value, unit, CalendarDayEnd));

    [Fact]
    public void ComputeDue_AppendixB2WorkingHours_ConsumesEightHoursFromReceipt() =>
        Assert.Equal("2026-03-11 15:30", Due(B2, "2026-03-10 15:30", "1", WorkingDay, WorkingHours));

    [Fact]
    public void ComputeDue_AppendixB2WorkingHoursWithCutoffShift_StartsNextMorning() =>
        Assert.Equal("2026-03-11 17:00", Due(B2, "2026-03-10 15:30", "1", WorkingDay, WorkingHours, CutoffShift));

    [Theory]
    [InlineData("2026-02-13 09:00", "1", WorkingDay, "2026-02-23 17:00")] // last day before Tết
    [InlineData("2026-02-14 10:00", "1", WorkingDay, "2026-02-24 17:00")] // online during Tết: received Mon 23
    [InlineData("2026-02-12 16:00", "1", WorkingDay, "2026-02-13 17:00")] // after 15:00 but cut-off shift off
    [InlineData("2026-03-10 18:00", "1", WorkingDay, "2026-03-12 17:00")] // after closing: received Wed 11
    [InlineData("2026-03-10 17:00", "1", WorkingDay, "2026-03-12 17:00")] // sessions are half-open
    [InlineData("2026-03-10 16:59", "1", WorkingDay, "2026-03-11 17:00")]
    [InlineData("2026-03-10 06:00", "1", WorkingDay, "2026-03-11 17:00")] // before opening: same day
    [InlineData("2026-03-10 12:00", "1", WorkingDay, "2026-03-11 17:00")] // lunch break: same day
    [InlineData("2026-03-10 10:00", "0", WorkingDay, "2026-03-10 17:00")]
    [InlineData("2025-12-31 10:00", "1", WorkingDay, "2026-01-02 17:00")] // New Year
    [InlineData("2026-02-09 10:00", "5", ProcessingTimeUnit.CalendarDay, "2026-02-23 17:00")] // ends Sat 14 (Tết) → Mon 23
    [InlineData("2026-03-11 10:00", "10", ProcessingTimeUnit.CalendarDay, "2026-03-23 17:00")] // ends Sat 21 → Mon 23
    [InlineData("2026-03-10 10:00", "3", ProcessingTimeUnit.CalendarDay, "2026-03-13 17:00")]
    [InlineData("2026-03-07 10:00", "3", ProcessingTimeUnit.CalendarDay, "2026-03-12 17:00")] // Saturday receipt counts from Mon 9
    [InlineData("2026-01-30 10:00", "1", Month, "2026-03-02 17:00")] // 28/02 (clamped, Saturday) → Mon 02/03
    [InlineData("2026-03-31 10:00", "1", Month, "2026-05-04 17:00")] // 30/04, 01/05 holidays, weekend → Mon 04/05
    [InlineData("2026-01-12 10:00", "1", Month, "2026-02-12 17:00")]
    [InlineData("2025-12-31 10:00", "2", Month, "2026-03-02 17:00")] // 28/02 Saturday → Mon 02/03
    [InlineData("2026-01-15 10:00", "12", Month, "2027-01-15 17:00")]
    [InlineData("2026-03-10 10:00", "4", WorkingHour, "2026-03-10 15:30")] // 1.5 h morning + 2.5 h afternoon
    [InlineData("2026-02-13 16:00", "2", WorkingHour, "2026-02-23 08:30")] // 1 h before Tết, 1 h after
    [InlineData("2026-03-10 11:00", "1.5", WorkingHour, "2026-03-10 14:00")]
    [InlineData("2026-03-10 11:30", "4", WorkingHour, "2026-03-10 17:00")] // fills the afternoon exactly
    [InlineData("2026-03-07 09:00", "1", WorkingHour, "2026-03-09 08:30")] // Saturday: from Mon 07:30
    public void ComputeDue_CalendarDayEnd_FollowsCivilCodeRules(string received, string value, ProcessingTimeUnit unit, string expected) =>
        Assert.Equal(expected, Due(B2, received, value, unit, CalendarDayEnd));

    [Theory]
    [InlineData("2026-02-12 16:00", "1", WorkingDay, "2026-02-23 17:00")] // after 15:00: received Fri 13
    [InlineData("2026-02-12 15:00", "1", WorkingDay, "2026-02-13 17:00")] // at 15:00 is not after it
    [InlineData("2026-03-10 15:01", "2", ProcessingTimeUnit.CalendarDay, "2026-03-13 17:00")] // received Wed 11 + 2 days
    [InlineData("2026-03-10 15:30", "2", WorkingHour, "2026-03-11 09:30")] // starts Wed 07:30
    public void ComputeDue_CalendarDayEndWithCutoffShift_CountsFromNextWorkingDay(string received, string value, ProcessingTimeUnit unit, string expected) =>
        Assert.Equal(expected, Due(B2, received, value, unit, CalendarDayEnd, CutoffShift));

    [Theory]
    [InlineData("2026-03-10 09:00", "0.5", WorkingDay, "2026-03-10 14:30")]
    [InlineData("2026-02-12 10:00", "3", WorkingDay, "2026-02-24 10:00")] // Thu 5.5 h, Fri 8 h, Mon 8 h, Tue 2.5 h
    [InlineData("2026-03-07 10:00", "1", WorkingDay, "2026-03-09 17:00")] // Saturday: from Mon 07:30
    [InlineData("2026-03-10 07:30", "1", WorkingDay, "2026-03-10 17:00")] // a full day ends at its close
    [InlineData("2026-03-10 17:30", "1", WorkingDay, "2026-03-11 17:00")]
    [InlineData("2026-03-10 12:15", "0", WorkingDay, "2026-03-10 13:00")] // zero limit: next working time
    [InlineData("2026-03-10 10:00", "2", ProcessingTimeUnit.CalendarDay, "2026-03-12 17:00")] // calendar units keep the civil-code rule
    [InlineData("2026-04-24 16:00", "2", WorkingDay, "2026-04-29 16:00")] // Fri 1 h; Mon 27 off; Tue 8 h; Wed 7 h
    public void ComputeDue_WorkingHours_ConsumesWorkingTime(string received, string value, ProcessingTimeUnit unit, string expected) =>
        Assert.Equal(expected, Due(B2, received, value, unit, WorkingHours));

    [Theory]
    [InlineData("2026-03-10 10:00", "2026-03-10 10:00")] // within hours: at once
    [InlineData("2026-03-10 15:00", "2026-03-10 15:00")] // at the cut-off is not after it
    [InlineData("2026-03-10 15:01", "2026-03-11 17:00")] // D12
    [InlineData("2026-03-10 18:00", "2026-03-11 17:00")] // after closing is also after the cut-off
    [InlineData("2026-03-10 06:00", "2026-03-10 07:30")] // before opening: when the desk opens
    [InlineData("2026-03-14 10:00", "2026-03-16 07:30")] // Saturday: Monday's opening
    [InlineData("2026-02-13 15:30", "2026-02-23 17:00")] // after the cut-off before Tết
    public void ComputeDue_Immediate_AppliesSameDayCutoff(string received, string expected)
    {
        Assert.Equal(expected, Due(B2, received, "0", Immediate, CalendarDayEnd));
        Assert.Equal(expected, Due(B2, received, "7", Immediate, WorkingHours));
    }

    [Fact]
    public void ComputeDue_ImmediateWithCutoffDisabled_IsDueAtReceipt() =>
        Assert.Equal("2026-03-10 15:20",
            Due(B2, "2026-03-10 15:20", "0", Immediate, CalendarDayEnd, new DeadlineOptions { ImmediateAfterCutoffIsNextDay = false }));

    [Theory]
    [InlineData("2026-02-09 10:00", "3", WorkingDay, "2026-02-13 00:00")]
    [InlineData("2026-02-09 10:00", "5", ProcessingTimeUnit.CalendarDay, "2026-02-24 00:00")]
    [InlineData("2026-03-10 15:20", "0", Immediate, "2026-03-12 00:00")]
    public void ComputeDue_EndOfDayOption_EndsAtMidnight(string received, string value, ProcessingTimeUnit unit, string expected) =>
        Assert.Equal(expected, Due(B2, received, value, unit, CalendarDayEnd, new DeadlineOptions { DueTimeOfDay = DueTimeOfDay.EndOfDay }));

    [Fact]
    public void ComputeDue_CliExample_IsDueOn26FebruaryAt17()
    {
        var received = DateTimeOffset.Parse("2026-02-12T10:00:00+07:00", CultureInfo.InvariantCulture).UtcDateTime;

        var due = B2.ComputeDue(new DeadlineRequest(received, 5, WorkingDay, CalendarDayEnd));

        Assert.Equal(DateTimeOffset.Parse("2026-02-26T17:00:00+07:00", CultureInfo.InvariantCulture), VietnamTime.ToOffset(due.Value));
    }

    [Theory]
    [InlineData("2026-01-08 10:00", "2", WorkingDay, CalendarDayEnd, "2026-01-10 17:00")] // Fri 9 (1), make-up Sat 10 (2)
    [InlineData("2025-12-31 10:00", "1", WorkingDay, CalendarDayEnd, "2026-01-05 17:00")] // 1/1 holiday, 2/1 swapped off
    [InlineData("2026-01-09 13:00", "1", WorkingDay, WorkingHours, "2026-01-10 11:30")] // 4 h Fri + 4 h Sat morning
    [InlineData("2026-01-03 10:00", "3", ProcessingTimeUnit.CalendarDay, CalendarDayEnd, "2026-01-08 17:00")] // ordinary Saturday → Mon 5
    public void ComputeDue_MakeUpSaturday_UsesWeekdaySessions(string received, string value, ProcessingTimeUnit unit,
        DeadlinePolicy policy, string expected) =>
        Assert.Equal(expected, Due(MakeUpCalculator(WorkSchedule.Default), received, value, unit, policy));

    [Theory]
    [InlineData("2026-01-08 10:00", "2", WorkingDay, CalendarDayEnd, "2026-01-10 11:30")] // closes after the morning
    [InlineData("2026-01-09 13:00", "1.25", WorkingDay, WorkingHours, "2026-01-12 09:30")] // 4 h Fri, 4 h Sat, 2 h Mon
    public void ComputeDue_MakeUpSaturdayWithMorningOnly_UsesConfiguredSessions(string received, string value,
        ProcessingTimeUnit unit, DeadlinePolicy policy, string expected)
    {
        var schedule = WorkSchedule.Create(
            Weekdays().ToDictionary(d => d, _ => WorkSchedule.DefaultSessions),
            [new WorkSession(new TimeOnly(7, 30), new TimeOnly(11, 30))]).Value;

        Assert.Equal(expected, Due(MakeUpCalculator(schedule), received, value, unit, policy));
    }

    [Fact]
    public void ComputeDue_ConfiguredCutoff_IsUsed()
    {
        var schedule = WorkSchedule.Uniform(WorkSchedule.DefaultSessions, sameDayCutoff: new TimeOnly(16, 0)).Value;
        var calculator = new DeadlineCalculator(CalendarBuilder.B2Calendar(), schedule);

        Assert.Equal("2026-03-10 15:30", Due(calculator, "2026-03-10 15:30", "0", Immediate, CalendarDayEnd));
        Assert.Equal("2026-03-11 17:00", Due(calculator, "2026-03-10 16:30", "0", Immediate, CalendarDayEnd));
    }

    [Fact]
    public void ComputeDue_NegativeLimit_ReturnsNegativeLimitError()
    {
        var result = B2.ComputeDue(Vn.Utc("2026-03-10 10:00"), -1, WorkingDay, CalendarDayEnd);

        Assert.Equal(new NegativeLimitError(-1), result.Error);
    }

    [Theory]
    [InlineData(WorkingDay, CalendarDayEnd)]
    [InlineData(ProcessingTimeUnit.CalendarDay, CalendarDayEnd)]
    [InlineData(ProcessingTimeUnit.CalendarDay, WorkingHours)]
    [InlineData(Month, WorkingHours)]
    public void ComputeDue_FractionalDays_ReturnsFractionalLimitError(ProcessingTimeUnit unit, DeadlinePolicy policy)
    {
        var result = B2.ComputeDue(Vn.Utc("2026-03-10 10:00"), 1.5m, unit, policy);

        Assert.Equal(new FractionalLimitError(1.5m, unit), result.Error);
    }

    [Fact]
    public void ComputeDue_HugeLimit_ReturnsLimitTooLargeError()
    {
        var result = B2.ComputeDue(Vn.Utc("2026-03-10 10:00"), 1_000_000, WorkingDay, CalendarDayEnd);

        Assert.IsType<LimitTooLargeError>(result.Error);
    }

    [Theory]
    [InlineData("2028-01-03 10:00", "1", WorkingDay, CalendarDayEnd)] // receipt after the calendar
    [InlineData("2024-12-31 10:00", "0", Immediate, CalendarDayEnd)] // receipt before the calendar
    [InlineData("2027-12-01 10:00", "100", WorkingDay, CalendarDayEnd)]
    [InlineData("2027-12-01 10:00", "100", WorkingDay, WorkingHours)]
    [InlineData("2027-12-01 10:00", "1000", WorkingHour, CalendarDayEnd)]
    [InlineData("2027-12-01 10:00", "60", ProcessingTimeUnit.CalendarDay, CalendarDayEnd)]
    [InlineData("2027-12-01 10:00", "2", Month, CalendarDayEnd)]
    [InlineData("2027-12-01 10:00", "99999", Month, CalendarDayEnd)]
    [InlineData("2027-12-31 16:00", "0", Immediate, CalendarDayEnd)] // next working day is past the calendar
    public void ComputeDue_OutsideCalendar_ReturnsOutsideCalendarRangeError(string received, string value,
        ProcessingTimeUnit unit, DeadlinePolicy policy)
    {
        var result = B2.ComputeDue(Vn.Utc(received), decimal.Parse(value, CultureInfo.InvariantCulture), unit, policy);

        Assert.Equal(new OutsideCalendarRangeError(new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31)), result.Error);
    }

    [Fact]
    public void ComputeDue_UnknownUnit_ReturnsUnknownTimeUnitError()
    {
        var result = B2.ComputeDue(Vn.Utc("2026-03-10 10:00"), 1, (ProcessingTimeUnit)42, CalendarDayEnd);

        Assert.Equal(new UnknownTimeUnitError((ProcessingTimeUnit)42), result.Error);
    }

    [Theory]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void ComputeDue_NonUtcReceipt_Throws(DateTimeKind kind)
    {
        var received = DateTime.SpecifyKind(Vn.Utc("2026-03-10 10:00"), kind);

        Assert.Throws<ArgumentException>(() => B2.ComputeDue(received, 1, WorkingDay, CalendarDayEnd));
    }

    [Theory]
    [InlineData("2026-03-10 10:00", "2026-03-11 10:00", 480)]
    [InlineData("2026-02-13 16:00", "2026-02-23 08:30", 120)] // Tết skipped
    [InlineData("2026-02-23 08:30", "2026-02-13 16:00", -120)]
    [InlineData("2026-03-10 11:45", "2026-03-10 12:45", 0)] // lunch break
    [InlineData("2026-03-14 08:00", "2026-03-15 16:00", 0)] // weekend
    [InlineData("2026-03-10 06:00", "2026-03-10 20:00", 480)]
    [InlineData("2026-04-24 16:00", "2026-04-28 08:00", 90)] // Fri 1 h, Mon 27 off, Tue 0.5 h
    public void WorkingTimeBetween_B2Calendar_CountsSessionTimeOnly(string from, string to, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), B2.WorkingTimeBetween(Vn.Utc(from), Vn.Utc(to)));

    [Theory]
    [InlineData("2026-03-10 10:00", true)]
    [InlineData("2026-03-10 11:30", false)]
    [InlineData("2026-03-10 13:00", true)]
    [InlineData("2026-03-14 10:00", false)]
    [InlineData("2026-04-27 10:00", false)]
    public void IsWorkingTime_B2Calendar_IsInsideSessionsOfWorkingDays(string instant, bool expected) =>
        Assert.Equal(expected, B2.IsWorkingTime(Vn.Utc(instant)));

    [Theory]
    [InlineData("2026-03-10 10:00", "2026-03-10 10:00")]
    [InlineData("2026-03-10 11:30", "2026-03-10 13:00")]
    [InlineData("2026-02-13 17:00", "2026-02-23 07:30")]
    public void NextWorkingTime_B2Calendar_MovesToNextSessionStart(string instant, string expected) =>
        Assert.Equal(expected, Vn.Format(B2.NextWorkingTime(Vn.Utc(instant))));

    [Fact]
    public void AddWorkingTime_AcrossTet_SkipsDaysOff()
    {
        Assert.Equal("2026-02-23 08:30", Vn.Format(B2.AddWorkingTime(Vn.Utc("2026-02-13 16:00"), TimeSpan.FromHours(2))));
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.AddWorkingTime(Vn.Utc("2026-02-13 16:00"), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void EndOfWorkingDay_WorkingAndNonWorkingDays_ReturnsCloseOrThrows()
    {
        Assert.Equal("2026-02-26 17:00", Vn.Format(B2.EndOfWorkingDay(new DateOnly(2026, 2, 26))));
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.EndOfWorkingDay(new DateOnly(2026, 2, 16)));
    }

    [Fact]
    public void WorkingTimeBetween_OutsideCalendar_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => B2.WorkingTimeBetween(Vn.Utc("2024-06-01 10:00"), Vn.Utc("2026-03-10 10:00")));

    private static DeadlineCalculator MakeUpCalculator(WorkSchedule schedule) => new(
        CalendarBuilder.ACalendar()
            .Holiday(2026, 1, 1, "Tết Dương lịch")
            .Day(2026, 1, 2, DayKind.SwapOff, "Nghỉ hoán đổi")
            .Day(2026, 1, 10, DayKind.MakeUpWorkday, "Làm bù")
            .Build(),
        schedule);

    private static DayOfWeek[] Weekdays() =>
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
