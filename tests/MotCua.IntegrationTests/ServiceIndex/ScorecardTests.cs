using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.IntegrationTests.Documents;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Statistics;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Persistence.ServiceIndex;
using MotCua.Persistence.Statistics;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.ServiceIndex;

/// <summary>The 766 scorecard on a known set of dossiers of Sở Tư pháp (procedure 1.004859, 3 working days, dates
/// compared by day): carried over from January and late, ended before February, early, withdrawn, late, open and overdue
/// at February's end, received before Tết 2026 and on time only because Tết is not working time, and open within its
/// deadline across the month boundary. Indicator 2.1 for February and March, its loss list, imported figures and the
/// unit-scope authorisation, on both databases.</summary>
public sealed class ScorecardTests
{
    private static DateTimeOffset Vn(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) - VietnamTime.Offset, TimeSpan.Zero);

    private sealed record Known(string F, string B, string D, string E, Guid BId, Guid AId);

    // Plays the dossiers through the API, moving the clock; returns the codes the test names.
    private static async Task<Known> PlayAsync(DossierApiHarness harness, CancellationToken ct)
    {
        harness.Clock.Advance(Vn("2026-01-27 09:00") - harness.Clock.GetUtcNow());
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var assign = new { officerId = DemoData.UserId(Handler) };
        (HttpClient, string, object?)[] finish =
            [(desk, "Transfer", null), (head, "Assign", assign), (handler, "StartAppraisal", null), (handler, "SubmitForApproval", null), (head, "Approve", null)];
        async Task<(Guid Id, string Code, DateTime Due)> Create()
        {
            var created = await harness.CreateAsync(desk, ct);
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
            return (created["id"]!.GetValue<Guid>(), created["code"]!.GetValue<string>(), created["appointmentAt"]!.GetValue<DateTime>());
        }

        async Task At(string local) => await Task.Run(() => harness.Clock.Advance(Vn(local) - harness.Clock.GetUtcNow()), ct);

        var f = await Create(); // carried over: due 30/01, approved 03/02 → ended late in February
        await At("2026-01-28 09:00");
        var h = await Create(); // ended in January: outside February
        await FireStepsAsync(h.Id, 1, ct, finish);
        await At("2026-02-02 09:00");
        var a = await Create(); // early
        var b = await Create(); // due 05/02, approved 12/02 → late
        var c = await Create(); // withdrawn in time
        var d = await Create(); // due 05/02, still open on 28/02 → late at February's end, ended in March
        await FireStepsAsync(a.Id, 1, ct, finish);
        await At("2026-02-03 10:00");
        await FireStepsAsync(c.Id, 1, ct, (desk, "Withdraw", new { reason = "Công dân xin rút" }));
        await FireStepsAsync(f.Id, 1, ct, finish);
        await At("2026-02-12 09:00");
        var e = await Create(); // 3 working days: 13/02, then Tết (16–20/02 off), 23/02, 24/02
        Assert.Equal(new DateOnly(2026, 2, 24), VietnamTime.BusinessDate(e.Due.AddTicks(-1)));
        await FireStepsAsync(b.Id, 1, ct, finish);
        await At("2026-02-23 10:00");
        await FireStepsAsync(e.Id, 1, ct, finish); // on time only because Tết is not counted
        await At("2026-02-26 09:00");
        _ = await Create(); // G: due 03/03, open within the deadline on 28/02, overdue on 31/03
        await At("2026-03-02 10:00");
        await FireStepsAsync(d.Id, 1, ct, finish);
        await harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));
        return new Known(f.Code, b.Code, d.Code, e.Code, b.Id, a.Id);
    }

    private static JsonObject Indicator(JsonObject card, string id) =>
        card["groups"]!.AsArray().SelectMany(g => g!["indicators"]!.AsArray()).Single(i => i!["id"]!.GetValue<string>() == id)!.AsObject();

    [Theory, AllDatabases]
    public async Task Progress21_CountsPointsAndLossList_AcrossTheMonthBoundaryAndTet(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, RandomWorkload.Settings);
        var known = await PlayAsync(harness, ct);
        var head = await harness.ClientAsync(Head, ct);
        var unit = Unit(Justice);

        // February: received by 28/02 (8) less ended before 01/02 (H) = 7; late: F and B ended late, D open and overdue.
        var february = await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&month=2&whatIf=2", ct), ct);
        var progress = Indicator(february, "2.1");
        Assert.Equal("computed", progress["source"]!.GetValue<string>());
        Assert.Equal(4, progress["numerator"]!.GetValue<long>());
        Assert.Equal(7, progress["denominator"]!.GetValue<long>());
        Assert.Equal(57.14m, progress["ratio"]!.GetValue<decimal>());
        Assert.Equal(11.43m, progress["points"]!.GetValue<decimal>()); // 20 × 4 / 7
        Assert.Equal(8.57m, progress["pointsLost"]!.GetValue<decimal>());
        Assert.Equal(3, progress["lostItems"]!.GetValue<long>());
        Assert.Equal(17.14m, progress["whatIf"]!["pointsAfter"]!.GetValue<decimal>()); // 20 × 6 / 7
        Assert.Equal("T2/2026", february["periodLabel"]!.GetValue<string>());
        // 3.4 (the procedure is full-online): none of the 6 received in February came online.
        Assert.Equal(0, Indicator(february, "3.4")["numerator"]!.GetValue<long>());
        Assert.Equal(6, Indicator(february, "3.4")["denominator"]!.GetValue<long>());
        Assert.Equal("notAvailable", Indicator(february, "1.4")["source"]!.GetValue<string>());

        // The loss list: exactly F, B (ended late) and D (open and overdue at the end of February), in receipt order,
        // one per page here, the cursor carrying on.
        var codes = (await ItemsAsync(head, "2.1", unit, limit: 1, total: 3, ct))
            .Select(i => (Code: i["code"]!.GetValue<string>(), Ended: i["ended"]!.GetValue<bool>(), Link: i["link"]!.GetValue<string>())).ToList();
        Assert.Equal([(known.F, true), (known.B, true), (known.D, false)], codes.Select(c => (c.Code, c.Ended)));
        Assert.All(codes, c => Assert.StartsWith("/Work/Dossier/", c.Link, StringComparison.Ordinal));
        var d = (await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard/2.1/items?unit={unit}&year=2026&month=2", ct), ct))["items"]!.AsArray()[2]!;
        // D: due 05/02, judged at the end of 28/02: 06/02, 09–13/02 and 23–27/02 are working days (Tết 16–20/02 is not).
        Assert.Equal(11, d["lateWorkingDays"]!.GetValue<int>());

        // 5.4 from the statistics: of the five whose processing ended in February (F, A, C withdrawn, B, E), F and B
        // ended late by DVCQG's test; its loss list names them in receipt order, a page at a time.
        var satisfaction = Indicator(february, "5.4");
        Assert.Equal((3L, 5L), (satisfaction["numerator"]!.GetValue<long>(), satisfaction["denominator"]!.GetValue<long>()));
        // B's applicant takes the result in March and rates it "dissatisfied": late and disliked counts twice in the
        // rule (5 − 2 late − 1 disliked), once in the list; the rating counts in February, when B ended.
        var desk = await harness.ClientAsync(Desk, ct);
        await FireStepsAsync(known.BId, 6, ct, (desk, "ReturnResult", null));
        using (var rated = await desk.PostAsJsonAsync($"/api/v1/dossiers/{known.BId}/rating", new { overall = 2, channel = "Paper" }, ct))
        {
            Assert.True(rated.StatusCode == HttpStatusCode.Created, await rated.Content.ReadAsStringAsync(ct));
        }

        satisfaction = Indicator(await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&month=2", ct), ct), "5.4");
        Assert.Equal((2L, 5L), (satisfaction["numerator"]!.GetValue<long>(), satisfaction["denominator"]!.GetValue<long>()));
        var marchSatisfaction = Indicator(await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&month=3", ct), ct), "5.4");
        Assert.Equal((0L, 1L), (marchSatisfaction["numerator"]!.GetValue<long>(), marchSatisfaction["denominator"]!.GetValue<long>()));
        var losses = (await ItemsAsync(head, "5.4", unit, limit: 1, total: 2, ct)).Select(i => i["code"]!.GetValue<string>());
        Assert.Equal([known.F, known.B], losses);

        // Group 5 from the documents' flags: A gets a digitised component and an electronic result, B a component taken
        // from data already digitised. February ended with a result: F, A, B, E (C was withdrawn); received: A–E and G.
        await UploadAsync(desk, known.AId, "Tờ khai", ("digitised", "true"), ct);
        await UploadAsync(desk, known.AId, "Kết quả giải quyết", ("isElectronicResult", "true"), ct);
        await UploadAsync(desk, known.BId, "Giấy tờ đã số hóa", ("reusedFromDigitisedData", "true"), ct);
        await harness.InScopeAsync(sp => DossierStatistics.ApplyAllQueuedAsync(sp.GetRequiredService<AppDbContext>(), ct));
        var digitised = await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&month=2", ct), ct);
        foreach (var (id, numerator, denominator, points) in new[] { ("4.1", 1L, 4L, 1.50m), ("4.2", 1L, 6L, 0.67m), ("4.3", 1L, 6L, 0.42m) })
        {
            var row = Indicator(digitised, id);
            Assert.Equal(("computed", numerator, denominator, points),
                (row["source"]!.GetValue<string>(), row["numerator"]!.GetValue<long>(), row["denominator"]!.GetValue<long>(), row["points"]!.GetValue<decimal>()));
        }

        // 4.1's loss list: the three that ended with a result but no electronic result file, in receipt order.
        var withoutResult = (await ItemsAsync(head, "4.1", unit, limit: 2, total: 3, ct)).Select(i => i["code"]!.GetValue<string>());
        Assert.Equal([known.F, known.B, known.E], withoutResult);

        // March: D (ended late) and G (open, due 03/03, overdue on 31/03) are what there is to handle; both late.
        var march = Indicator(await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&month=3", ct), ct), "2.1");
        Assert.Equal((0L, 2L, 0.00m), (march["numerator"]!.GetValue<long>(), march["denominator"]!.GetValue<long>(), march["points"]!.GetValue<decimal>()));
        // Q1: received 8 less none ended before → 8; late F, B, D (ended late) and G (open and overdue) → 4.
        var quarter = Indicator(await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&quarter=1", ct), ct), "2.1");
        Assert.Equal((4L, 8L, 10.00m), (quarter["numerator"]!.GetValue<long>(), quarter["denominator"]!.GetValue<long>(), quarter["points"]!.GetValue<decimal>()));

        // The benchmark entry point gives the same figure as the API.
        await harness.InScopeAsync(async sp =>
        {
            var card = await ServiceIndexScorecards.EvaluateAsync(sp.GetRequiredService<AppDbContext>(), unit, Domain.ServiceIndex.ScorecardPeriod.Month(2026, 2), ct: ct);
            Assert.Equal(11.43m, card.Row("2.1")!.Points);
        });
    }

    [Theory, AllDatabases]
    public async Task ImportedFigures_AreScored_ReplacedOnReimport_AndOnlyImportersMayImport(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var admin = await harness.ClientAsync(Admin, ct);
        var head = await harness.ClientAsync(Head, ct);
        var unit = Unit(Justice);
        object Body(long numerator) => new
        {
            unit,
            year = 2026,
            month = 2,
            figures = new[] { new { indicator = "1.4", numerator, denominator = 130L, sourceNote = "Cổng DVCQG, 05/03/2026" }, new { indicator = "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", numerator = 60L, denominator = 100L, sourceNote = "CSDLQG" } },
        };

        using (var refused = await head.PostAsJsonAsync("/api/v1/serviceindex/figures", Body(120), ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var imported = await admin.PostAsJsonAsync("/api/v1/serviceindex/figures", Body(120), ct))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            Assert.Equal("4.4", (await ReadAsync(imported, ct))["figures"]!.AsArray()[1]!["indicator"]!.GetValue<string>());
        }

        var card = await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&month=2", ct), ct);
        Assert.Equal(("imported", 5.54m), (Indicator(card, "1.4")["source"]!.GetValue<string>(), Indicator(card, "1.4")["points"]!.GetValue<decimal>()));
        Assert.Equal(2.40m, Indicator(card, "4.4")["points"]!.GetValue<decimal>()); // 4 × 60 / 100
        Assert.Equal("Cổng DVCQG, 05/03/2026", Indicator(card, "1.4")["note"]!.GetValue<string>());
        // Another period has no figures.
        var january = await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&month=1", ct), ct);
        Assert.Equal("notAvailable", Indicator(january, "1.4")["source"]!.GetValue<string>());

        using (var again = await admin.PostAsJsonAsync("/api/v1/serviceindex/figures", Body(125), ct))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        card = await ReadAsync(await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={unit}&year=2026&month=2", ct), ct);
        Assert.Equal(5.77m, Indicator(card, "1.4")["points"]!.GetValue<decimal>()); // 6 × 125 / 130
        await harness.InScopeAsync(async sp =>
            Assert.Equal(2, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(sp.GetRequiredService<AppDbContext>().ServiceIndexFigures, ct)));

        using var invalid = await admin.PostAsJsonAsync("/api/v1/serviceindex/figures",
            new { unit, year = 2026, figures = new[] { new { indicator = "9.9", numerator = -1L, denominator = 1L, sourceNote = "" } } }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ReadAsync(invalid, ct))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("figures[0].indicator") && errors.ContainsKey("figures[0].numerator") && errors.ContainsKey("figures[0].sourceNote"));
    }

    [Theory, AllDatabases]
    public async Task AnotherUnit_403_BadPeriods_400_UnknownList_404(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var head = await harness.ClientAsync(Head, ct);

        foreach (var path in new[] { "scorecard", "ranking", "scorecard/2.1/items" })
        {
            using var other = await head.GetAsync($"/api/v1/serviceindex/{path}?unit={Unit(ChiengAn)}&year=2026&month=2", ct);
            Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        }

        foreach (var query in new[] { "year=2026&month=13", "year=2026&quarter=1&month=2", "quarter=2", "year=1999", "year=2026&from=2026-01-01", "year=2026&whatIf=-1" })
        {
            using var bad = await head.GetAsync($"/api/v1/serviceindex/scorecard?unit={Unit(Justice)}&{query}", ct);
            Assert.True(HttpStatusCode.BadRequest == bad.StatusCode, query);
        }

        using var badCursor = await head.GetAsync($"/api/v1/serviceindex/scorecard/2.1/items?unit={Unit(Justice)}&year=2026&after=x", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        using var unknown = await head.GetAsync($"/api/v1/serviceindex/scorecard/1.1/items?unit={Unit(Justice)}&year=2026", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var anonymous = await harness.Anonymous().GetAsync($"/api/v1/serviceindex/scorecard?unit={Unit(Justice)}", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var indicators = await head.GetAsync("/api/v1/serviceindex/indicators?date=2026-06-30", ct);
        Assert.Equal(21, (await ReadAsync(indicators, ct))["indicators"]!.AsArray().Count);
    }

    private static async Task UploadAsync(HttpClient client, Guid dossier, string component, (string Name, string Value) flag, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(SampleFiles.Pdf()), "file", "tep.pdf" }, { new StringContent(component), "componentName" },
            { new StringContent(flag.Value), flag.Name },
        };
        form.First().Headers.ContentType = new("application/pdf");
        using var response = await client.PostAsync($"/api/v1/dossiers/{dossier}/documents", form, ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
    }

    // Every item of an indicator's loss list for February 2026, following the cursor page by page; each page names the
    // same total.
    private static async Task<List<JsonObject>> ItemsAsync(HttpClient client, string indicator, Guid unit, int limit, long total, CancellationToken ct)
    {
        var items = new List<JsonObject>();
        string? after = null;
        do
        {
            var page = await ReadAsync(await client.GetAsync(
                $"/api/v1/serviceindex/scorecard/{indicator}/items?unit={unit}&year=2026&month=2&limit={limit}{(after is null ? "" : "&after=" + after)}", ct), ct);
            Assert.Equal(total, page["total"]!.GetValue<long>());
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null && items.Count < 10);
        return items;
    }
}
