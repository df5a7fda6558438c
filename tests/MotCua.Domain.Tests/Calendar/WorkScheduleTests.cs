using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class WorkScheduleTests
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void Default_IsMondayToFridayEightHoursWithCutoffAt15()
    {
        var schedule = WorkSchedule.Default;

        Assert.Equal(TimeSpan.FromHours(8), schedule.WorkingDayLength);
        Assert.Equal(new TimeOnly(15, 0), schedule.SameDayCutoff);
        Assert.Equal(
            [new WorkSession(new TimeOnly(7, 30), new TimeOnly(11, 30)), new WorkSession(new TimeOnly(13, 0), new TimeOnly(17, 0))],
            schedule.SessionsOn(DayOfWeek.Wednesday));
        Assert.Empty(schedule.SessionsOn(DayOfWeek.Saturday));
        Assert.Equal(schedule.SessionsOn(DayOfWeek.Monday), schedule.MakeUpWorkdaySessions);
    }

    [Theory]
    [InlineData("13:00-17:00,07:30-11:30", "phải bắt đầu sau")] // unsorted
    [InlineData("07:30-11:30,11:00-17:00", "phải bắt đầu sau")] // overlapping
    [InlineData("11:30-07:30", "phải kết thúc sau")]
    [InlineData("07:30-07:30", "phải kết thúc sau")]
    [InlineData("", "chưa có buổi làm việc")]
    public void Uniform_InvalidSessions_ReturnsInvalidWorkScheduleError(string sessions, string problem)
    {
        var result = WorkSchedule.Uniform(Parse(sessions));

        var error = Assert.IsType<InvalidWorkScheduleError>(result.Error);
        Assert.Equal(5, error.Problems.Count(p => p.Contains(problem, StringComparison.Ordinal)));
        Assert.Equal("work_schedule.invalid", error.Code);
    }

    [Fact]
    public void Create_MissingWeekdayAndSaturdayEntry_ListsBothProblems()
    {
        var sessions = Weekdays.Where(d => d != DayOfWeek.Friday)
            .Append(DayOfWeek.Saturday)
            .ToDictionary(d => d, _ => WorkSchedule.DefaultSessions);

        var error = Assert.IsType<InvalidWorkScheduleError>(WorkSchedule.Create(sessions).Error);

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("Thứ Sáu", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Thứ Bảy", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_InvalidMakeUpSessionsAndZeroDayLength_ReturnsErrors()
    {
        var sessions = Weekdays.ToDictionary(d => d, _ => WorkSchedule.DefaultSessions);

        var error = Assert.IsType<InvalidWorkScheduleError>(
            WorkSchedule.Create(sessions, makeUpWorkdaySessions: [], workingDayLength: TimeSpan.Zero).Error);

        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void Create_PerWeekdaySessions_AreKept()
    {
        var friday = new[] { new WorkSession(new TimeOnly(8, 0), new TimeOnly(12, 0)) };
        var sessions = Weekdays.ToDictionary(d => d, d => d == DayOfWeek.Friday ? friday : WorkSchedule.DefaultSessions);

        var schedule = WorkSchedule.Create(sessions, sameDayCutoff: new TimeOnly(16, 0)).Value;

        Assert.Equal(friday, schedule.SessionsOn(DayOfWeek.Friday));
        Assert.Equal(new TimeOnly(16, 0), schedule.SameDayCutoff);
        Assert.Equal(TimeSpan.FromHours(8), schedule.WorkingDayLength);
    }

    private static WorkSession[] Parse(string sessions) =>
        [.. sessions.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('-'))
            .Select(p => new WorkSession(TimeOnly.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture),
                TimeOnly.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];
}
