using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>The dossier statistics kept incrementally equal the ones rebuilt from the histories, after a seeded random
/// workload through the API (receipts, transfers, supplements, approvals, returns, withdrawals, days and weeks apart),
/// applied in several batches in between (issue 10 §5).</summary>
public sealed class DossierStatisticsTests
{
    [Theory, AllDatabases]
    public async Task Incremental_EqualsRebuilt_AfterARandomWorkload(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        await RandomWorkload.RunAsync(harness, seed: 20261211, rounds: 40, applyEvery: 7, ct);

        List<string> incremental = [], rebuilt = [];
        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await DossierStatistics.ApplyAllQueuedAsync(db, ct);
            Assert.Equal(0, await db.DossierStatQueue.CountAsync(ct));
            incremental = await RowsAsync(db, ct);
            Assert.True(await db.DossierDayStats.SumAsync(s => s.EndedEarly + s.EndedOnTime + s.EndedLate, ct) > 0, "no dossier ended");
            Assert.True(await db.DossierDayStats.AnyAsync(s => s.Overdue != 0, ct), "no dossier ran overdue");
            Assert.Equal(await db.Dossiers.CountAsync(d => d.ReceivedAt != null, ct),
                await db.DossierDayStats.Where(s => s.Grain == StatGrain.Day).SumAsync(s => s.Received, ct));

            await DossierStatistics.RebuildAsync(db, pageSize: 7, ct);
            rebuilt = await RowsAsync(db, ct);
        });

        Assert.NotEmpty(incremental);
        Assert.Equal(rebuilt, incremental);
    }

    private static async Task<List<string>> RowsAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.DossierDayStats.AsNoTracking().ToListAsync(ct))
            .Select(s => $"{s.UnitId} {s.Grain} {s.Day:yyyy-MM-dd} {s.ProcedureId} {s.Channel}: {s.Received} {s.EndedEarly} {s.EndedOnTime} {s.EndedLate} {s.EndedUnclassified} {s.EndedWithoutResult} {s.EndedLateForDvcqg} {s.Overdue}")
            .Order(StringComparer.Ordinal)];
}
