using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>/api/v1/parindex/commitments (issue 11 §5): the unit's officers open it with the default proposal and edit the
/// targets, only its head signs (confirming), it is locked after, only the province's Home Affairs reopens it with a reason;
/// progress comes from the self-assessment (estimate while a draft, final once submitted); the board shows Home Affairs
/// every department and an officer only their own; another unit's officers see nothing.</summary>
public sealed class ParCommitmentApiTests
{
    private const string Commitments = "/api/v1/parindex/commitments";
    private const string Assessments = "/api/v1/parindex/assessments";

    private static readonly string[] AllRows = ["a", "b", "c", "d"];

    private static Guid DepartmentFramework => DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    private static object Targets(int revision, decimal area1 = 100m, decimal area2 = 0m, decimal area8 = 97.5m) => new
    {
        revision,
        targets = new[]
        {
            new { area = "1", percent = area1 }, new { area = "2", percent = area2 }, new { area = "3", percent = 100m }, new { area = "4", percent = 100m },
            new { area = "5", percent = 100m }, new { area = "6", percent = 100m }, new { area = "7", percent = 100m }, new { area = "8", percent = area8 },
        },
    };

    private static JsonNode Area(JsonObject view, string code) => view["areas"]!.AsArray().Single(a => a!["area"]!.GetValue<string>() == code)!;

    [Theory, AllDatabases]
    public async Task OfficersEdit_OnlyTheHeadSigns_OnlyHomeAffairsReopens_AndOtherUnitsSeeNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await CreateCommuneAppraiserAsync(harness, ct);
        var (officer, head, commune, homeAffairs, communeHomeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(CommuneHomeAffairs, ct));
        var open = new { framework = DepartmentFramework, unit = Unit(Justice) };

        // The Justice department's officer opens it with Cao Lãnh's proposal: 100 % in the appraised areas, 95 % in the survey one.
        var opened = await OkAsync(await officer.PostAsJsonAsync(Commitments, open, ct), ct);
        var id = opened["id"]!.GetValue<Guid>();
        Assert.Equal(("Draft", 1, true, false, "None"), (opened["status"]!.GetValue<string>(), opened["revision"]!.GetValue<int>(),
            opened["mayEdit"]!.GetValue<bool>(), opened["maySign"]!.GetValue<bool>(), opened["basis"]!.GetValue<string>()));
        Assert.Equal((100m, "Appraised"), (Area(opened, "1")["target"]!.GetValue<decimal>(), Area(opened, "1")["group"]!.GetValue<string>()));
        Assert.Equal((95m, "Survey"), (Area(opened, "8")["target"]!.GetValue<decimal>(), Area(opened, "8")["group"]!.GetValue<string>()));
        Assert.Equal(8, opened["areas"]!.AsArray().Count);
        Assert.Equal(id, (await OkAsync(await head.PostAsJsonAsync(Commitments, open, ct), ct))["id"]!.GetValue<Guid>());

