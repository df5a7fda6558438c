using System.Diagnostics;
using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Statistics;

/// <summary>Issue 10 §5: "a dossier's transition shows in the dashboard figures within 15 s". The app as deployed (jobs on,
/// the default statistics interval), a receipt at the counter, and the province's Biểu 06 polled until it counts it.</summary>
public sealed class StatisticsFreshnessTests
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(15);

    [Theory, AllDatabases]
    public async Task AReceipt_ShowsInTheProvincesFigures_WithinFifteenSeconds(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:IdleWaitTime"] = "00:00:01",
        });
        var admin = await harness.ClientAsync(Admin, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var url = $"/api/v1/reports/form06?unit={DemoData.UnitId(DemoData.ProvinceCode)}&from=2026-11-01&to=2026-11-30";
        var before = await ReceivedAsync(admin, url, ct);

        await harness.CreateAsync(desk, ct);
        var watch = Stopwatch.StartNew();
        var now = before;
        while (now == before && watch.Elapsed < Promise)
        {
            // The harness's clock stands still unless moved, and the scheduler (Quartz 4) reads time from it: move it with
            // the real time that passes, as the system clock would.
            await Task.Delay(250, ct);
            harness.Clock.Advance(TimeSpan.FromMilliseconds(250));
            now = await ReceivedAsync(admin, url, ct);
        }

        Assert.True(now == before + 1, $"the receipt was not in the figures after {watch.Elapsed.TotalSeconds:F1} s (received {before} → {now})");
    }

    private static async Task<int> ReceivedAsync(HttpClient client, string url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await ReadAsync(response, ct);
        var total = report["total"]!.AsObject();
        return total["online"]!.GetValue<int>() + total["inPersonOrPostal"]!.GetValue<int>();
    }
}
