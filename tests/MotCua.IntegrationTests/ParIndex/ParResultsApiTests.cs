using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MotCua.Domain.Access;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>/api/v1/parindex/results and /published (issue 11 §4): before publication Home Affairs sees every unit ranked
/// and a unit's officers only their own, the public nothing; Home Affairs alone publishes (confirming), the published
/// snapshot does not move when results change or the framework is copied to a new year; a correction is a new version with a
/// reason and the old one stays readable; the CSV export; the comparison with last year's published results; the simulator
/// for the unit's own officers and Home Affairs only.</summary>
public sealed class ParResultsApiTests
{
    private const string Assessments = "/api/v1/parindex/assessments";
    private const string Results = "/api/v1/parindex/results";
    private const string Published = "/api/v1/parindex/published";
    private const string Finance = "000.00.04.H56";
    private const string Health = "000.00.07.H56";
    private const string FinanceHead = "lanhdao.taichinh@motcua.local";
    private const string HealthHead = "lanhdao.yte@motcua.local";

    private static Guid DepartmentFramework => DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    /// <summary>The unit's officer opens its assessment under <paramref name="framework"/>, ticks <paramref name="rows"/> of
    /// 1.1.1 with a published decision as evidence, and its head submits it.</summary>
    private static async Task SubmitAsync(HttpClient officer, HttpClient head, Guid framework, string unit, string[] rows, CancellationToken ct)
    {
        var id = (await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework, unit = Unit(unit) }, ct), ct))["id"]!.GetValue<Guid>();
        await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1", new
        {
            revision = 1,
            checkedRows = rows,
            evidence = new[] { new { kind = "Url", reference = "https://sonla.gov.vn/qd/12-qd" } },
        }, ct), ct);
        await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{id}/submit", new { revision = 2 }, ct), ct);
    }

    private static JsonNode Line(JsonNode results, string unit) =>
        results["units"]!.AsArray().Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(unit))!;

    [Theory, AllDatabases]
    public async Task Publication_IsWhatThePublicReads_ASnapshotThatLaterChangesDoNotMove_AndACorrectionIsANewVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await CreateCommuneAppraiserAsync(harness, ct);
        await harness.CreateStaffAsync(FinanceHead, StaffRole.AgencyHead, Finance, ct);
        await harness.CreateStaffAsync(HealthHead, StaffRole.AgencyHead, Health, ct);
        var (officer, head, commune, homeAffairs, communeHomeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(CommuneHomeAffairs, ct));
        var (finance, health, anonymous) = (await harness.ClientAsync(FinanceHead, ct), await harness.ClientAsync(HealthHead, ct), harness.Anonymous());
        await SubmitAsync(officer, head, DepartmentFramework, Justice, ["a", "b", "c", "d"], ct);
        await SubmitAsync(finance, finance, DepartmentFramework, Finance, ["a", "b"], ct);

        // Before publication: the public sees nothing; Home Affairs every department, ranked; an officer only their unit.
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonArray>(Published, ct))!);
        await ProblemAsync(await anonymous.GetAsync($"{Published}/{DepartmentFramework}", ct), HttpStatusCode.NotFound, ct);
        await ProblemAsync(await anonymous.GetAsync($"{Published}/{DepartmentFramework}/export", ct), HttpStatusCode.NotFound, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Results}?framework={DepartmentFramework}", ct)).StatusCode);
        var live = await OkAsync(await homeAffairs.GetAsync($"{Results}?framework={DepartmentFramework}", ct), ct);
        Assert.Equal((true, true, 12, 10), (live["oversee"]!.GetValue<bool>(), live["mayPublish"]!.GetValue<bool>(),
            live["results"]!["units"]!.AsArray().Count, live["notFinished"]!.AsArray().Count));
        var justice = Line(live["results"]!, Justice);
        var financeLine = Line(live["results"]!, Finance);
        Assert.Equal((1, 2), (justice["rank"]!.GetValue<int>(), financeLine["rank"]!.GetValue<int>()));
        Assert.Equal(1m, justice["areas"]![0]!["points"]!.GetValue<decimal>());
        Assert.Equal(0.5m, financeLine["criteria"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "1.1")!["points"]!.GetValue<decimal>());
        Assert.False(Line(live["results"]!, Health)["ranked"]!.GetValue<bool>());
        Assert.Equal("NotOpened", live["notFinished"]!.AsArray().Single(n => n!["unitId"]!.GetValue<Guid>() == Unit(Health))!["status"]!.GetValue<string>());
        var own = await OkAsync(await officer.GetAsync($"{Results}?framework={DepartmentFramework}", ct), ct);
        Assert.Equal([Unit(Justice)], own["results"]!["units"]!.AsArray().Select(u => u!["unitId"]!.GetValue<Guid>()));
        Assert.Equal((false, false), (own["oversee"]!.GetValue<bool>(), own["mayPublish"]!.GetValue<bool>()));
        await ProblemAsync(await commune.GetAsync($"{Results}?framework={DepartmentFramework}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.GetAsync(Results, ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await homeAffairs.GetAsync($"{Results}?framework={Guid.NewGuid()}", ct), HttpStatusCode.NotFound, ct);

        // Only the province's Home Affairs publishes, and only confirming.
        var publish = $"{Results}/{DepartmentFramework}/publish";
        foreach (var attacker in new[] { officer, head, finance, commune, communeHomeAffairs })
        {
            await ProblemAsync(await attacker.PostAsJsonAsync(publish, new { confirm = true }, ct), HttpStatusCode.Forbidden, ct);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(publish, new { confirm = true }, ct)).StatusCode);
        var unconfirmed = await ProblemAsync(await homeAffairs.PostAsJsonAsync(publish, new { }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.publication_confirm", unconfirmed["codes"]!["confirm"]![0]!.GetValue<string>());
        var first = await CreatedAsync(await homeAffairs.PostAsJsonAsync(publish, new { confirm = true }, ct), ct);
        Assert.Equal((1, true, 2), (first["number"]!.GetValue<int>(), first["latest"]!.GetValue<bool>(), Ranked(first)));

        // After publication anyone reads it, and the export.
        var listed = Assert.Single((await anonymous.GetFromJsonAsync<JsonArray>($"{Published}?year=2026&level=Department", ct))!)!;
        Assert.Equal((DepartmentFramework, 1, 2, 12), (listed["frameworkId"]!.GetValue<Guid>(), listed["number"]!.GetValue<int>(),
            listed["ranked"]!.GetValue<int>(), listed["units"]!.GetValue<int>()));
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonArray>($"{Published}?level=Commune", ct))!);
        var bad = await ProblemAsync(await anonymous.GetAsync($"{Published}?level=Huyen", ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.level_invalid", bad["codes"]!["level"]![0]!.GetValue<string>());
        var read = await OkAsync(await anonymous.GetAsync($"{Published}/{DepartmentFramework}", ct), ct);
        Assert.Equal((1, 2), (Line(read["results"]!, Justice)["rank"]!.GetValue<int>(), Line(read["results"]!, Finance)["rank"]!.GetValue<int>()));
        var justicePercent = Line(read["results"]!, Justice)["percentage"]!.GetValue<decimal>();
        var export = await anonymous.GetAsync($"{Published}/{DepartmentFramework}/export", ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("chi-so-cchc-2026-department-sonla-so-v1.csv", export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName);
        var bytes = await export.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, csv.Length);
        Assert.StartsWith("Xếp hạng,Đơn vị,Mã định danh,Điểm các lĩnh vực,\"Điểm thưởng, điểm trừ\",Tổng điểm,Điểm tối đa áp dụng,Chỉ số (%),Nhóm,\"Lĩnh vực 1 – ", csv[0]);
        var justiceBand = Line(read["results"]!, Justice)["band"]!.GetValue<string>();
        Assert.StartsWith($"1,Sở Tư pháp tỉnh Sơn La,{Justice},", csv[1]);
        Assert.Contains($",{justicePercent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)},{justiceBand},", csv[1]);
        Assert.Contains(csv, l => l.Contains(Health, StringComparison.Ordinal) && l.Contains("Chưa xếp hạng", StringComparison.Ordinal));

        // Health submits after publication, and the framework is copied to 2027 and edited: the publication does not move.
        await SubmitAsync(health, health, DepartmentFramework, Health, ["a", "b", "c", "d"], ct);
        var copy = await CreatedAsync(await homeAffairs.PostAsJsonAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}/copy", new { year = 2027 }, ct), ct);
        Assert.Equal(2, Ranked(await OkAsync(await anonymous.GetAsync($"{Published}/{DepartmentFramework}", ct), ct)));
        Assert.Equal(3, (await OkAsync(await homeAffairs.GetAsync($"{Results}?framework={DepartmentFramework}", ct), ct))["results"]!["units"]!.AsArray()
            .Count(u => u!["ranked"]!.GetValue<bool>()));

        // A correction needs a reason; it is version 2; version 1 stays readable as it was.
        var noReason = await ProblemAsync(await homeAffairs.PostAsJsonAsync(publish, new { confirm = true }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.publication_reason", noReason["codes"]!["reason"]![0]!.GetValue<string>());
        var second = await CreatedAsync(await homeAffairs.PostAsJsonAsync(publish, new { confirm = true, reason = "Sở Y tế nộp bổ sung" }, ct), ct);
        Assert.Equal((2, "Sở Y tế nộp bổ sung", 3), (second["number"]!.GetValue<int>(), second["reason"]!.GetValue<string>(), Ranked(second)));
        var old = await OkAsync(await anonymous.GetAsync($"{Published}/{DepartmentFramework}?version=1", ct), ct);
        Assert.Equal((1, false, 2, 2), (old["number"]!.GetValue<int>(), old["latest"]!.GetValue<bool>(), Ranked(old), old["versions"]!.AsArray().Count));
        Assert.Null(old["versions"]![0]!["publishedBy"]);
        Assert.Equal(2, (await OkAsync(await homeAffairs.GetAsync($"{Results}?framework={DepartmentFramework}", ct), ct))["publications"]!.AsArray().Count);
        await ProblemAsync(await anonymous.GetAsync($"{Published}/{DepartmentFramework}?version=3", ct), HttpStatusCode.NotFound, ct);

        // The draft copy is not published (not issued: 422).
        var copyId = copy["id"]!.GetValue<Guid>();
        await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Results}/{copyId}/publish", new { confirm = true }, ct), HttpStatusCode.UnprocessableEntity, ct,
            "par.framework_not_issued");
    }

    [Theory, AllDatabases]
    public async Task Comparison_AgainstLastYearsPublication_AndTheSimulator_ForTheUnitsOwnOfficersAndHomeAffairsOnly(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await harness.CreateStaffAsync(FinanceHead, StaffRole.AgencyHead, Finance, ct);
        var (officer, head, commune, homeAffairs, finance, anonymous) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(FinanceHead, ct), harness.Anonymous());

        // 2026: Justice ticks two rows of 1.1.1, Finance all four; published.
        await SubmitAsync(officer, head, DepartmentFramework, Justice, ["a", "b"], ct);
        await SubmitAsync(finance, finance, DepartmentFramework, Finance, ["a", "b", "c", "d"], ct);
        await CreatedAsync(await homeAffairs.PostAsJsonAsync($"{Results}/{DepartmentFramework}/publish", new { confirm = true }, ct), ct);
        var none = await OkAsync(await anonymous.GetAsync($"{Published}/{DepartmentFramework}/comparison", ct), ct);
        Assert.Null(none["previousFrameworkId"]);
        Assert.All(none["comparison"]!["criteria"]!.AsArray(), c => Assert.Equal("New", c!["status"]!.GetValue<string>()));

        // 2027: the framework copied (codes kept) and issued; Justice now ticks all four, Finance one; published.
        var copy = await CreatedAsync(await homeAffairs.PostAsJsonAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}/copy", new { year = 2027 }, ct), ct);
        var next = copy["id"]!.GetValue<Guid>();
        await OkAsync(await homeAffairs.PostAsJsonAsync($"/api/v1/parindex/frameworks/{next}/issue",
            new { revision = copy["revision"]!.GetValue<int>(), decisionNumber = "15/QĐ-UBND" }, ct), ct);
        await SubmitAsync(officer, head, next, Justice, ["a", "b", "c", "d"], ct);
        await SubmitAsync(finance, finance, next, Finance, ["a"], ct);
        await ProblemAsync(await anonymous.GetAsync($"{Published}/{next}/comparison", ct), HttpStatusCode.NotFound, ct);
        await CreatedAsync(await homeAffairs.PostAsJsonAsync($"{Results}/{next}/publish", new { confirm = true }, ct), ct);

        var compared = await OkAsync(await anonymous.GetAsync($"{Published}/{next}/comparison", ct), ct);
        Assert.Equal((DepartmentFramework, 1, 2027), (compared["previousFrameworkId"]!.GetValue<Guid>(), compared["previousNumber"]!.GetValue<int>(),
            compared["year"]!.GetValue<int>()));
        Assert.All(compared["comparison"]!["criteria"]!.AsArray(), c => Assert.Equal("Kept", c!["status"]!.GetValue<string>()));
        JsonNode UnitOf(string code) => compared["comparison"]!["units"]!.AsArray().Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(code))!;
        Assert.Equal((0.5m, 0m, 0.5m, 1, 2), (UnitOf(Justice)["gained"]!.GetValue<decimal>(), UnitOf(Justice)["lost"]!.GetValue<decimal>(),
            UnitOf(Justice)["change"]!.GetValue<decimal>(), UnitOf(Justice)["rank"]!.GetValue<int>(), UnitOf(Justice)["previousRank"]!.GetValue<int>()));
        Assert.Equal((0m, 0.75m), (UnitOf(Finance)["gained"]!.GetValue<decimal>(), UnitOf(Finance)["lost"]!.GetValue<decimal>()));
        var criterion = UnitOf(Finance)["criteria"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "1.1")!;
        Assert.Equal((0.25m, 1m, -0.75m), (criterion["points"]!.GetValue<decimal>(), criterion["previousPoints"]!.GetValue<decimal>(),
            criterion["change"]!.GetValue<decimal>()));

        // The simulator: 1.1.1 lost 0.75 of Finance's points; recovering it ties Finance with Justice at rank 1.
        var simulator = $"{Results}/{next}/simulator";
        var simulated = await OkAsync(await finance.GetAsync($"{simulator}?unit={Unit(Finance)}", ct), ct);
        Assert.Equal(("Final", 2), (simulated["basis"]!.GetValue<string>(), simulated["current"]!["rank"]!.GetValue<int>()));
        var lines = simulated["lines"]!.AsArray();
        var lost = lines.Select(l => l!["lost"]!.GetValue<decimal>()).ToList();
        Assert.Equal(lost.OrderDescending(), lost);
        var recovered = lines.Single(l => l!["code"]!.GetValue<string>() == "1.1.1")!;
        Assert.Equal((0.75m, 1), (recovered["lost"]!.GetValue<decimal>(), recovered["alone"]!["rank"]!.GetValue<int>()));
        Assert.Equal(simulated["current"]!["total"]!.GetValue<decimal>() + 0.75m, recovered["alone"]!["total"]!.GetValue<decimal>());
        var last = lines[^1]!["cumulative"]!;
        Assert.Equal((1, "A"), (last["rank"]!.GetValue<int>(), last["band"]!.GetValue<string>()));
        Assert.True(last["percentage"]!.GetValue<decimal>() >= 100m);
        Assert.Equal(simulated["unitName"]!.GetValue<string>(),
            (await OkAsync(await homeAffairs.GetAsync($"{simulator}?unit={Unit(Finance)}", ct), ct))["unitName"]!.GetValue<string>());

        // Attacks: another unit's officers, a commune's officer, no login; an unknown unit or none.
        await ProblemAsync(await officer.GetAsync($"{simulator}?unit={Unit(Finance)}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await finance.GetAsync($"{simulator}?unit={Unit(Justice)}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await commune.GetAsync($"{simulator}?unit={Unit(Finance)}", ct), HttpStatusCode.Forbidden, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{simulator}?unit={Unit(Finance)}", ct)).StatusCode);
        await ProblemAsync(await homeAffairs.GetAsync($"{simulator}?unit={Unit(TuHieu)}", ct), HttpStatusCode.NotFound, ct);
        await ProblemAsync(await homeAffairs.GetAsync(simulator, ct), HttpStatusCode.BadRequest, ct);
    }

    private static int Ranked(JsonNode published) => published["results"]!["units"]!.AsArray().Count(u => u!["ranked"]!.GetValue<bool>());
}
