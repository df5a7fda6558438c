using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>The query form of DVCQG's lateness (<see cref="Dossier.EndedLateForDvcqg"/>), which the 766 §5.4 counts
/// and loss lists filter by, selects in the database exactly the dossiers <see cref="Dossier.IsOnTimeForDvcqg"/> calls
/// late, also when combined with another condition (<see cref="Predicates.Or{T}"/>).</summary>
public sealed class DvcqgPredicateTests
{
    [Theory, AllDatabases]
    public async Task EndedLateForDvcqg_SelectsWhatTheDomainCallsLate(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        await RandomWorkload.RunAsync(harness, seed: 20261205, rounds: 30, applyEvery: 10, ct);
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var dossiers = await db.Dossiers.AsNoTracking().ToListAsync(ct);
            var late = dossiers.Where(d => d.IsOnTimeForDvcqg() == false).Select(d => d.Id).Order().ToList();
            var onTime = dossiers.Where(d => d.IsOnTimeForDvcqg() == true).Select(d => d.Id).ToHashSet();
            Assert.NotEmpty(late);
            Assert.NotEmpty(onTime);

            Assert.Equal(late, (await db.Dossiers.Where(Dossier.EndedLateForDvcqg).Select(d => d.Id).ToListAsync(ct)).Order());
            var someOnTime = onTime.First();
            var either = await db.Dossiers.Where(Dossier.EndedLateForDvcqg.Or(d => d.Id == someOnTime)).Select(d => d.Id).ToListAsync(ct);
            Assert.Equal([.. late.Append(someOnTime).Order()], either.Order());
        });
    }
}
