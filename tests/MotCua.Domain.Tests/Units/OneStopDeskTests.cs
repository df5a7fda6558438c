using MotCua.Domain.Units;

namespace MotCua.Domain.Tests.Units;

public sealed class OneStopDeskTests
{
    private static OneStopDesk DefaultDesk() =>
        OneStopDesk.Create(Guid.NewGuid(), Guid.NewGuid(), "Trung tâm Phục vụ hành chính công phường Tô Hiệu", OneStopDeskKind.CommuneServiceCentre, new DateOnly(2025, 7, 1));

    [Fact]
    public void Create_WithoutSessions_UsesMondayToFridayTwoSessions()
    {
        var desk = DefaultDesk();

        Assert.Equal(10, desk.WorkSessions.Count);
        Assert.DoesNotContain(desk.WorkSessions, s => s.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.Equal(new TimeOnly(15, 0), desk.SameDayCutoff);
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, 7, 29, false)]
    [InlineData(DayOfWeek.Monday, 7, 30, true)]
    [InlineData(DayOfWeek.Tuesday, 11, 29, true)]
    [InlineData(DayOfWeek.Tuesday, 11, 30, false)]
    [InlineData(DayOfWeek.Wednesday, 12, 15, false)]
    [InlineData(DayOfWeek.Thursday, 13, 0, true)]
    [InlineData(DayOfWeek.Friday, 16, 59, true)]
    [InlineData(DayOfWeek.Friday, 17, 0, false)]
    [InlineData(DayOfWeek.Saturday, 9, 0, false)]
    public void IsOpenAt_DefaultSessions_OpenOnlyInsideSessions(DayOfWeek day, int hour, int minute, bool expected) =>
        Assert.Equal(expected, DefaultDesk().IsOpenAt(day, new TimeOnly(hour, minute)));

    [Theory]
    [InlineData(14, 59, true)]
    [InlineData(15, 0, false)]
    [InlineData(16, 30, false)]
    public void IsBeforeSameDayCutoff_At15_SplitsTheAfternoon(int hour, int minute, bool expected) =>
        Assert.Equal(expected, DefaultDesk().IsBeforeSameDayCutoff(new TimeOnly(hour, minute)));

    [Fact]
    public void Create_SaturdayMorningSession_OpensSaturday()
    {
        var desk = OneStopDesk.Create(Guid.NewGuid(), Guid.NewGuid(), "TTPVHCC tỉnh", OneStopDeskKind.ProvincialServiceCentre, new DateOnly(2025, 7, 1),
            sessions: [.. OneStopDesk.DefaultWorkSessions, new DeskWorkSession(DayOfWeek.Saturday, new TimeOnly(7, 30), new TimeOnly(11, 30))]);

        Assert.True(desk.IsOpenAt(DayOfWeek.Saturday, new TimeOnly(8, 0)));
        Assert.Equal(11, desk.WorkSessions.Count);
    }

    [Fact]
    public void Create_OverlappingSessions_Throws() =>
        Assert.Throws<ArgumentException>(() => OneStopDesk.Create(Guid.NewGuid(), Guid.NewGuid(), "TTPVHCC", OneStopDeskKind.CommuneServiceCentre, new DateOnly(2025, 7, 1),
            sessions: [new(DayOfWeek.Monday, new TimeOnly(7, 30), new TimeOnly(12, 0)), new(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(17, 0))]));

    [Fact]
    public void Create_SessionEndingBeforeStart_Throws() =>
        Assert.Throws<ArgumentException>(() => OneStopDesk.Create(Guid.NewGuid(), Guid.NewGuid(), "TTPVHCC", OneStopDeskKind.CommuneServiceCentre, new DateOnly(2025, 7, 1),
            sessions: [new(DayOfWeek.Monday, new TimeOnly(11, 30), new TimeOnly(7, 30))]));

    [Fact]
    public void IsValidOn_ClosedDesk_FalseAfterLastDay()
    {
        var desk = OneStopDesk.Create(Guid.NewGuid(), Guid.NewGuid(), "Bộ phận TN&TKQ huyện Mai Sơn", OneStopDeskKind.DistrictReceptionDesk, new DateOnly(2019, 1, 1), new DateOnly(2025, 6, 30));

        Assert.True(desk.IsValidOn(new DateOnly(2025, 6, 30)));
        Assert.False(desk.IsValidOn(new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public void Change_RenamesAndMovesTheCutoff_Close_EndsOnTheLastDay()
    {
        var desk = DefaultDesk();

        desk.Change("  Điểm tiếp nhận bản Mòng  ", new TimeOnly(16, 0));
        desk.Close(new DateOnly(2026, 12, 31));

        Assert.Equal("Điểm tiếp nhận bản Mòng", desk.Name);
        Assert.False(desk.IsBeforeSameDayCutoff(new TimeOnly(16, 0)));
        Assert.True(desk.IsValidOn(new DateOnly(2026, 12, 31)));
        Assert.False(desk.IsValidOn(new DateOnly(2027, 1, 1)));
        Assert.Throws<ArgumentException>(() => desk.Close(new DateOnly(2025, 6, 30)));
        Assert.ThrowsAny<ArgumentException>(() => desk.Change(" ", new TimeOnly(15, 0)));
    }
}
