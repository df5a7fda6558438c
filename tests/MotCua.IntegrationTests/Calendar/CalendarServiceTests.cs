using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Holidays;
using MotCua.Persistence.Seeding;
using MotCua.Web.Calendar;

namespace MotCua.IntegrationTests.Calendar;

public sealed class CalendarServiceTests
{
    [Theory, AllDatabases]
    public async Task GetAsync_ScheduleImported_EveryNodeRefreshesAfterTheInterval(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await DossierApiHarness.StartAsync(provider, ct);
        var scopes = harness.Factory.Services.GetRequiredService<IServiceScopeFactory>();
        using var nodeA = new CalendarService(scopes, harness.Clock) { RefreshInterval = TimeSpan.FromSeconds(30) };
        using var nodeB = new CalendarService(scopes, harness.Clock) { RefreshInterval = TimeSpan.FromSeconds(30) };
        var newYearsEve = new DateOnly(2026, 12, 31);
        var before = await nodeA.GetAsync(ct);
        Assert.True(before.Working.IsWorkingDay(newYearsEve));
        Assert.Equal(before.Version, (await nodeB.GetAsync(ct)).Version);

        var schedule = BuiltInHolidaySchedules.All.Single(s => s.Year == 2026);
        var changed = schedule with
        {
            Entries = [.. schedule.Entries, new HolidayScheduleEntry(newYearsEve, DayKind.Holiday, "Nghỉ thử nghiệm", null, true, null)],
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var errors = await HolidayScheduleStore.ReplaceAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), changed, harness.Clock.GetUtcNow().UtcDateTime, ct);
            Assert.Empty(errors);
        }

        var withinInterval = await nodeA.GetAsync(ct);
        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        var afterA = await nodeA.GetAsync(ct);
        var afterB = await nodeB.GetAsync(ct);

        Assert.Same(before, withinInterval);
        Assert.NotEqual(before.Version, afterA.Version);
        Assert.Equal(afterA.Version, afterB.Version);
        Assert.False(afterA.Working.IsWorkingDay(newYearsEve));
        Assert.Matches("^[0-9a-f]{64}$", afterA.Version);
    }

    [Theory, AllDatabases]
    public async Task ForUnitAsync_UnitWithDesk_UsesTheDeskScheduleAndCalendarVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await DossierApiHarness.StartAsync(provider, ct);
        var service = harness.Factory.Services.GetRequiredService<CalendarService>();
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var (calculator, version, deskId) = await service.ForUnitAsync(db, DossierApiHarness.Unit(DossierApiHarness.TuHieu), ct);
        var (_, provinceVersion, provinceDesk) = await service.ForUnitAsync(db, DossierApiHarness.Unit(DossierApiHarness.Justice), ct);

        Assert.Equal(DemoData.DeskId(DossierApiHarness.TuHieu), deskId);
        Assert.Equal(new TimeOnly(15, 0), calculator.Schedule.SameDayCutoff);
        Assert.Equal(TimeSpan.FromHours(8), calculator.Schedule.WorkingDayLength);
        Assert.Null(provinceDesk);
        Assert.Equal(version, provinceVersion);
        Assert.Equal((await service.GetAsync(ct)).Version, version);
    }
}
