using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;

namespace MotCua.IntegrationTests.Cli;

public sealed class StatisticsCommandTests
{
    // The demo seed's dossiers are queued as they are written; a rebuild gives what draining the queue gives.
    [Theory, AllDatabases]
    public async Task StatsRebuild_AfterTheDemoSeed_CountsEveryReceivedDossier_AsTheQueueDoes(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, ct);
        Assert.Equal(0, (await CliRunner.RunAsync(database.Options, "seed", "--preset", "demo")).ExitCode);
        await using var db = database.CreateContext();
        Assert.True(await db.DossierStatQueue.AnyAsync(ct), "the seeded dossiers were not queued");
        await DossierStatistics.ApplyAllQueuedAsync(db, ct);
        var drained = await db.DossierDayStats.AsNoTracking().OrderBy(s => s.UnitId).ThenBy(s => s.Grain).ThenBy(s => s.Day).ThenBy(s => s.ProcedureId)
            .ThenBy(s => s.Channel).ThenBy(s => s.ReceivingUnitId)
            .Select(s => new { s.UnitId, s.Grain, s.Day, s.ProcedureId, s.Channel, s.ReceivingUnitId, s.Received, s.EndedOnTime, s.EndedLate, s.Overdue })
            .ToListAsync(ct);

        var run = await CliRunner.RunAsync(database.Options, "stats", "rebuild");

        Assert.Equal(0, run.ExitCode);
        var dossiers = await db.Dossiers.CountAsync(ct);
        Assert.Contains($"của {dossiers} hồ sơ", run.Output, StringComparison.Ordinal);
        var rebuilt = await db.DossierDayStats.AsNoTracking().OrderBy(s => s.UnitId).ThenBy(s => s.Grain).ThenBy(s => s.Day).ThenBy(s => s.ProcedureId)
            .ThenBy(s => s.Channel).ThenBy(s => s.ReceivingUnitId)
            .Select(s => new { s.UnitId, s.Grain, s.Day, s.ProcedureId, s.Channel, s.ReceivingUnitId, s.Received, s.EndedOnTime, s.EndedLate, s.Overdue })
            .ToListAsync(ct);
        Assert.Equal(drained, rebuilt);
        Assert.Equal(await db.Dossiers.CountAsync(d => d.ReceivedAt != null, ct),
            rebuilt.Where(r => r.Grain == StatGrain.Month).Sum(r => r.Received));
    }
}