        // Attacks: a commune's officer, the province's Home Affairs (not an officer of the unit) and a commune's Home Affairs.
        await ProblemAsync(await commune.PostAsJsonAsync(Commitments, open, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync(Commitments, open, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await officer.PostAsJsonAsync(Commitments, new { framework = DepartmentFramework, unit = Unit(TuHieu) }, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await commune.GetAsync($"{Commitments}/{id}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await communeHomeAffairs.GetAsync($"{Commitments}/{id}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await commune.PutAsJsonAsync($"{Commitments}/{id}/targets", Targets(1), ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Commitments}/{id}/targets", Targets(1), ct), HttpStatusCode.Forbidden, ct);
        var wrongLevel = await ProblemAsync(await officer.PostAsJsonAsync(Commitments,
            new { framework = DemoParIndexSeeder.FrameworkId("SONLA-XA", 2026), unit = Unit(Justice) }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.unit_level_mismatch", wrongLevel["codes"]!["unit"]![0]!.GetValue<string>());
        var read = await OkAsync(await homeAffairs.GetAsync($"{Commitments}/{id}", ct), ct);
        Assert.Equal((false, false, false), (read["mayEdit"]!.GetValue<bool>(), read["maySign"]!.GetValue<bool>(), read["mayReopen"]!.GetValue<bool>()));

        // Targets: 0–100 %, every area; a good set saves; a stale revision is a conflict.
        var outOfRange = await ProblemAsync(await officer.PutAsJsonAsync($"{Commitments}/{id}/targets", Targets(1, area1: 100.5m), ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.commitment_target_range", outOfRange["codes"]!["targets.1"]![0]!.GetValue<string>());
        var missing = await ProblemAsync(await officer.PutAsJsonAsync($"{Commitments}/{id}/targets",
            new { revision = 1, targets = new[] { new { area = "1", percent = 100m } } }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.commitment_area_missing", missing["codes"]!["targets.8"]![0]!.GetValue<string>());
        var saved = await OkAsync(await officer.PutAsJsonAsync($"{Commitments}/{id}/targets", Targets(1), ct), ct);
        Assert.Equal((2, 97.5m, 95m), (saved["revision"]!.GetValue<int>(), Area(saved, "8")["target"]!.GetValue<decimal>(), Area(saved, "8")["proposed"]!.GetValue<decimal>()));
        await ProblemAsync(await officer.PutAsJsonAsync($"{Commitments}/{id}/targets", Targets(1), ct), HttpStatusCode.Conflict, ct);

        // Only the head signs, and only confirming; then it is locked.
        await ProblemAsync(await officer.PostAsJsonAsync($"{Commitments}/{id}/sign", new { revision = 2, confirm = true }, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Commitments}/{id}/sign", new { revision = 2, confirm = true }, ct), HttpStatusCode.Forbidden, ct);
        var unconfirmed = await ProblemAsync(await head.PostAsJsonAsync($"{Commitments}/{id}/sign", new { revision = 2 }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.commitment_confirm", unconfirmed["codes"]!["confirm"]![0]!.GetValue<string>());
        var signed = await OkAsync(await head.PostAsJsonAsync($"{Commitments}/{id}/sign", new { revision = 2, confirm = true }, ct), ct);
        Assert.Equal(("Signed", false, false), (signed["status"]!.GetValue<string>(), signed["mayEdit"]!.GetValue<bool>(), signed["maySign"]!.GetValue<bool>()));
        Assert.Equal(Start.UtcDateTime, signed["signedAt"]!.GetValue<DateTime>().ToUniversalTime());
        await ProblemAsync(await officer.PutAsJsonAsync($"{Commitments}/{id}/targets", Targets(3), ct), HttpStatusCode.UnprocessableEntity, ct, "par.commitment_signed");
        await ProblemAsync(await head.PostAsJsonAsync($"{Commitments}/{id}/sign", new { revision = 3, confirm = true }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.commitment_signed");

        // Only the province's Home Affairs reopens, with a reason; the reopening is in the audit trail.
        await ProblemAsync(await head.PostAsJsonAsync($"{Commitments}/{id}/reopen", new { revision = 3, reason = "Sai" }, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await communeHomeAffairs.PostAsJsonAsync($"{Commitments}/{id}/reopen", new { revision = 3, reason = "Sai" }, ct), HttpStatusCode.Forbidden, ct);
        Assert.True((await OkAsync(await homeAffairs.GetAsync($"{Commitments}/{id}", ct), ct))["mayReopen"]!.GetValue<bool>());
        var noReason = await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Commitments}/{id}/reopen", new { revision = 3 }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.commitment_reason", noReason["codes"]!["reason"]![0]!.GetValue<string>());
        var reopened = await OkAsync(await homeAffairs.PostAsJsonAsync($"{Commitments}/{id}/reopen",
            new { revision = 3, reason = "Ghi nhầm chỉ tiêu lĩnh vực 2" }, ct), ct);
        Assert.Equal(("Draft", 4), (reopened["status"]!.GetValue<string>(), reopened["revision"]!.GetValue<int>()));
        Assert.Equal(["Opened", "TargetsSaved", "Signed", "Reopened"], reopened["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal("Ghi nhầm chỉ tiêu lĩnh vực 2", reopened["events"]![3]!["reason"]!.GetValue<string>());
        await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Commitments}/{id}/reopen", new { revision = 4, reason = "Lần nữa" }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.commitment_not_signed");
    }

    [Theory, AllDatabases]
    public async Task Progress_IsAnEstimateFromTheDraftSelfAssessment_ThenTheFinalResult_AndTheBoardShowsEachUnit(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, head, commune, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct));
        var open = new { framework = DepartmentFramework, unit = Unit(Justice) };
        var id = (await OkAsync(await officer.PostAsJsonAsync(Commitments, open, ct), ct))["id"]!.GetValue<Guid>();
        await OkAsync(await officer.PutAsJsonAsync($"{Commitments}/{id}/targets", Targets(1), ct), ct);
        await OkAsync(await head.PostAsJsonAsync($"{Commitments}/{id}/sign", new { revision = 2, confirm = true }, ct), ct);

        // The self-assessment in draft: area 1 has 1 of its 10 points (10 %), 9 short of the 100 % target; area 2's 0 % target is met.
        var assessment = (await OkAsync(await officer.PostAsJsonAsync(Assessments, open, ct), ct))["id"]!.GetValue<Guid>();
        await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{assessment}/items/1.1.1", new
        {
            revision = 1,
            checkedRows = AllRows,
            evidence = new[] { new { kind = "Url", reference = "https://sonla.gov.vn/qd/12-qd-stp" } },
        }, ct), ct);
        var estimate = await OkAsync(await officer.GetAsync($"{Commitments}/{id}", ct), ct);
        Assert.Equal(("Estimate", assessment), (estimate["basis"]!.GetValue<string>(), estimate["assessmentId"]!.GetValue<Guid>()));
        Assert.Equal((10m, 1m, 10m, false, 9m), (Area(estimate, "1")["applicableMax"]!.GetValue<decimal>(), Area(estimate, "1")["points"]!.GetValue<decimal>(),
            Area(estimate, "1")["percent"]!.GetValue<decimal>(), Area(estimate, "1")["met"]!.GetValue<bool>(), Area(estimate, "1")["gap"]!.GetValue<decimal>()));
        Assert.True(Area(estimate, "2")["met"]!.GetValue<bool>());
        Assert.Equal((1, 7), (estimate["met"]!.GetValue<int>(), estimate["notMet"]!.GetValue<int>()));

        // Submitted: the final result against the commitment.
        await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{assessment}/submit", new { revision = 2 }, ct), ct);
        Assert.Equal("Final", (await OkAsync(await homeAffairs.GetAsync($"{Commitments}/{id}", ct), ct))["basis"]!.GetValue<string>());

        // The board: Home Affairs sees every department of the province, the signed ones counted; the officer only their unit;
        // a commune's officer has no department to see.
        var board = await OkAsync(await homeAffairs.GetAsync($"{Commitments}?framework={DepartmentFramework}", ct), ct);
        var units = board["units"]!.AsArray();
        Assert.Equal(12, units.Count);
        Assert.Equal(8, board["areas"]!.AsArray().Count);
        var justice = units.Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(Justice))!;
        Assert.Equal(("Signed", "Final", 1, 7, false), (justice["status"]!.GetValue<string>(), justice["basis"]!.GetValue<string>(),
            justice["met"]!.GetValue<int>(), justice["notMet"]!.GetValue<int>(), justice["mayOpen"]!.GetValue<bool>()));
        Assert.Equal(board["signedCount"]!.GetValue<int>(), units.Count(u => u!["status"]!.GetValue<string>() == "Signed"));
        Assert.Contains(units, u => u!["status"]!.GetValue<string>() == "None");
        var own = await OkAsync(await officer.GetAsync($"{Commitments}?framework={DepartmentFramework}", ct), ct);
        Assert.Equal([Unit(Justice)], own["units"]!.AsArray().Select(u => u!["unitId"]!.GetValue<Guid>()));
        Assert.True(own["units"]![0]!["mayOpen"]!.GetValue<bool>());
        await ProblemAsync(await commune.GetAsync($"{Commitments}?framework={DepartmentFramework}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.GetAsync(Commitments, ct), HttpStatusCode.BadRequest, ct);
        await ProblemAsync(await homeAffairs.GetAsync($"{Commitments}?framework={Guid.NewGuid()}", ct), HttpStatusCode.NotFound, ct);
    }
}
