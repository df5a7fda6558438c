using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.ParIndex;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>/api/v1/parindex/frameworks (issue 11 §1): staff of the province read; only its administrators and Home
/// Affairs appraisers write; a draft is editable, an issued framework is not; import, export and copy round-trip.</summary>
public sealed class ParFrameworkApiTests
{
    private const string Frameworks = "/api/v1/parindex/frameworks";

    private static readonly Guid Province = DemoData.UnitId(DemoData.ProvinceCode);

    private static Guid DepartmentFramework => DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    [Theory, AllDatabases]
    public async Task StaffRead_HomeAffairsWrites_DraftsOnly(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (homeAffairs, admin, desk, handler) = (await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(Admin, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Handler, ct));

        // The demo seeds the two 2026 frameworks, issued; a commune desk officer and a department officer read them.
        var list = (await desk.GetFromJsonAsync<JsonArray>($"{Frameworks}?unit={Province}&year=2026", ct))!;
        Assert.Equal(["Department", "Commune"], list.Select(f => f!["level"]!.GetValue<string>()));
        Assert.All(list, f => Assert.Equal(100m, f!["scoredMax"]!.GetValue<decimal>()));
        Assert.Single((await handler.GetFromJsonAsync<JsonArray>($"{Frameworks}?level=commune", ct))!);
        var issued = await OkAsync(await desk.GetAsync($"{Frameworks}/{DepartmentFramework}", ct), ct);
        Assert.Equal(("Issued", false), (issued["status"]!.GetValue<string>(), issued["mayEdit"]!.GetValue<bool>()));
        Assert.Equal(9, issued["areas"]!.AsArray().Count);
        Assert.Empty(issued["problems"]!.AsArray());

        // An issued framework cannot be edited, even by Home Affairs; nobody outside Home Affairs and administrators writes.
        var revision = issued["revision"]!.GetValue<int>();
        var rename = new { revision, subCriterion = new { name = "Tên mới" } };
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Frameworks}/{DepartmentFramework}/subcriteria/1.1.1", rename, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.framework_issued");
        await ProblemAsync(await desk.PostAsJsonAsync($"{Frameworks}/{DepartmentFramework}/copy", new { year = 2027 }, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await handler.PostAsJsonAsync($"{Frameworks}/{DepartmentFramework}/copy", new { year = 2027 }, ct), HttpStatusCode.Forbidden, ct);

        // Copy to 2027: a new draft; Home Affairs edits it, a commune officer cannot; last year's stays as it was.
        var draft = await CreatedAsync(await homeAffairs.PostAsJsonAsync($"{Frameworks}/{DepartmentFramework}/copy", new { year = 2027 }, ct), ct);
        var draftId = draft["id"]!.GetValue<Guid>();
        Assert.Equal(("Draft", 2027, 1, true), (draft["status"]!.GetValue<string>(), draft["year"]!.GetValue<int>(), draft["version"]!.GetValue<int>(), draft["mayEdit"]!.GetValue<bool>()));
        Assert.Equal(DepartmentFramework, draft["copiedFromId"]!.GetValue<Guid>());
        var edit = new
        {
            revision = draft["revision"]!.GetValue<int>(),
            subCriterion = new { name = "Ban hành kế hoạch CCHC năm 2027", appliesTo = "Department", method = new { kind = "Binary" } },
        };
        await ProblemAsync(await desk.PutAsJsonAsync($"{Frameworks}/{draftId}/subcriteria/1.1.1", edit, ct), HttpStatusCode.Forbidden, ct);
        var edited = await OkAsync(await homeAffairs.PutAsJsonAsync($"{Frameworks}/{draftId}/subcriteria/1.1.1", edit, ct), ct);
        var sub = edited["areas"]![0]!["criteria"]![0]!["subCriteria"]![0]!;
        Assert.Equal(("Ban hành kế hoạch CCHC năm 2027", "Binary", "Department", 1m),
            (sub["name"]!.GetValue<string>(), sub["method"]!["kind"]!.GetValue<string>(), sub["appliesTo"]!.GetValue<string>(), sub["maxPoints"]!.GetValue<decimal>()));
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Frameworks}/{draftId}/subcriteria/1.1.1", edit, ct), HttpStatusCode.Conflict, ct);
        var last = await OkAsync(await desk.GetAsync($"{Frameworks}/{DepartmentFramework}", ct), ct);
        Assert.Equal("Checklist", last["areas"]![0]!["criteria"]![0]!["subCriteria"]![0]!["method"]!["kind"]!.GetValue<string>());
        Assert.Equal(revision, last["revision"]!.GetValue<int>());

        // A structural problem is a 400 naming the field and its code; a new maximum the declared totals miss stops issuing.
        var rev = edited["revision"]!.GetValue<int>();
        var badRows = await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Frameworks}/{draftId}/subcriteria/1.1.2",
            new { revision = rev, subCriterion = new { method = new { kind = "Checklist", rows = new[] { new { code = "a", text = "Một điều kiện", points = 0.25 } } } } }, ct),
            HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.rows_points_mismatch", badRows["codes"]!["areas[0].criteria[0].subCriteria[1].method.rows"]![0]!.GetValue<string>());
        Assert.Contains("areas[0].criteria[0].subCriteria[1].method.rows", badRows["errors"]!.AsObject().Select(e => e.Key));
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Frameworks}/{draftId}/subcriteria/9.9.9", new { revision = rev, subCriterion = new { } }, ct), HttpStatusCode.NotFound, ct);
        var bigger = await OkAsync(await homeAffairs.PutAsJsonAsync($"{Frameworks}/{draftId}/subcriteria/1.1.1",
            new { revision = rev, subCriterion = new { maxPoints = 1.5 } }, ct), ct);
        Assert.Contains(bigger["problems"]!.AsArray(), p => p!["code"]!.GetValue<string>() == "par.points_mismatch" && p["issueOnly"]!.GetValue<bool>());
        rev = bigger["revision"]!.GetValue<int>();
        var refused = await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Frameworks}/{draftId}/issue", new { revision = rev }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Contains("areas[0].criteria[0].maxPoints", refused["errors"]!.AsObject().Select(e => e.Key));
        rev = (await OkAsync(await homeAffairs.PutAsJsonAsync($"{Frameworks}/{draftId}/subcriteria/1.1.1",
            new { revision = rev, subCriterion = new { maxPoints = 1 } }, ct), ct))["revision"]!.GetValue<int>();
        await ProblemAsync(await desk.PostAsJsonAsync($"{Frameworks}/{draftId}/issue", new { revision = rev }, ct), HttpStatusCode.Forbidden, ct);
        var nowIssued = await OkAsync(await admin.PostAsJsonAsync($"{Frameworks}/{draftId}/issue", new { revision = rev, decisionNumber = "15/QĐ-UBND", decisionDate = "2026-12-01" }, ct), ct);
        Assert.Equal(("Issued", "15/QĐ-UBND"), (nowIssued["status"]!.GetValue<string>(), nowIssued["decisionNumber"]!.GetValue<string>()));
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Frameworks}/{draftId}/subcriteria/1.1.1", new { revision = nowIssued["revision"]!.GetValue<int>(), subCriterion = new { name = "x" } }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.framework_issued");
    }

    [Theory, AllDatabases]
    public async Task ExportImport_RoundTrips_AsANewDraft(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (homeAffairs, desk) = (await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(Desk, ct));
        using var exported = await desk.GetAsync($"{Frameworks}/{DepartmentFramework}/export", ct);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var json = await exported.Content.ReadAsStringAsync(ct);
        var (definition, problems) = ParFrameworkJson.Parse(json);
        Assert.Empty(problems);
        Assert.Equal(json, ParFrameworkJson.Write(definition!));

        var document = JsonNode.Parse(json)!;
        await ProblemAsync(await desk.PostAsJsonAsync(Frameworks, new { unit = Province, framework = document }, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync(Frameworks, new { unit = DemoData.UnitId("000.00.03.H56"), framework = document }, ct), HttpStatusCode.Forbidden, ct);
        var imported = await CreatedAsync(await homeAffairs.PostAsJsonAsync(Frameworks, new { unit = Province, framework = document }, ct), ct);
        var id = imported["id"]!.GetValue<Guid>();
        Assert.Equal(("Draft", 2), (imported["status"]!.GetValue<string>(), imported["version"]!.GetValue<int>()));
        using var again = await desk.GetAsync($"{Frameworks}/{id}/export", ct);
        var text = await again.Content.ReadAsStringAsync(ct);
        Assert.Equal(json.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal).Replace("\"status\": \"Issued\"", "\"status\": \"Draft\"", StringComparison.Ordinal), text);

        // A broken document writes nothing and names every problem with its code.
        document["areas"]![0]!["criteria"]![0]!["subCriteria"]![1]!["code"] = "1.1.1";
        document["level"] = "Tỉnh";
        var bad = await ProblemAsync(await homeAffairs.PostAsJsonAsync(Frameworks, new { unit = Province, framework = document }, ct), HttpStatusCode.BadRequest, ct);
        var keys = bad["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("framework.level", keys);
        Assert.Contains("framework.areas[0].criteria[0].subCriteria[1].code", keys);
        Assert.Equal("par.code_duplicate", bad["codes"]!["framework.areas[0].criteria[0].subCriteria[1].code"]![0]!.GetValue<string>());
        Assert.Equal("par.enum_invalid", bad["codes"]!["framework.level"]![0]!.GetValue<string>());
        await ProblemAsync(await homeAffairs.PostAsJsonAsync(Frameworks, new { framework = document }, ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await homeAffairs.GetAsync($"{Frameworks}?level=Province", ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Frameworks}/{DepartmentFramework}/copy", new { year = 1990 }, ct), HttpStatusCode.BadRequest, ct);
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(3, await db.ParFrameworks.CountAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task SomeoneWithoutARoleInTheProvince_ReadsNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        await ProblemAsync(await citizen.GetAsync(Frameworks, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await citizen.GetAsync($"{Frameworks}/{DepartmentFramework}", ct), HttpStatusCode.Forbidden, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        await ProblemAsync(await desk.GetAsync($"{Frameworks}/{Guid.NewGuid()}", ct), HttpStatusCode.NotFound, ct);
        await ProblemAsync(await desk.GetAsync($"{Frameworks}?unit={Guid.NewGuid()}", ct), HttpStatusCode.Forbidden, ct);
    }
}
