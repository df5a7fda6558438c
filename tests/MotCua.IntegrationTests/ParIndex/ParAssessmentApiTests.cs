using System.Net;
using System.Net.Http.Json;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>/api/v1/parindex/assessments (issue 11 §2): the unit's officers open and score its self-assessment, only its
/// head submits (with the evidence guard), nothing changes after submission, another unit's officer sees nothing, the
/// province's Home Affairs reads every unit's.</summary>
public sealed class ParAssessmentApiTests
{
    private const string Assessments = "/api/v1/parindex/assessments";

    private static readonly string[] ThreeRows = ["a", "b", "c"];
    private static readonly string[] AllRows = ["a", "b", "c", "d"];
    private static readonly string[] UnknownRow = ["zz"];

    private static Guid DepartmentFramework => DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    [Theory, AllDatabases]
    public async Task UnitOfficersScore_OnlyTheHeadSubmits_ThenItIsLocked(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, head, otherUnit, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct));
        var open = new { framework = DepartmentFramework, unit = Unit(Justice) };

        // The Justice department's officer opens it; opening again gives the same one. A commune's officer may not.
        var opened = await OkAsync(await officer.PostAsJsonAsync(Assessments, open, ct), ct);
        var id = opened["id"]!.GetValue<Guid>();
        Assert.Equal(("Draft", 1, true, false), (opened["status"]!.GetValue<string>(), opened["revision"]!.GetValue<int>(),
            opened["mayEdit"]!.GetValue<bool>(), opened["maySubmit"]!.GetValue<bool>()));
        Assert.Equal(id, (await OkAsync(await head.PostAsJsonAsync(Assessments, open, ct), ct))["id"]!.GetValue<Guid>());
        await ProblemAsync(await otherUnit.PostAsJsonAsync(Assessments, open, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await officer.PostAsJsonAsync(Assessments, new { framework = DepartmentFramework, unit = Unit(TuHieu) }, ct), HttpStatusCode.Forbidden, ct);
        var wrongLevel = await ProblemAsync(await officer.PostAsJsonAsync(Assessments,
            new { framework = DemoParIndexSeeder.FrameworkId("SONLA-XA", 2026), unit = Unit(Justice) }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.unit_level_mismatch", wrongLevel["codes"]!["unit"]![0]!.GetValue<string>());

        // Another unit's officer neither reads nor scores it; the province's Home Affairs reads it and does not score.
        await ProblemAsync(await otherUnit.GetAsync($"{Assessments}/{id}", ct), HttpStatusCode.Forbidden, ct);
        var checklist = new { revision = 1, checkedRows = ThreeRows, explanation = "Chưa bố trí kinh phí" };
        await ProblemAsync(await otherUnit.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1", checklist, ct), HttpStatusCode.Forbidden, ct);
        var read = await OkAsync(await homeAffairs.GetAsync($"{Assessments}/{id}", ct), ct);
        Assert.Equal(("Sở Tư pháp tỉnh Sơn La", false), (read["unitName"]!.GetValue<string>(), read["mayEdit"]!.GetValue<bool>()));
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1", checklist, ct), HttpStatusCode.Forbidden, ct);

        // A score that does not fit is a 400 with its code; a good one scores through the scorer.
        var bad = await ProblemAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1", new { revision = 1, checkedRows = UnknownRow }, ct),
            HttpStatusCode.BadRequest, ct);
        Assert.Contains("par.row_unknown", bad["codes"]!.AsObject().SelectMany(c => c.Value!.AsArray()).Select(v => v!.GetValue<string>()));
        var saved = await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1", checklist, ct), ct);
        // The system-sourced sub-criteria are MotCua's figures, scored beside the unit's own.
        Assert.Equal((2, 0.75m + SystemPoints(saved)), (saved["revision"]!.GetValue<int>(), saved["totals"]!["scoredTotal"]!.GetValue<decimal>()));
        var line = saved["lines"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == "1.1.1")!;
        Assert.Equal((0.75m, "Chưa bố trí kinh phí"), (line["points"]!.GetValue<decimal>(), line["explanation"]!.GetValue<string>()));
        await ProblemAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1", checklist, ct), HttpStatusCode.Conflict, ct);

        // Only the head submits, and not without the evidence the sub-criterion requires.
        await ProblemAsync(await officer.PostAsJsonAsync($"{Assessments}/{id}/submit", new { revision = 2 }, ct), HttpStatusCode.Forbidden, ct);
        var missing = await ProblemAsync(await head.PostAsJsonAsync($"{Assessments}/{id}/submit", new { revision = 2 }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.evidence_required", missing["codes"]!["items.1.1.1"]![0]!.GetValue<string>());
        var badEvidence = await ProblemAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1",
            new { revision = 2, checkedRows = ThreeRows, evidence = new[] { new { kind = "Document", reference = "not-a-hash" } } }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.evidence_invalid", badEvidence["codes"]!["evidence[0]"]![0]!.GetValue<string>());
        var withEvidence = await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1", new
        {
            revision = 2,
            checkedRows = AllRows,
            explanation = "Đã bố trí kinh phí",
            evidence = new[] { new { kind = "Url", reference = "https://sonla.gov.vn/qd/12-qd-stp" } },
            reason = "Bổ sung quyết định bố trí kinh phí",
        }, ct), ct);
        var changes = withEvidence["changes"]!.AsArray();
        Assert.Equal(2, changes.Count);
        Assert.Equal((0.75m, 1m, "Bổ sung quyết định bố trí kinh phí"),
            (changes[1]!["oldPoints"]!.GetValue<decimal>(), changes[1]!["newPoints"]!.GetValue<decimal>(), changes[1]!["reason"]!.GetValue<string>()));
        Assert.Empty(withEvidence["blocking"]!.AsArray());
        var submitted = await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{id}/submit", new { revision = 3 }, ct), ct);
        Assert.Equal(("Submitted", false, false), (submitted["status"]!.GetValue<string>(), submitted["mayEdit"]!.GetValue<bool>(), submitted["maySubmit"]!.GetValue<bool>()));

        // After submission nothing changes, whoever asks.
        await ProblemAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.2", new { revision = 4, tier = "L1" }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.assessment_submitted");
        await ProblemAsync(await head.PostAsJsonAsync($"{Assessments}/{id}/submit", new { revision = 4 }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.assessment_submitted");
        var final = await OkAsync(await homeAffairs.GetAsync($"{Assessments}/{id}", ct), ct);
        Assert.Equal(1m + SystemPoints(final), final["totals"]!["scoredTotal"]!.GetValue<decimal>());
    }

    /// <summary>The points of the system-sourced lines of an assessment view.</summary>
    internal static decimal SystemPoints(System.Text.Json.Nodes.JsonNode view) =>
        view["lines"]!.AsArray().Where(l => l!["formula"] is not null).Sum(l => l!["points"]!.GetValue<decimal>());
}
