using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MotCua.Domain.Access;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>The appraisal API (issue 11 §3): Home Affairs assigns a council per area; only an assigned appraiser scores
/// the sub-criteria of their area; the unit sees the appraisal only once sent; the unit answers, its head submits; the
/// council's chair decides and finalises; Home Affairs reopens with a reason; imported survey figures merge as appraised
/// scores. Other units, unassigned appraisers, stale revisions and steps out of turn are refused.</summary>
public sealed class ParAppraisalApiTests
{
    private const string Api = "/api/v1/parindex";
    private const string Finance = "000.00.02.H56";
    private const string Planning = "000.00.04.H56";

    private static readonly string[] AllRows = ["a", "b", "c", "d"];
    private static readonly string[] TwoRows = ["a", "b"];
    private static readonly string[] ThreeRows = ["a", "b", "d"];

    private static Guid Framework => DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    private static JsonNode Line(JsonNode view, string code) => view["lines"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == code)!;

    [Theory, AllDatabases]
    public async Task AssignAppraiseClarifyDecideFinalise_WithEveryAttackRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var appraiserId = await harness.CreateStaffAsync("thamdinh@motcua.local", StaffRole.HandlingOfficer, Finance, ct);
        var chairId = await harness.CreateStaffAsync("chutich.hd@motcua.local", StaffRole.HandlingOfficer, Finance, ct);
        await harness.CreateStaffAsync("khac@motcua.local", StaffRole.HandlingOfficer, Planning, ct);
        var (officer, head, otherUnit, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct));
        var (appraiser, chair, stranger) = (await harness.ClientAsync("thamdinh@motcua.local", ct), await harness.ClientAsync("chutich.hd@motcua.local", ct),
            await harness.ClientAsync("khac@motcua.local", ct));

        // The Justice department submits its self-assessment.
        var id = (await OkAsync(await officer.PostAsJsonAsync($"{Api}/assessments", new { framework = Framework, unit = Unit(Justice) }, ct), ct))["id"]!.GetValue<Guid>();
        await OkAsync(await officer.PutAsJsonAsync($"{Api}/assessments/{id}/items/1.1.1", new
        {
            revision = 1,
            checkedRows = AllRows,
            evidence = new[] { new { kind = "Url", reference = "https://sonla.gov.vn/qd/12-qd-stp" } },
        }, ct), ct);
        var submitted = await OkAsync(await head.PostAsJsonAsync($"{Api}/assessments/{id}/submit", new { revision = 2 }, ct), ct);
        var revision = submitted["revision"]!.GetValue<int>();
        var appraisal = $"{Api}/assessments/{id}";

        // Nobody is assigned yet: the appraiser neither sees the board nor scores.
        await ProblemAsync(await appraiser.GetAsync($"{Api}/frameworks/{Framework}/appraisal", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await appraiser.PutAsJsonAsync($"{appraisal}/appraisal/items/1.1.1", new { revision, checkedRows = TwoRows, reason = "Thiếu" }, ct),
            HttpStatusCode.Forbidden, ct);

        // Only Home Affairs assigns; members are staff of the province; a council has a chair; revision 0 for a new one.
        var council = new { revision = 0, kind = "Council", members = new[] { appraiserId, chairId }, chair = chairId };
        await ProblemAsync(await officer.PutAsJsonAsync($"{Api}/frameworks/{Framework}/appraisal/areas/1", council, ct), HttpStatusCode.Forbidden, ct);
        var notStaff = await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Api}/frameworks/{Framework}/appraisal/areas/1",
            new { revision = 0, kind = "Appraisers", members = new[] { Guid.NewGuid() } }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.member_not_staff", notStaff["codes"]!["members"]![0]!.GetValue<string>());
        var noChair = await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Api}/frameworks/{Framework}/appraisal/areas/1",
            new { revision = 0, kind = "Council", members = new[] { appraiserId } }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.chair_required", noChair["codes"]!["chair"]![0]!.GetValue<string>());
        var board = await OkAsync(await homeAffairs.PutAsJsonAsync($"{Api}/frameworks/{Framework}/appraisal/areas/1", council, ct), ct);
        var area1 = board["areas"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "1")!;
        Assert.Equal(("Council", chairId, 1), (area1["kind"]!.GetValue<string>(), area1["chair"]!.GetValue<Guid>(), area1["revision"]!.GetValue<int>()));
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Api}/frameworks/{Framework}/appraisal/areas/1", council, ct), HttpStatusCode.Conflict, ct);
        var mine = await OkAsync(await appraiser.GetAsync($"{Api}/frameworks/{Framework}/appraisal", ct), ct);
        Assert.Equal(id, mine["units"]!.AsArray().Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(Justice))!["assessmentId"]!.GetValue<Guid>());
        Assert.Empty(mine["staff"]!.AsArray());

        // The assigned appraiser scores area 1 only; another department's officer sees nothing.
        await ProblemAsync(await stranger.GetAsync($"{appraisal}/appraisal", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await appraiser.PutAsJsonAsync($"{appraisal}/appraisal/items/2.1.1", new { revision, score = 0, reason = "x" }, ct),
            HttpStatusCode.Forbidden, ct);
        var noReason = await ProblemAsync(await appraiser.PutAsJsonAsync($"{appraisal}/appraisal/items/1.1.1", new { revision, checkedRows = TwoRows }, ct),
            HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.reason_differs", noReason["codes"]!["reason"]![0]!.GetValue<string>());
        var appraised = await OkAsync(await appraiser.PutAsJsonAsync($"{appraisal}/appraisal/items/1.1.1",
            new { revision, checkedRows = TwoRows, reason = "Chưa bố trí kinh phí, nhiệm vụ chưa có sản phẩm" }, ct), ct);
        Assert.Equal(("InAppraisal", 0.5m), (appraised["status"]!.GetValue<string>(), Line(appraised, "1.1.1")["appraised"]!["points"]!.GetValue<decimal>()));
        await ProblemAsync(await appraiser.PutAsJsonAsync($"{appraisal}/appraisal/items/1.1.1", new { revision, checkedRows = TwoRows, reason = "x" }, ct),
            HttpStatusCode.Conflict, ct);
        revision = appraised["revision"]!.GetValue<int>();

        // The unit does not see the appraisal yet, here or in its self-assessment's trail, and cannot answer.
        var unitView = await OkAsync(await officer.GetAsync($"{appraisal}/appraisal", ct), ct);
        Assert.False(unitView["appraisalShown"]!.GetValue<bool>());
        Assert.Null(Line(unitView, "1.1.1")["appraised"]);
        Assert.All((await OkAsync(await officer.GetAsync(appraisal, ct), ct))["changes"]!.AsArray(), c => Assert.Equal("1.1.1", c!["subCriterion"]!.GetValue<string>()));
        Assert.Single((await OkAsync(await officer.GetAsync(appraisal, ct), ct))["changes"]!.AsArray());
        await ProblemAsync(await officer.PutAsJsonAsync($"{appraisal}/clarification/items/1.1.1", new { revision, text = "x" }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.assessment_state");

        // Home Affairs imports a survey figure, merged as the appraised score with its source.
        var wrongSub = await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Api}/frameworks/{Framework}/survey-figures",
            new { figures = new[] { new { unit = Unit(Justice), subCriterion = "1.1.1", value = 3m, source = "x" } } }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.survey_only", wrongSub["codes"]!["figures[0].subCriterion"]![0]!.GetValue<string>());
        await ProblemAsync(await officer.PostAsJsonAsync($"{Api}/frameworks/{Framework}/survey-figures", new { figures = Array.Empty<object>() }, ct),
            HttpStatusCode.Forbidden, ct);
        var imported = await OkAsync(await homeAffairs.PostAsJsonAsync($"{Api}/frameworks/{Framework}/survey-figures",
            new { figures = new[] { new { unit = Unit(Justice), subCriterion = "8.2.1", value = 4.2m, source = "Điều tra XHH năm 2026 của Sở Nội vụ" } } }, ct), ct);
        Assert.Equal((1, 1), (imported["imported"]!.GetValue<int>(), imported["merged"]!.GetValue<int>()));
        var merged = await OkAsync(await homeAffairs.GetAsync($"{appraisal}/appraisal", ct), ct);
        Assert.Equal(("Điều tra XHH năm 2026 của Sở Nội vụ", 4.8m),
            (Line(merged, "8.2.1")["appraised"]!["source"]!.GetValue<string>(), Line(merged, "8.2.1")["appraised"]!["points"]!.GetValue<decimal>()));
        revision = merged["revision"]!.GetValue<int>();

        // Home Affairs sends the results; then no appraiser scores any more.
        await ProblemAsync(await appraiser.PostAsJsonAsync($"{appraisal}/appraisal/send", new { revision }, ct), HttpStatusCode.Forbidden, ct);
        var sent = await OkAsync(await homeAffairs.PostAsJsonAsync($"{appraisal}/appraisal/send", new { revision }, ct), ct);
        revision = sent["revision"]!.GetValue<int>();
        Assert.Equal("Clarification", sent["status"]!.GetValue<string>());
        await ProblemAsync(await appraiser.PutAsJsonAsync($"{appraisal}/appraisal/items/1.1.2", new { revision, tier = "L1" }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.assessment_state");

        // The unit sees the appraisal, answers with a proposal; only its head submits the answer.
        var shown = await OkAsync(await officer.GetAsync($"{appraisal}/appraisal", ct), ct);
        Assert.True(shown["appraisalShown"]!.GetValue<bool>());
        Assert.Equal("Chưa bố trí kinh phí, nhiệm vụ chưa có sản phẩm", Line(shown, "1.1.1")["appraised"]!["reason"]!.GetValue<string>());
        var answer = new
        {
            revision,
            text = "Đã có Quyết định bố trí kinh phí số 15/QĐ-STP",
            checkedRows = ThreeRows,
            evidence = new[] { new { kind = "Url", reference = "https://sonla.gov.vn/qd/15-qd-stp" } },
        };
        await ProblemAsync(await otherUnit.PutAsJsonAsync($"{appraisal}/clarification/items/1.1.1", answer, ct), HttpStatusCode.Forbidden, ct);
        var answered = await OkAsync(await officer.PutAsJsonAsync($"{appraisal}/clarification/items/1.1.1", answer, ct), ct);
        Assert.Equal(0.75m, Line(answered, "1.1.1")["answer"]!["proposedPoints"]!.GetValue<decimal>());
        revision = answered["revision"]!.GetValue<int>();
        await ProblemAsync(await officer.PostAsJsonAsync($"{appraisal}/clarification/submit", new { revision }, ct), HttpStatusCode.Forbidden, ct);
        revision = (await OkAsync(await head.PostAsJsonAsync($"{appraisal}/clarification/submit", new { revision }, ct), ct))["revision"]!.GetValue<int>();

        // The council's chair decides; a member who is not the chair may not; then the chair finalises.
        var decision = new { revision, checkedRows = ThreeRows, reason = "Hội đồng chấp nhận giải trình về kinh phí" };
        await ProblemAsync(await appraiser.PutAsJsonAsync($"{appraisal}/council/items/1.1.1", decision, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await chair.PutAsJsonAsync($"{appraisal}/council/items/8.2.1", new { revision, value = 5m, reason = "x" }, ct), HttpStatusCode.Forbidden, ct);
        revision = (await OkAsync(await chair.PutAsJsonAsync($"{appraisal}/council/items/1.1.1", decision, ct), ct))["revision"]!.GetValue<int>();
        var finalised = await OkAsync(await chair.PostAsJsonAsync($"{appraisal}/finalise", new { revision }, ct), ct);
        Assert.Equal("Finalised", finalised["status"]!.GetValue<string>());
        var self = finalised["selfTotals"]!["scoredTotal"]!.GetValue<decimal>();
        Assert.Equal(self - 0.25m + 4.8m, finalised["finalTotals"]!["scoredTotal"]!.GetValue<decimal>());
        Assert.Equal(["Self", "Appraisal", "Appraisal", "Clarification", "Council"], finalised["changes"]!.AsArray().Select(c => c!["stage"]!.GetValue<string>()));
        revision = finalised["revision"]!.GetValue<int>();

        // Nothing changes after finalisation except Home Affairs' reopen with a reason.
        await ProblemAsync(await chair.PutAsJsonAsync($"{appraisal}/council/items/1.1.1", decision with { revision = revision }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.assessment_state");
        await ProblemAsync(await chair.PostAsJsonAsync($"{appraisal}/reopen", new { revision, reason = "Sửa nhầm" }, ct), HttpStatusCode.Forbidden, ct);
        var noReopenReason = await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{appraisal}/reopen", new { revision }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.reason_required", noReopenReason["codes"]!["reason"]![0]!.GetValue<string>());
        var reopened = await OkAsync(await homeAffairs.PostAsJsonAsync($"{appraisal}/reopen", new { revision, reason = "Ghi nhầm điểm 1.1.1" }, ct), ct);
        Assert.Equal(("ClarificationAnswered", "Reopen"), (reopened["status"]!.GetValue<string>(), reopened["changes"]!.AsArray()[^1]!["stage"]!.GetValue<string>()));
    }

    [Theory, AllDatabases]
    public async Task ADraftIsNotAppraised_AndMissingRevisionsAreRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var appraiserId = await harness.CreateStaffAsync("thamdinh@motcua.local", StaffRole.HandlingOfficer, Finance, ct);
        var (officer, homeAffairs, appraiser) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(HomeAffairs, ct),
            await harness.ClientAsync("thamdinh@motcua.local", ct));
        var id = (await OkAsync(await officer.PostAsJsonAsync($"{Api}/assessments", new { framework = Framework, unit = Unit(Justice) }, ct), ct))["id"]!.GetValue<Guid>();
        await OkAsync(await homeAffairs.PutAsJsonAsync($"{Api}/frameworks/{Framework}/appraisal/areas/1",
            new { revision = 0, kind = "Appraisers", members = new[] { appraiserId } }, ct), ct);

        // An appraiser does not read a draft; Home Affairs may not send one; a missing revision is a 400.
        await ProblemAsync(await appraiser.GetAsync($"{Api}/assessments/{id}/appraisal", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Api}/assessments/{id}/appraisal/send", new { revision = 1 }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.assessment_state");
        var missing = await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Api}/assessments/{id}/appraisal/send", new { }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.revision_required", missing["codes"]!["revision"]![0]!.GetValue<string>());
        var badKind = await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Api}/frameworks/{Framework}/appraisal/areas/2",
            new { revision = 0, kind = "Panel", members = new[] { appraiserId } }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.enum_invalid", badKind["codes"]!["kind"]![0]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task SurveyMerge_TakesTheUnitsSipasIndexFromMotCuasCampaign(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, head, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(HomeAffairs, ct));

        // A SIPAS campaign of 2026 covering the Justice department, two paper ballots, closed.
        var questionnaire = await PublishedQuestionnaireAsync(homeAffairs, ct);
        var campaign = (await CreatedAsync(await homeAffairs.PostAsJsonAsync("/api/v1/surveys/campaigns", Campaign(questionnaire), ct), ct))["id"]!.GetValue<Guid>();
        var version = (await OkAsync(await StepAsync(homeAffairs, campaign, "StartSampling", 1, ct, 42), ct))["version"]!.GetValue<int>();
        await OkAsync(await StepAsync(homeAffairs, campaign, "StartCollecting", version, ct), ct);
        foreach (var (tt1, hl) in new[] { (5, 4), (3, 2) })
        {
            var answers = new object[] { new { questionCode = "TT1", value = tt1 }, new { questionCode = "CC1", value = 4 }, new { questionCode = "HL", value = hl } };
            await CreatedAsync(await homeAffairs.PostAsJsonAsync($"/api/v1/surveys/campaigns/{campaign}/ballots",
                new { unitId = Unit(Justice), collectedOn = new DateOnly(2026, 11, 24), answers }, ct), ct);
        }

        version = (await OkAsync(await homeAffairs.GetAsync($"/api/v1/surveys/campaigns/{campaign}", ct), ct))["version"]!.GetValue<int>();
        await OkAsync(await StepAsync(homeAffairs, campaign, "Close", version, ct), ct);
        var results = await OkAsync(await homeAffairs.GetAsync($"/api/v1/surveys/campaigns/{campaign}/results", ct), ct);
        var index = results["rows"]!.AsArray().Single(r => r!["unitId"]?.GetValue<Guid>() == Unit(Justice) && r["groupDimension"] is null
            && r["factor"]!.GetValue<string>() == "Overall")!["value"]!.GetValue<decimal>();

        // The Justice department submits; Home Affairs merges the survey figures: 8.1.1 takes the SIPAS index.
        var id = (await OkAsync(await officer.PostAsJsonAsync($"{Api}/assessments", new { framework = Framework, unit = Unit(Justice) }, ct), ct))["id"]!.GetValue<Guid>();
        await OkAsync(await head.PostAsJsonAsync($"{Api}/assessments/{id}/submit", new { revision = 1 }, ct), ct);
        var merged = await OkAsync(await homeAffairs.PostAsJsonAsync($"{Api}/frameworks/{Framework}/survey-figures", new { figures = Array.Empty<object>() }, ct), ct);
        Assert.Equal((0, 1), (merged["imported"]!.GetValue<int>(), merged["merged"]!.GetValue<int>()));
        var line = Line(await OkAsync(await homeAffairs.GetAsync($"{Api}/assessments/{id}/appraisal", ct), ct), "8.1.1")["appraised"]!;
        Assert.Equal(index, line["input"]!["value"]!.GetValue<decimal>());
        Assert.StartsWith("SIPAS 2026", line["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Math.Round(10m * index / 100m, 2, MidpointRounding.AwayFromZero), line["points"]!.GetValue<decimal>());
    }
}
