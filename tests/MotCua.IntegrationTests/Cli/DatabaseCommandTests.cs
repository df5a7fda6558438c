using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Cli;

public sealed class DatabaseCommandTests
{
    [Theory, AllDatabases]
    public async Task MigrateThenSeedDemo_TwiceEach_CreatesEverythingOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, ct);

        var migrate = await CliRunner.RunAsync(database.Options, "migrate");
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("20261122000001_Initial", migrate.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync(database.Options, "migrate")).ExitCode);

        Assert.Equal(0, (await CliRunner.RunAsync(database.Options, "seed", "--preset", "demo")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(database.Options, "seed", "--preset", "demo")).ExitCode);

        await using var db = database.CreateContext();
        Assert.Equal(29, await db.OrganisationalUnits.CountAsync(ct));
        Assert.Equal(MotCua.Persistence.Seeding.DemoData.Users.Count, await db.Users.CountAsync(ct));
        Assert.Equal([2024, 2025, 2026], await db.HolidaySchedules.OrderBy(s => s.Year).Select(s => s.Year).ToListAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task ImportSchedule_EditedExport_ReplacesTheYearAndDrivesHolidaysAndDeadlines(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, ct);
        var file = Path.Combine(Path.GetTempPath(), $"motcua-schedule-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, (await CliRunner.RunAsync(database.Options, "migrate")).ExitCode);
            Assert.Equal(0, (await CliRunner.RunAsync(database.Options, "calendar", "export-schedule", "--year", "2026", "--file", file)).ExitCode);

            // An administrator adds Ngày Văn hóa Việt Nam (Tue 24/11/2026) as a day off, as if the amendment were in force.
            var json = await File.ReadAllTextAsync(file, ct);
            var edited = json.Replace(
                "\"days\": [",
                "\"days\": [\n    { \"date\": \"2026-11-24\", \"kind\": \"Holiday\", \"description\": \"Ngày Văn hóa Việt Nam\" },",
                StringComparison.Ordinal);
            Assert.NotEqual(json, edited);
            await File.WriteAllTextAsync(file, edited, ct);

            var import = await CliRunner.RunAsync(database.Options, "calendar", "import-schedule", "--file", file);
            Assert.Equal(0, import.ExitCode);

            var holidays = await CliRunner.RunAsync(database.Options, "calendar", "holidays", "2026");
            Assert.Contains("2026-11-24 Holiday Ngày Văn hóa Việt Nam", holidays.Lines);
            var due = await CliRunner.RunAsync(database.Options,
                "calendar", "due", "--received", "2026-11-23T10:00:00+07:00", "--limit", "1", "--unit", "WorkingDay");
            Assert.Equal(["2026-11-25T17:00:00+07:00"], due.Lines);

            await using var db = database.CreateContext();
            Assert.Equal(1, await db.HolidaySchedules.CountAsync(s => s.Year == 2026, ct));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory, AllDatabases]
    public async Task ImportSchedule_InvalidFile_FailsAndKeepsTheStoredSchedule(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, ct);
        var file = Path.Combine(Path.GetTempPath(), $"motcua-schedule-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, (await CliRunner.RunAsync(database.Options, "migrate")).ExitCode);
            // A make-up working day on a Wednesday is not a valid schedule entry.
            await File.WriteAllTextAsync(file, """
                { "year": 2026, "sourceDocument": "Thử", "confirmed": true,
                  "days": [ { "date": "2026-03-04", "kind": "MakeUpWorkday", "description": "Sai" } ] }
                """, ct);

            var import = await CliRunner.RunAsync(database.Options, "calendar", "import-schedule", "--file", file);
            Assert.Equal(2, import.ExitCode);
            Assert.StartsWith("Lỗi: ", import.Error, StringComparison.Ordinal);

            await using var db = database.CreateContext();
            var stored = await db.HolidaySchedules.Include(s => s.Days).SingleAsync(s => s.Year == 2026, ct);
            Assert.Contains(stored.Days, d => d.Date == new DateOnly(2026, 2, 17));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
