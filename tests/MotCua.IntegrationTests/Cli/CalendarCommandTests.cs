using System.Globalization;

namespace MotCua.IntegrationTests.Cli;

public sealed class CalendarCommandTests
{
    private static readonly string[] Kinds = ["Holiday", "CompensatoryOff", "SwapOff", "MakeUpWorkday"];

    [Theory]
    [InlineData("2026-02-17", "1/1/2026")]
    [InlineData("2020-05-23", "1/4L/2020")]
    [InlineData("1985-01-21", "1/1/1985")]
    [InlineData("2030-02-02", "1/1/2030")]
    public async Task Lunar_SolarDate_PrintsVietnameseLunarDate(string solar, string expected)
    {
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), "calendar", "lunar", solar);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([expected], run.Lines);
    }

    [Theory]
    [InlineData("1/4L/2020", "2020-05-23")]
    [InlineData("10/3/2026", "2026-04-26")]
    public async Task Solar_LunarDate_PrintsSolarDate(string lunar, string expected)
    {
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), "calendar", "solar", lunar);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([expected], run.Lines);
    }

    [Fact]
    public async Task Holidays_2026_ListsSortedDeviationsFromTheWorkingWeek()
    {
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), "calendar", "holidays", "2026");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Lines;
        Assert.Contains(lines, l => l.StartsWith("2026-02-16 Holiday ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-04-27 CompensatoryOff ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-01-10 MakeUpWorkday ", StringComparison.Ordinal));
        var dates = lines.Select(l => DateOnly.ParseExact(l[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', 3);
            var weekend = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Assert.Contains(parts[1], Kinds);
            Assert.Equal(weekend, parts[1] == "MakeUpWorkday");
            Assert.False(string.IsNullOrWhiteSpace(parts[2]));
        }
    }

    [Theory]
    [InlineData("2026-02-12T10:00:00+07:00", "5", "WorkingDay", "CalendarDayEnd", "2026-02-26T17:00:00+07:00")]
    [InlineData("2026-02-09T10:00:00+07:00", "3", "WorkingDay", "CalendarDayEnd", "2026-02-12T17:00:00+07:00")]
    [InlineData("2026-04-24T16:00:00+07:00", "2", "WorkingDay", "CalendarDayEnd", "2026-04-29T17:00:00+07:00")]
    [InlineData("2026-03-10T15:20:00+07:00", "0", "Immediate", "CalendarDayEnd", "2026-03-11T17:00:00+07:00")]
    [InlineData("2026-03-10T08:30:00Z", "1", "WorkingDay", "WorkingHours", "2026-03-11T15:30:00+07:00")]
    public async Task Due_AppendixB2_PrintsDueInstantWithOffset(string received, string limit, string unit, string policy, string expected)
    {
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(),
            "calendar", "due", "--received", received, "--limit", limit, "--unit", unit, "--policy", policy);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([expected], run.Lines);
    }

    [Theory]
    [InlineData("calendar", "lunar", "2026-02-30")]
    [InlineData("calendar", "lunar", "1800-01-01")]
    [InlineData("calendar", "solar", "30/2/2026")]
    [InlineData("calendar", "solar", "1/5L/2026")]
    [InlineData("calendar", "holidays", "20x6")]
    [InlineData("calendar", "due", "--received", "2026-02-12T10:00:00+07:00", "--limit", "5", "--unit", "Fortnight")]
    [InlineData("calendar", "due", "--received", "2026-02-12T10:00:00", "--limit", "5", "--unit", "WorkingDay")]
    [InlineData("calendar", "due", "--received", "2026-02-12T10:00:00+07:00", "--limit", "-1", "--unit", "WorkingDay")]
    [InlineData("calendar", "due", "--limit", "5", "--unit", "WorkingDay")]
    [InlineData("seed", "--preset", "galaxy")]
    public async Task BadInput_ExitsNonZeroWithOneLineMessage(params string[] args)
    {
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), args);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.Output);
        var message = run.Error.TrimEnd('\n', '\r');
        Assert.DoesNotContain('\n', message);
        Assert.StartsWith("Lỗi: ", message, StringComparison.Ordinal);
    }
}
