using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Persistence;

/// <summary>The web app's contexts come from EF's pool; what AppDbContext's constructor sets must survive reuse.</summary>
public sealed class ContextPoolingTests
{
    [Theory, AllDatabases]
    public async Task PooledContext_ReusedAfterItsScopeEnds_KeepsSavepointsOffAndNothingTracked(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);

        AppDbContext first;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            first.Database.AutoSavepointsEnabled = true;
            Assert.NotEmpty(await first.OrganisationalUnits.ToListAsync(ct));
            Assert.NotEmpty(first.ChangeTracker.Entries());
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Same(first, second);
            Assert.False(second.Database.AutoSavepointsEnabled);
            Assert.Empty(second.ChangeTracker.Entries());
        }
    }
}
