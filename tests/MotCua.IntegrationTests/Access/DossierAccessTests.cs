using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Web.Access;
using MotCua.Web.Features.Dossiers;

namespace MotCua.IntegrationTests.Access;

public sealed class DossierAccessTests
{
    [Theory, AllDatabases]
    public async Task ActorRoles_SeededAssignments_FollowRoleAndUnit(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        await using var scope = factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<DossierAccess>();
        var head = DemoData.UserId("lanhdao@motcua.local");
        var desk = DemoData.UserId("tiepnhan@motcua.local");
        var justice = DemoData.UnitId("000.00.03.H56");
        var health = DemoData.UnitId("000.00.07.H56");
        var tuHieu = DemoData.UnitId("000.00.41.H56");

        Assert.Equal([DossierActorRole.AgencyHead], await access.ActorRolesAsync(head, tuHieu, justice, ct));
        Assert.Empty(await access.ActorRolesAsync(head, tuHieu, health, ct));
        Assert.Equal([DossierActorRole.DeskOfficer], await access.ActorRolesAsync(desk, tuHieu, justice, ct));
        Assert.Empty(await access.ActorRolesAsync(desk, health, justice, ct));
    }

    [Fact]
    public void UserId_PrincipalWithoutId_IsNull()
    {
        Assert.Null(Principals.UserId(new ClaimsPrincipal(new ClaimsIdentity())));
        var id = Guid.NewGuid();
        Assert.Equal(id, Principals.UserId(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "test"))));
    }
}
