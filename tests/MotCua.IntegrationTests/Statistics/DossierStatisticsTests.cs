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

    // Every month row is the sum of its key's day rows in that month (and no day row lacks its month row), in both views;
    // the view by competent unit and the view by receiving unit hold the same sums per month, procedure and channel; and
    // the desk rows count each unit's received dossiers.
    private static async Task MonthRowsAreTheirDaysAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.DossierDayStats.AsNoTracking().ToListAsync(ct);
        static string Values(IEnumerable<DossierDayStat> rows) =>
            string.Join(' ', Enum.GetValues<DossierDayMeasure>().Select(m => rows.Sum(r => r.Get(m))));
        var zero = Values([new DossierDayStat()]);
        static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
        static bool IsMonth(StatGrain grain) => grain is StatGrain.Month or StatGrain.DeskMonth;
        static StatGrain MonthGrain(StatGrain grain) => grain is StatGrain.DeskDay ? StatGrain.DeskMonth : StatGrain.Month;
        static string Key(DossierDayStat s, StatGrain grain, DateOnly month) =>
            $"{grain} {s.UnitId} {month:yyyy-MM} {s.ProcedureId} {s.Channel} {s.ReceivingUnitId}";
        List<KeyValuePair<string, string>> Sums(IEnumerable<IGrouping<string, DossierDayStat>> groups) =>
            [.. groups.Select(g => KeyValuePair.Create(g.Key, Values(g))).Where(g => g.Value != zero).OrderBy(g => g.Key, StringComparer.Ordinal)];

        Assert.All(rows, s => Assert.Equal(Guid.Empty, s.Grain is StatGrain.Day or StatGrain.Month ? s.ReceivingUnitId : s.UnitId));
        Assert.Equal(
            Sums(rows.Where(s => !IsMonth(s.Grain)).GroupBy(s => Key(s, MonthGrain(s.Grain), MonthOf(s.Day)))),
            Sums(rows.Where(s => IsMonth(s.Grain)).GroupBy(s => Key(s, s.Grain, s.Day))));
        string View(DossierDayStat s) => $"{s.Day:yyyy-MM} {s.ProcedureId} {s.Channel}";
        Assert.Equal(Sums(rows.Where(s => s.Grain == StatGrain.Month).GroupBy(View)), Sums(rows.Where(s => s.Grain == StatGrain.DeskMonth).GroupBy(View)));

        var received = (await db.Dossiers.AsNoTracking().Where(d => d.ReceivedAt != null).Select(d => d.ReceivingUnitId).ToListAsync(ct))
            .CountBy(u => u).OrderBy(c => c.Key).ToList();
        Assert.Equal(received, rows.Where(s => s.Grain == StatGrain.DeskDay).GroupBy(s => s.ReceivingUnitId)
            .Select(g => KeyValuePair.Create(g.Key, g.Sum(s => s.Received))).Where(g => g.Value != 0).OrderBy(g => g.Key).ToList());
        Assert.Contains(received, r => r.Key != Unit(Justice));
    }

    private static async Task<List<string>> RowsAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.DossierDayStats.AsNoTracking().ToListAsync(ct))
            .Select(s => $"{s.UnitId} {s.Grain} {s.Day:yyyy-MM-dd} {s.ProcedureId} {s.Channel} {s.ReceivingUnitId}: "
                + string.Join(' ', Enum.GetValues<DossierDayMeasure>().Select(s.Get)))
            .Order(StringComparer.Ordinal)];
}
