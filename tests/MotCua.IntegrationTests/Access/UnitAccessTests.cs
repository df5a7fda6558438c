using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Access;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Web.Access;

namespace MotCua.IntegrationTests.Access;

public sealed class UnitAccessTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Theory, AllDatabases]
    public async Task MayActAsync_SeededAssignments_FollowUnitTree(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        await using var scope = factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<UnitAccess>();
        var admin = DemoData.UserId("admin@motcua.local");
        var head = DemoData.UserId("lanhdao@motcua.local");
        var justice = DemoData.UnitId("000.00.03.H56");
        var health = DemoData.UnitId("000.00.07.H56");
        var commune = DemoData.UnitId("000.00.50.H56");

        Assert.True(await access.MayActAsync(admin, StaffRole.Administrator, commune, Day, ct));
        Assert.True(await access.MayActAsync(head, StaffRole.AgencyHead, justice, Day, ct));
        Assert.False(await access.MayActAsync(head, StaffRole.AgencyHead, health, Day, ct));
        Assert.False(await access.MayActAsync(head, StaffRole.HandlingOfficer, justice, Day, ct));
        Assert.False(await access.MayActAsync(head, StaffRole.AgencyHead, justice, new DateOnly(2025, 6, 30), ct));
    }

    [Theory, AllDatabases]
    public async Task MayActAsync_PrincipalWithoutId_Denies(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        await using var scope = factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<UnitAccess>();

        Assert.False(await access.MayActAsync(new ClaimsPrincipal(new ClaimsIdentity()), StaffRole.Administrator, DemoData.UnitId(DemoData.ProvinceCode), ct));
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, DemoData.UserId("admin@motcua.local").ToString())], "test"));
        Assert.True(await access.MayActAsync(admin, StaffRole.Administrator, DemoData.UnitId(DemoData.ProvinceCode), ct));
    }
}
