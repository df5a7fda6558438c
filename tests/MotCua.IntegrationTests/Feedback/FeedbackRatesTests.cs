using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Feedback;

/// <summary>GET /api/v1/feedback/rates (issue 9 §4): the 766 group 6 rates of a unit and period from stored PAKN,
/// dossiers and ratings, with the zero-denominator rules (no PAKN: 6 points for 5.2 and 5.3; no dossiers: 0 for 5.4), the
/// items that count against each rate, and the role-and-unit check.</summary>
public sealed class FeedbackRatesTests
{
    private const string Rates = "/api/v1/feedback/rates";

    [Theory, AllDatabases]
    public async Task Rates_FollowTheData_WithZeroDenominatorRules_AndListWhatCountsAgainst(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var head = await harness.ClientAsync(Head, ct);
        var justice = Unit(Justice);

        // Nothing yet in November 2026: 6 + 6 for the PAKN rates, 0 for the dossier rate.
        var empty = await RatesAsync(head, justice, "2026-11-01", "2026-11-30", ct);
        Assert.Equal((6m, true), (Points(empty, "paknOnTime"), empty["paknOnTime"]!["noData"]!.GetValue<bool>()));
        Assert.Equal(6m, Points(empty, "paknSatisfaction"));
        Assert.Equal((0m, true), (Points(empty, "dossierSatisfaction"), empty["dossierSatisfaction"]!["noData"]!.GetValue<bool>()));

        // Two PAKN received by the department on 24/11: within their 15 working days at the end of November.
        var anonymous = harness.Anonymous();
        var codes = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var sent = await anonymous.PostAsJsonAsync("/api/v1/public/pakn", new
            {
                kind = "Feedback",
                subject = $"Phản ánh thời gian giải quyết số {i + 1}",
                content = "Thời gian cấp phiếu lý lịch tư pháp kéo dài hơn quy định, đề nghị xem xét.",
                fullName = "Đèo Văn Long",
                address = "Phường Chiềng An, Sơn La",
                phone = "0912 000 11" + i,
                receivingUnitId = justice,
            }, ct);
            Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync(ct));
            codes.Add((await ReadAsync(sent, ct))["trackingCode"]!.GetValue<string>());
        }

        // A counter dossier whose result was returned, rated "dissatisfied" by its applicant.
        var dossier = (await harness.CreateAsync(await harness.ClientAsync(Desk, ct), ct))["id"]!.GetValue<Guid>();
        var (desk, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Handler, ct));
        await FireStepsAsync(dossier, 1, ct,
            (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null),
            (handler, "SubmitForApproval", null), (head, "Approve", null), (desk, "ReturnResult", null));
        using var rated = await desk.PostAsJsonAsync($"/api/v1/dossiers/{dossier}/rating", new { overall = 2, channel = "Paper" }, ct);
        Assert.True(rated.StatusCode == HttpStatusCode.Created, await rated.Content.ReadAsStringAsync(ct));

        // The dossier counts come from the kept statistics, which follow the queue within seconds.
        await harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));
        var november = await RatesAsync(head, justice, "2026-11-01", "2026-11-30", ct);
        Assert.Equal((2, 2, 100m, 6m), Rate(november, "paknOnTime"));
        Assert.Equal((2, 2, 100m, 6m), Rate(november, "paknSatisfaction"));
        Assert.Equal(2, november["classification"]!["unclassified"]!.GetValue<int>());
        // 100 % − (0 % late + 100 % with a dislike) = 0 %: no points, and the dossier is listed.
        Assert.Equal((0, 1, 0m, 0m), Rate(november, "dossierSatisfaction"));
        Assert.Single(november["dossierSatisfaction"]!["countedAgainst"]!.AsArray());

        // Nobody handles them: over November–December they are overdue at the period's end, so both count against 5.2
        // and 5.3, listed by tracking code. (A December-only period would not count them: C1 counts PAKN received or
        // handled in the period.)
        harness.Clock.Advance(TimeSpan.FromDays(40));
        head = await harness.ClientAsync(Head, ct);
        var december = await RatesAsync(head, justice, "2026-11-01", "2026-12-31", ct);
        Assert.Equal((0, 2, 0m, 0m), Rate(december, "paknOnTime"));
        Assert.Equal(codes.Order(), december["paknOnTime"]!["countedAgainst"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Equal((0m, 0), (Points(december, "index8"), december["paknHandling"]!["numerator"]!.GetValue<int>()));

        // The province includes its departments; a desk officer of a commune cannot read the department's rates.
        var homeAffairs = await harness.ClientAsync("noivu@motcua.local", ct);
        var province = await RatesAsync(homeAffairs, Unit("000.00.00.H56"), "2026-11-01", "2026-11-30", ct);
        Assert.Equal(2, province["paknOnTime"]!["denominator"]!.GetValue<int>());
        var otherDesk = await harness.ClientAsync(OtherDesk, ct);
        using var denied = await otherDesk.GetAsync($"{Rates}?unit={justice}&from=2026-11-01&to=2026-11-30", ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var backwards = await head.GetAsync($"{Rates}?unit={justice}&from=2026-11-30&to=2026-11-01", ct);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        using var farFuture = await head.GetAsync($"{Rates}?unit={justice}&from=9999-12-31", ct);
        Assert.Equal(HttpStatusCode.BadRequest, farFuture.StatusCode);
    }

    private static async Task<JsonObject> RatesAsync(HttpClient client, Guid unit, string from, string to, CancellationToken ct)
    {
        using var response = await client.GetAsync($"{Rates}?unit={unit}&from={from}&to={to}", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static decimal Points(JsonObject rates, string name) => rates[name]!["points"]!.GetValue<decimal>();

    private static (int Numerator, int Denominator, decimal? Percent, decimal Points) Rate(JsonObject rates, string name)
    {
        var rate = rates[name]!;
        return (rate["numerator"]!.GetValue<int>(), rate["denominator"]!.GetValue<int>(), rate["percent"]?.GetValue<decimal>(), rate["points"]!.GetValue<decimal>());
    }
}
