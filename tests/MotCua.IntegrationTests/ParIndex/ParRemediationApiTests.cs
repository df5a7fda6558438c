using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Web.Features.ParIndex;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>/api/v1/parindex/remediation (issue 11 §6): the plan is generated from the submitted result's lost points, the
/// unit's officers edit items and upload evidence, only its head approves, only the province's Home Affairs comments, other
/// units see nothing; stale revisions conflict; the board rolls up; reminders go once per item per day; a completed item
/// is next year's evidence.</summary>
public sealed class ParRemediationApiTests
{
    private const string Plans = "/api/v1/parindex/remediation/plans";
    private const string Assessments = "/api/v1/parindex/assessments";
    private const string Frameworks = "/api/v1/parindex/frameworks";

    private static readonly string[] AllRows = ["a", "b", "c", "d"];
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private static Guid DepartmentFramework => DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "bao-cao-khac-phuc.pdf" } };
    }

    private static JsonNode Item(JsonObject view, string code) => view["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == code)!;

    private static object Edit(int revision, Guid? owner, string status = "NotStarted", string? deadline = "2026-12-15", string? sha = null) => new
    {
        revision,
        actions = "Rà soát, bổ sung nhiệm vụ và kinh phí",
        owner,
        deadline,
        status,
        evidence = sha is null ? Array.Empty<object>() : new object[] { new { kind = "Document", reference = sha } },
        notes = "Báo cáo hằng tháng",
    };

    /// <summary>Home Affairs publishes the framework's results, which the plans follow.</summary>
    private static async Task PublishAsync(HttpClient homeAffairs, CancellationToken ct)
    {
        using var published = await homeAffairs.PostAsJsonAsync($"/api/v1/parindex/results/{DepartmentFramework}/publish", new { confirm = true }, ct);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
    }

    /// <summary>The Justice department's self-assessment: checklist 1.1.1 full (with evidence), 2.3.1 not applicable, a
    /// penalty of 1 point on 9.2.1; submitted by the head when <paramref name="submit"/>.</summary>
    private static async Task<Guid> AssessAsync(HttpClient officer, HttpClient head, bool submit, CancellationToken ct)
    {
        var opened = await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        var id = opened["id"]!.GetValue<Guid>();
        await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/1.1.1", new
        {
            revision = 1,
            checkedRows = AllRows,
            evidence = new[] { new { kind = "Url", reference = "https://sonla.gov.vn/qd/12-qd-stp" } },
        }, ct), ct);
        await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/2.3.1", new { revision = 2, notApplicable = true }, ct), ct);
        var last = await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/9.2.1", new { revision = 3, count = 2 }, ct), ct);
        if (submit)
        {
            await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{id}/submit", new { revision = last["revision"]!.GetValue<int>() }, ct), ct);
        }

        return id;
    }

    [Theory, AllDatabases]
    public async Task ThePlanFollowsTheLostPoints_TheUnitEdits_TheHeadApproves_HomeAffairsComments_AndOtherUnitsSeeNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await CreateCommuneAppraiserAsync(harness, ct);
        var (officer, head, commune, homeAffairs, communeHomeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(CommuneHomeAffairs, ct));
        var open = new { framework = DepartmentFramework, unit = Unit(Justice) };

        // Not before the self-assessment is submitted (the gate).
        await ProblemAsync(await officer.PostAsJsonAsync(Plans, open, ct), HttpStatusCode.UnprocessableEntity, ct, "par.remediation_not_ready");
        var assessment = await AssessAsync(officer, head, submit: false, ct);
        await ProblemAsync(await officer.PostAsJsonAsync(Plans, open, ct), HttpStatusCode.UnprocessableEntity, ct, "par.remediation_not_ready");
        var final = await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{assessment}/submit", new { revision = 4 }, ct), ct);
        Assert.Equal("Submitted", final["status"]!.GetValue<string>());

        // Nor before the results are published (domain.md §11.4 steps 8–9).
        await ProblemAsync(await officer.PostAsJsonAsync(Plans, open, ct), HttpStatusCode.UnprocessableEntity, ct, "par.remediation_not_ready");
        await PublishAsync(homeAffairs, ct);

        // Attacks on opening: another unit's officer, Home Affairs (not an officer of the unit), a unit of the wrong level.
        await ProblemAsync(await commune.PostAsJsonAsync(Plans, open, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PostAsJsonAsync(Plans, open, ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await officer.PostAsJsonAsync(Plans, new { framework = DepartmentFramework, unit = Unit(TuHieu) }, ct), HttpStatusCode.Forbidden, ct);

        // Generated: most points lost first; full marks, not applicable and bonuses are not in it, the penalty is.
        var plan = await OkAsync(await officer.PostAsJsonAsync(Plans, open, ct), ct);
        var id = plan["id"]!.GetValue<Guid>();
        var items = plan["items"]!.AsArray();
        var lost = items.Select(i => i!["lost"]!.GetValue<decimal>()).ToList();
        Assert.Equal(lost.OrderByDescending(l => l), lost);
        Assert.Equal(("8.1.1", 10m), (items[0]!["code"]!.GetValue<string>(), items[0]!["lost"]!.GetValue<decimal>()));
        Assert.Equal((1m, -1m), (Item(plan, "9.2.1")["lost"]!.GetValue<decimal>(), Item(plan, "9.2.1")["points"]!.GetValue<decimal>()));
        var codes = items.Select(i => i!["code"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("1.1.1", codes);
        Assert.DoesNotContain("2.3.1", codes);
        Assert.DoesNotContain("9.1.1", codes);
        Assert.DoesNotContain("9.2.2", codes);
        Assert.Equal(("Draft", 1, true, false, false), (plan["status"]!.GetValue<string>(), plan["revision"]!.GetValue<int>(), plan["mayEdit"]!.GetValue<bool>(),
            plan["mayApprove"]!.GetValue<bool>(), plan["mayComment"]!.GetValue<bool>()));
        Assert.Equal(id, (await OkAsync(await head.PostAsJsonAsync(Plans, open, ct), ct))["id"]!.GetValue<Guid>());
        var owners = plan["owners"]!.AsArray().Select(o => o!["id"]!.GetValue<Guid>()).ToList();
        Assert.NotEmpty(owners);

        // Reading and writing another unit's plan.
        await ProblemAsync(await commune.GetAsync($"{Plans}/{id}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await communeHomeAffairs.GetAsync($"{Plans}/{id}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await commune.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(1, owners[0]), ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(1, owners[0]), ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await officer.PostAsJsonAsync($"{Plans}/{id}/comments", new { revision = 1, text = "Tự góp ý" }, ct), HttpStatusCode.Forbidden, ct);
        using (var form = Upload())
        {
            await ProblemAsync(await commune.PostAsync($"{Plans}/{id}/evidence", form, ct), HttpStatusCode.Forbidden, ct);
        }

        var read = await OkAsync(await homeAffairs.GetAsync($"{Plans}/{id}", ct), ct);
        Assert.Equal((false, false, true), (read["mayEdit"]!.GetValue<bool>(), read["mayApprove"]!.GetValue<bool>(), read["mayComment"]!.GetValue<bool>()));

        // A plan entry, then bad edits: no revision, an owner outside the unit, an unknown status, done without evidence, a stale revision.
        var homeAffairsUser = await UserIdAsync(harness, HomeAffairs, ct);
        Assert.Equal(2, (await OkAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(1, owners[0]), ct), ct))["revision"]!.GetValue<int>());
        var outsider = await ProblemAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(2, homeAffairsUser), ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.remediation_owner_invalid", outsider["codes"]!["owner"]![0]!.GetValue<string>());
        var badStatus = await ProblemAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(2, owners[0], status: "Finished"), ct), HttpStatusCode.BadRequest, ct);
        Assert.True(badStatus["codes"]!["status"] is not null);
        var noEvidence = await ProblemAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(2, owners[0], status: "Done"), ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.remediation_evidence_required", noEvidence["codes"]!["evidence"]![0]!.GetValue<string>());
        await ProblemAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(1, owners[0], status: "InProgress"), ct), HttpStatusCode.Conflict, ct);
        await ProblemAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", new { status = "InProgress" }, ct), HttpStatusCode.BadRequest, ct);

        // Evidence uploaded by the unit, then the item done.
        string sha;
        using (var form = Upload())
        {
            sha = (await CreatedAsync(await officer.PostAsync($"{Plans}/{id}/evidence", form, ct), ct))["reference"]!.GetValue<string>();
        }

        var done = await OkAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(2, owners[0], status: "Done", sha: sha), ct), ct);
        Assert.Equal(("Done", 3), (Item(done, "8.1.1")["status"]!.GetValue<string>(), done["revision"]!.GetValue<int>()));
        Assert.Equal(1, done["rollup"]!["done"]!.GetValue<int>());

        // Only the head approves, confirming, once every weak item is planned.
        await ProblemAsync(await officer.PostAsJsonAsync($"{Plans}/{id}/approve", new { revision = 3, confirm = true }, ct), HttpStatusCode.Forbidden, ct);
        var unconfirmed = await ProblemAsync(await head.PostAsJsonAsync($"{Plans}/{id}/approve", new { revision = 3 }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.remediation_confirm", unconfirmed["codes"]!["confirm"]![0]!.GetValue<string>());
        var incomplete = await ProblemAsync(await head.PostAsJsonAsync($"{Plans}/{id}/approve", new { revision = 3, confirm = true }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.remediation_incomplete", incomplete["codes"]!["items.9.2.1"]![0]!.GetValue<string>());
        var revision = 3;
        foreach (var code in codes.Where(c => c != "8.1.1"))
        {
            revision = (await OkAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/{code}", Edit(revision, owners[0]), ct), ct))["revision"]!.GetValue<int>();
        }

        var approved = await OkAsync(await head.PostAsJsonAsync($"{Plans}/{id}/approve", new { revision, confirm = true }, ct), ct);
        Assert.Equal("Approved", approved["status"]!.GetValue<string>());
        revision++;
        await ProblemAsync(await officer.PostAsJsonAsync($"{Plans}/{id}/regenerate", new { revision }, ct), HttpStatusCode.UnprocessableEntity, ct, "par.remediation_approved");
        await ProblemAsync(await head.PostAsJsonAsync($"{Plans}/{id}/approve", new { revision, confirm = true }, ct), HttpStatusCode.UnprocessableEntity, ct, "par.remediation_approved");

        // Home Affairs comments; the comment is in the audit trail.
        var commented = await OkAsync(await homeAffairs.PostAsJsonAsync($"{Plans}/{id}/comments", new { revision, text = "Đề nghị bổ sung kinh phí", item = "8.1.1" }, ct), ct);
        var last = commented["events"]!.AsArray()[^1]!;
        Assert.Equal(("Commented", "8.1.1", "Đề nghị bổ sung kinh phí"), (last["kind"]!.GetValue<string>(), last["item"]!.GetValue<string>(), last["text"]!.GetValue<string>()));
        var empty = await ProblemAsync(await homeAffairs.PostAsJsonAsync($"{Plans}/{id}/comments", new { revision = revision + 1, text = " " }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.remediation_comment", empty["codes"]!["text"]![0]!.GetValue<string>());

        // The board: Home Affairs sees every department and the province's roll-up; the officer their own unit; a commune's officer nothing.
        var board = await OkAsync(await homeAffairs.GetAsync($"/api/v1/parindex/remediation?framework={DepartmentFramework}", ct), ct);
        Assert.True(board["units"]!.AsArray().Count > 1);
        Assert.Equal((1, codes.Count, 1), (board["plans"]!.GetValue<int>(), board["total"]!["items"]!.GetValue<int>(), board["total"]!["done"]!.GetValue<int>()));
        var row = board["units"]!.AsArray().Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(Justice))!;
        Assert.Equal(("Approved", id), (row["status"]!.GetValue<string>(), row["planId"]!.GetValue<Guid>()));
        var own = await OkAsync(await officer.GetAsync($"/api/v1/parindex/remediation?framework={DepartmentFramework}", ct), ct);
        Assert.Equal(Unit(Justice), Assert.Single(own["units"]!.AsArray())!["unitId"]!.GetValue<Guid>());
        await ProblemAsync(await commune.GetAsync($"/api/v1/parindex/remediation?framework={DepartmentFramework}", ct), HttpStatusCode.Forbidden, ct);
    }

    [Theory, AllDatabases]
    public async Task Reminders_GoToTheOwnerOfItemsDueOrOverdue_OncePerItemPerDay(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, head) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct));
        await AssessAsync(officer, head, submit: true, ct);
        await PublishAsync(await harness.ClientAsync(HomeAffairs, ct), ct);
        var plan = await OkAsync(await officer.PostAsJsonAsync(Plans, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        var id = plan["id"]!.GetValue<Guid>();
        var owner = await UserIdAsync(harness, Handler, ct);
        async Task<int> RemindAsync()
        {
            await using var scope = harness.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ParRemediationReminderWriter>().EnqueueAsync(harness.Clock.GetUtcNow().UtcDateTime, ct);
        }

        // 2026-11-24: one item due on 28/11 (within 7 days), one on 31/12 (not yet), one done (never).
        var saved = await OkAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.1.1", Edit(1, owner, deadline: "2026-11-28"), ct), ct);
        saved = await OkAsync(await officer.PutAsJsonAsync($"{Plans}/{id}/items/8.2.1", Edit(2, owner, deadline: "2026-12-31"), ct), ct);
        Assert.Equal(3, saved["revision"]!.GetValue<int>());
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());

        // Days later both are due or overdue: one each per day; 8.1.1 is shown overdue.
        harness.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(2, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        officer = await harness.ClientAsync(Handler, ct);
        Assert.True(Item(await OkAsync(await officer.GetAsync($"{Plans}/{id}", ct), ct), "8.1.1")["overdue"]!.GetValue<bool>());
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith("parindex.remediation.")).Select(m => m.IdempotencyKey).ToListAsync(ct);
        Assert.Equal(3, keys.Count);
        Assert.Equal(3, keys.Distinct().Count());
    }

    [Theory, AllDatabases]
    public async Task ACompletedItem_IsOfferedAsEvidence_ToNextYearsSelfAssessmentOfTheSameSubCriterion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, head, homeAffairs, commune) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(Desk, ct));
        await AssessAsync(officer, head, submit: true, ct);
        await PublishAsync(homeAffairs, ct);
        var plan = await OkAsync(await officer.PostAsJsonAsync(Plans, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        var owner = plan["owners"]![0]!["id"]!.GetValue<Guid>();
        var done = await OkAsync(await officer.PutAsJsonAsync($"{Plans}/{plan["id"]}/items/1.1.2",
            new
            {
                revision = 1,
                actions = "Ban hành kế hoạch đúng hạn",
                owner,
                deadline = "2027-03-31",
                status = "Done",
                evidence = new[] { new { kind = "Url", reference = "https://sonla.gov.vn/kh/2027-stp" } },
            }, ct), ct);
        var itemId = Item(done, "1.1.2")["id"]!.GetValue<Guid>();

        // The 2027 framework (a copy, issued) and the department's self-assessment under it.
        var copy = await CreatedAsync(await homeAffairs.PostAsJsonAsync($"{Frameworks}/{DepartmentFramework}/copy", new { year = 2027 }, ct), ct);
        await OkAsync(await homeAffairs.PostAsJsonAsync($"{Frameworks}/{copy["id"]}/issue",
            new { revision = copy["revision"]!.GetValue<int>(), decisionNumber = "20/QĐ-UBND", decisionDate = "2026-12-01" }, ct), ct);
        var next = await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework = copy["id"]!.GetValue<Guid>(), unit = Unit(Justice) }, ct), ct);
        var nextId = next["id"]!.GetValue<Guid>();

        var offers = (await ArrayAsync(await officer.GetAsync($"/api/v1/parindex/remediation/offers?assessment={nextId}", ct), ct))!;
        var offer = Assert.Single(offers)!;
        Assert.Equal((itemId, "1.1.2", 2026), (offer["itemId"]!.GetValue<Guid>(), offer["code"]!.GetValue<string>(), offer["year"]!.GetValue<int>()));
        await ProblemAsync(await commune.GetAsync($"/api/v1/parindex/remediation/offers?assessment={nextId}", ct), HttpStatusCode.Forbidden, ct);

        // Attached to 1.1.2 it is kept; on another sub-criterion, or an unknown id, it is refused.
        var wrongCode = await ProblemAsync(await officer.PutAsJsonAsync($"{Assessments}/{nextId}/items/1.1.1", new
        {
            revision = 1,
            checkedRows = AllRows,
            evidence = new[] { new { kind = "RemediationItem", reference = itemId.ToString() } },
        }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.evidence_remediation_item", wrongCode["codes"]!["evidence[0]"]![0]!.GetValue<string>());
        await ProblemAsync(await officer.PutAsJsonAsync($"{Assessments}/{nextId}/items/1.1.2", new
        {
            revision = 1,
            tier = "L1",
            evidence = new[] { new { kind = "RemediationItem", reference = Guid.NewGuid().ToString() } },
        }, ct), HttpStatusCode.BadRequest, ct);
        var attached = await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{nextId}/items/1.1.2", new
        {
            revision = 1,
            tier = "L1",
            evidence = new[] { new { kind = "RemediationItem", reference = itemId.ToString() } },
        }, ct), ct);
        var line = attached["lines"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == "1.1.2")!;
        Assert.Equal(("RemediationItem", itemId.ToString()), (line["evidence"]![0]!["kind"]!.GetValue<string>(), line["evidence"]![0]!["reference"]!.GetValue<string>()));
    }

    private static async Task<Guid> UserIdAsync(Dossiers.DossierApiHarness harness, string email, CancellationToken ct)
    {
        await using var scope = harness.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);
    }

    private static async Task<JsonArray?> ArrayAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonArray>(ct);
    }
}
