using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
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
        // Tokens that outlive the workload's simulated months.
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string> { ["Auth:TokenLifetimeMinutes"] = "525600" });
        var supplement = new { reason = "Thiếu giấy tờ", items = new[] { "Bản sao giấy xác nhận cư trú" } };
        (string User, string Trigger, object? Extra)[] moves =
        [
            (Desk, "Transfer", null), (Head, "Assign", new { officerId = DemoData.UserId(Handler) }), (Handler, "StartAppraisal", null),
            (Handler, "RequestSupplement", supplement), (Desk, "CompleteSupplement", null), (Handler, "SubmitForApproval", null),
            (Head, "Approve", null), (Desk, "ReturnResult", null), (Desk, "Withdraw", new { reason = "Công dân xin rút" }),
        ];
        var clients = new Dictionary<string, HttpClient>
        {
            [Desk] = await harness.ClientAsync(Desk, ct),
            [Head] = await harness.ClientAsync(Head, ct),
            [Handler] = await harness.ClientAsync(Handler, ct),
        };
        var random = new Random(20261211);
        var dossiers = new List<(Guid Id, int Version)>();
        for (var round = 0; round < 40; round++)
        {
            harness.Clock.Advance(TimeSpan.FromHours(random.Next(2, 60)));
            if (round % 3 == 0)
            {
                var created = await harness.CreateAsync(clients[Desk], ct);
                dossiers.Add((created["id"]!.GetValue<Guid>(), created["version"]!.GetValue<int>()));
            }

            for (var i = 0; i < dossiers.Count; i++)
            {
                var (user, trigger, extra) = moves[random.Next(moves.Length)];
                using var response = await FireAsync(clients[user], dossiers[i].Id, trigger, dossiers[i].Version, ct, extra);
                if (response.IsSuccessStatusCode)
                {
                    dossiers[i] = (dossiers[i].Id, (await ReadAsync(response, ct))["version"]!.GetValue<int>());
                }
            }

            if (round % 7 == 0)
            {
                await harness.InScopeAsync(sp => DossierStatistics.ApplyQueuedAsync(sp.GetRequiredService<AppDbContext>(), batchSize: 5, ct));
            }
        }

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
