using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>The dossier statistics kept incrementally equal the ones rebuilt from the histories, after a seeded random
/// workload through the API (receipts, transfers, supplements, approvals, returns, withdrawals, documents with the
/// digitisation flags, days and weeks apart),
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
            Assert.True(await db.DossierDayStats.AnyAsync(s => s.ReceivedReusingData != 0, ct), "no document flagged as reused data");
            Assert.True(await db.DossierDayStats.AnyAsync(s => s.EndedWithElectronicResult != 0, ct), "no electronic result counted");
            Assert.Equal(await db.Dossiers.CountAsync(d => d.ReceivedAt != null, ct),
                await db.DossierDayStats.Where(s => s.Grain == StatGrain.Day).SumAsync(s => s.Received, ct));

            await DossierStatistics.RebuildAsync(db, pageSize: 7, ct);
            rebuilt = await RowsAsync(db, ct);
            await FlowsMatchTheDossiersAsync(db, ct);
            await MonthRowsAreTheirDaysAsync(db, ct);
        });

        Assert.NotEmpty(incremental);
        Assert.Equal(rebuilt, incremental);
    }

    // StatisticsReader.FlowAsync over ranges that start and end mid-month, span a month boundary, cover whole months or
    // one day: received, ended and ended late by DVCQG's test equal the dossiers counted one by one.
    private static async Task FlowsMatchTheDossiersAsync(AppDbContext db, CancellationToken ct)
    {
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.ReceivedAt != null).ToListAsync(ct);
        var units = dossiers.Select(d => d.CompetentUnitId).ToHashSet();
        var days = dossiers.SelectMany(d => new[] { d.ReceivedAt, d.ProcessingEndedAt }).OfType<DateTime>().Select(VietnamTime.BusinessDate).ToList();
        var (min, max) = (days.Min(), days.Max());
        var monthAfterMin = new DateOnly(min.Year, min.Month, 1).AddMonths(1);
        DateOnly[][] ranges =
        [
            [min, max], [min.AddDays(3), max.AddDays(-3)], [monthAfterMin, monthAfterMin.AddMonths(1).AddDays(-1)],
            [monthAfterMin.AddDays(-5), monthAfterMin.AddDays(5)], [min.AddDays(10), min.AddDays(10)], [new DateOnly(min.Year, min.Month, 1), max],
        ];
        foreach (var range in ranges)
        {
            var (first, last) = (range[0], range[1]);
            bool In(DateTime? at) => at is { } t && VietnamTime.BusinessDate(t) >= first && VietnamTime.BusinessDate(t) <= last;
            var flow = await StatisticsReader.FlowAsync(db, units, first, last, ct);
            var ended = dossiers.Where(d => In(d.ProcessingEndedAt)).ToList();
            Assert.Equal(
                (dossiers.Count(d => In(d.ReceivedAt)), ended.Count, ended.Count(d => d.IsOnTimeForDvcqg() == false)),
                (flow.Received, flow.Ended, flow.EndedLateForDvcqg));
        }

        Assert.True(dossiers.Any(d => d.IsOnTimeForDvcqg() == false), "no dossier ended late");
    }

    // Every month row is the sum of its key's day rows in that month, and no day row lacks its month row.
    private static async Task MonthRowsAreTheirDaysAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.DossierDayStats.AsNoTracking().ToListAsync(ct);
        static string Key(DossierDayStat s, DateOnly month) => $"{s.UnitId} {month:yyyy-MM} {s.ProcedureId} {s.Channel} {s.ReceivingUnitId}";
        static string Values(IEnumerable<DossierDayStat> rows) =>
            string.Join(' ', Enum.GetValues<DossierDayMeasure>().Select(m => rows.Sum(r => r.Get(m))));
        var months = rows.Where(s => s.Grain == StatGrain.Month).ToDictionary(s => Key(s, s.Day), s => Values([s]));
        var days = rows.Where(s => s.Grain == StatGrain.Day).GroupBy(s => Key(s, new DateOnly(s.Day.Year, s.Day.Month, 1)))
            .Where(g => Values(g) != Values([new DossierDayStat()]))
            .ToDictionary(g => g.Key, g => Values(g));
        Assert.True(rows.Any(s => s.ReceivingUnitId != s.UnitId), "no dossier received at another unit's desk");
        Assert.Equal(days.OrderBy(d => d.Key, StringComparer.Ordinal), months.OrderBy(m => m.Key, StringComparer.Ordinal));
    }

    private static async Task<List<string>> RowsAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.DossierDayStats.AsNoTracking().ToListAsync(ct))
            .Select(s => $"{s.UnitId} {s.Grain} {s.Day:yyyy-MM-dd} {s.ProcedureId} {s.Channel} {s.ReceivingUnitId}: "
                + string.Join(' ', Enum.GetValues<DossierDayMeasure>().Select(s.Get)))
            .Order(StringComparer.Ordinal)];
}
