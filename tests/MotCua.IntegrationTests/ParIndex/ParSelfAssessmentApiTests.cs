using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Web.Features.ParIndex;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>The self-assessment around the form (issue 11 §2): the list of a framework's units for Home Affairs and for
/// a unit's officers (their own units only), system-sourced sub-criteria computed by MotCua and not editable, the
/// deadline (set by Home Affairs, days left, late flag) and the reminders through the outbox, once per unit per day.</summary>
public sealed class ParSelfAssessmentApiTests
{
    private const string Assessments = "/api/v1/parindex/assessments";

    private static readonly Guid DepartmentFramework = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);
    private static readonly Guid CommuneFramework = DemoParIndexSeeder.FrameworkId("SONLA-XA", 2026);

    [Theory, AllDatabases]
    public async Task HomeAffairsListsEveryUnit_AnOfficerOnlyTheirOwn_AnotherLevelsOfficerNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, head, communeDesk, homeAffairs, citizen) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct), await harness.ClientAsync(Citizen, ct));

        var all = await OkAsync(await homeAffairs.GetAsync($"{Assessments}?framework={DepartmentFramework}", ct), ct);
        var units = all["units"]!.AsArray();
        Assert.True(units.Count > 1);
        Assert.All(units, u => Assert.Equal("NotOpened", u!["status"]!.GetValue<string>()));
        Assert.Equal(("2026-12-11", 0), (all["deadline"]!.GetValue<string>(), all["submitted"]!.GetValue<int>()));

        var own = await OkAsync(await officer.GetAsync($"{Assessments}?framework={DepartmentFramework}", ct), ct);
        var justice = Assert.Single(own["units"]!.AsArray())!;
        Assert.Equal((Unit(Justice), true), (justice["unitId"]!.GetValue<Guid>(), justice["mayOpen"]!.GetValue<bool>()));
        await ProblemAsync(await communeDesk.GetAsync($"{Assessments}?framework={DepartmentFramework}", ct), HttpStatusCode.Forbidden, ct);
        var commune = await OkAsync(await communeDesk.GetAsync($"{Assessments}?framework={CommuneFramework}", ct), ct);
        Assert.Equal(Unit(TuHieu), Assert.Single(commune["units"]!.AsArray())!["unitId"]!.GetValue<Guid>());
        await ProblemAsync(await citizen.GetAsync($"{Assessments}?framework={DepartmentFramework}", ct), HttpStatusCode.Forbidden, ct);
        await ProblemAsync(await homeAffairs.GetAsync($"{Assessments}?framework={Guid.NewGuid()}", ct), HttpStatusCode.NotFound, ct);
        var missing = await ProblemAsync(await homeAffairs.GetAsync(Assessments, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.field_required", missing["codes"]!["framework"]![0]!.GetValue<string>());

        // Justice opens, fills the required evidence and submits: Home Affairs sees it submitted, scored, on time.
        var opened = await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        var id = opened["id"]!.GetValue<Guid>();
        Assert.Equal((17, false), (opened["daysLeft"]!.GetValue<int>(), opened["late"]!.GetValue<bool>()));
        await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/4.1.1",
            new { revision = 1, done = true, evidence = new[] { new { kind = "Url", reference = "https://sonla.gov.vn/qd/1" } } }, ct), ct);
        var submitted = await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{id}/submit", new { revision = 2 }, ct), ct);
        var listed = (await OkAsync(await homeAffairs.GetAsync($"{Assessments}?framework={DepartmentFramework}", ct), ct))["units"]!.AsArray()
            .Single(u => u!["unitId"]!.GetValue<Guid>() == Unit(Justice))!;
        Assert.Equal(("Submitted", false, id), (listed["status"]!.GetValue<string>(), listed["late"]!.GetValue<bool>(), listed["assessmentId"]!.GetValue<Guid>()));
        Assert.Equal(submitted["totals"]!["total"]!.GetValue<decimal>(), listed["total"]!.GetValue<decimal>());
        Assert.False(listed["mayOpen"]!.GetValue<bool>());
    }

    [Theory, AllDatabases]
    public async Task EvidenceFiles_GoIntoTheDocumentStore_ForTheUnitsOfficersOnly_WhileADraft(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, head, otherUnit, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct),
            await harness.ClientAsync(Desk, ct), await harness.ClientAsync(HomeAffairs, ct));
        var opened = await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        var evidence = $"{Assessments}/{opened["id"]}/evidence";
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        MultipartFormDataContent Upload(byte[] bytes, string name = "file")
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            return new MultipartFormDataContent { { file, name, "quyet-dinh.pdf" } };
        }

        using (var form = Upload(pdf))
        {
            await ProblemAsync(await otherUnit.PostAsync(evidence, form, ct), HttpStatusCode.Forbidden, ct);
        }

        using (var form = Upload(pdf))
        {
            await ProblemAsync(await homeAffairs.PostAsync(evidence, form, ct), HttpStatusCode.Forbidden, ct);
        }

        using (var form = Upload(pdf, "other"))
        {
            var missing = await ProblemAsync(await officer.PostAsync(evidence, form, ct), HttpStatusCode.BadRequest, ct);
            Assert.Equal("document.file_required", missing["codes"]!["file"]![0]!.GetValue<string>());
        }

        using (var form = Upload("not a pdf"u8.ToArray()))
        {
            await ProblemAsync(await officer.PostAsync(evidence, form, ct), HttpStatusCode.UnsupportedMediaType, ct);
        }

        await ProblemAsync(await officer.PostAsJsonAsync(evidence, new { file = "x" }, ct), HttpStatusCode.UnsupportedMediaType, ct);
        System.Text.Json.Nodes.JsonObject uploaded;
        using (var form = Upload(pdf))
        {
            uploaded = await ExpectAsync(await officer.PostAsync(evidence, form, ct), HttpStatusCode.Created, ct);
        }

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        Assert.Equal(("Document", sha, "application/pdf"),
            (uploaded["kind"]!.GetValue<string>(), uploaded["reference"]!.GetValue<string>(), uploaded["contentType"]!.GetValue<string>()));
        var saved = await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{opened["id"]}/items/4.1.1",
            new { revision = 1, done = true, evidence = new[] { new { kind = "Document", reference = sha } } }, ct), ct);
        Assert.Empty(saved["blocking"]!.AsArray());
        await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{opened["id"]}/submit", new { revision = 2 }, ct), ct);
        using (var form = Upload(pdf))
        {
            await ProblemAsync(await officer.PostAsync(evidence, form, ct), HttpStatusCode.UnprocessableEntity, ct, "par.assessment_submitted");
        }
    }

    [Theory, AllDatabases]
    public async Task SystemSourcedSubCriteria_ShowTheirComputation_AndAreNotTheUnits(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var officer = await harness.ClientAsync(Handler, ct);
        var opened = await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        var id = opened["id"]!.GetValue<Guid>();

        var onTime = opened["lines"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == "3.2.1")!;
        Assert.Equal("dossier.on_time_rate", onTime["formula"]!.GetValue<string>());
        var system = onTime["system"]!;
        Assert.Equal(("dossier.on_time_rate", "2026-01-01", "2026-12-31"),
            (system["formula"]!.GetValue<string>(), system["from"]!.GetValue<string>(), system["to"]!.GetValue<string>()));
        Assert.Contains("2.1", system["source"]!.GetValue<string>(), StringComparison.Ordinal);
        // No dossier of Justice ended in 2026 in this database: no figure, unscored, nothing to enter.
        Assert.Equal(system["denominator"]!.GetValue<decimal>() > 0, onTime["scored"]!.GetValue<bool>());
        // The demo framework's seven system-sourced sub-criteria all carry their figure.
        var systemLines = opened["lines"]!.AsArray().Where(l => l!["formula"] is not null).ToList();
        Assert.Equal(7, systemLines.Count);
        Assert.All(systemLines, l => Assert.NotNull(l!["system"]));

        var refused = await ProblemAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/3.2.1", new { revision = 1, percent = 100 }, ct),
            HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.system_sourced", refused["codes"]!["items.3.2.1"]![0]!.GetValue<string>());
        var explained = await OkAsync(await officer.PutAsJsonAsync($"{Assessments}/{id}/items/3.2.1",
            new { revision = 1, explanation = "Số liệu của hệ thống" }, ct), ct);
        var line = explained["lines"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == "3.2.1")!;
        Assert.Equal("Số liệu của hệ thống", line["explanation"]!.GetValue<string>());
        Assert.NotNull(line["system"]);
        Assert.Empty(explained["changes"]!.AsArray());
    }

    [Theory, AllDatabases]
    public async Task HomeAffairsSetsTheDeadline_ALateSubmissionIsAcceptedAndFlagged(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, head, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(HomeAffairs, ct));
        var framework = await OkAsync(await homeAffairs.GetAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}", ct), ct);
        var revision = framework["revision"]!.GetValue<int>();

        await ProblemAsync(await head.PutAsJsonAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}/deadline", new { revision, deadline = "2026-11-01" }, ct),
            HttpStatusCode.Forbidden, ct);
        var range = await ProblemAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}/deadline",
            new { revision, deadline = "2030-01-01" }, ct), HttpStatusCode.BadRequest, ct);
        Assert.Equal("par.deadline_range", range["codes"]!["deadline"]![0]!.GetValue<string>());
        var set = await OkAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}/deadline",
            new { revision, deadline = "2026-11-20" }, ct), ct);
        Assert.Equal(("2026-11-20", "Issued"), (set["selfAssessmentDeadline"]!.GetValue<string>(), set["status"]!.GetValue<string>()));
        await ProblemAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}/deadline",
            new { revision, deadline = "2026-11-21" }, ct), HttpStatusCode.Conflict, ct);

        var opened = await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        Assert.Equal((-4, true), (opened["daysLeft"]!.GetValue<int>(), opened["late"]!.GetValue<bool>()));
        var submitted = await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{opened["id"]}/submit", new { revision = 1 }, ct), ct);
        Assert.Equal(("Submitted", true), (submitted["status"]!.GetValue<string>(), submitted["late"]!.GetValue<bool>()));
        var list = await OkAsync(await homeAffairs.GetAsync($"{Assessments}?framework={DepartmentFramework}", ct), ct);
        Assert.True(list["late"]!.GetValue<int>() >= 1);
        Assert.All(list["units"]!.AsArray(), u => Assert.True(u!["late"]!.GetValue<bool>()));
    }

    [Theory, AllDatabases]
    public async Task ALateSubmission_IsRefused_WhenTheProvinceSaysSo(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string> { ["ParIndex:RefuseLateSubmission"] = "true" });
        var (officer, head, homeAffairs) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(HomeAffairs, ct));
        var opened = await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        var framework = await OkAsync(await homeAffairs.GetAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}", ct), ct);
        await OkAsync(await homeAffairs.PutAsJsonAsync($"/api/v1/parindex/frameworks/{DepartmentFramework}/deadline",
            new { revision = framework["revision"]!.GetValue<int>(), deadline = "2026-11-23" }, ct), ct);
        await ProblemAsync(await head.PostAsJsonAsync($"{Assessments}/{opened["id"]}/submit", new { revision = 1 }, ct),
            HttpStatusCode.UnprocessableEntity, ct, "par.deadline_passed");
    }

    [Theory, AllDatabases]
    public async Task Reminders_GoToTheOfficersOfUnitsNotSubmitted_OncePerDay(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        async Task<int> RemindAsync()
        {
            await using var scope = harness.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ParReminderWriter>().EnqueueAsync(harness.Clock.GetUtcNow().UtcDateTime, ct);
        }

        async Task<List<string>> KeysAsync()
        {
            await using var scope = harness.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.IdempotencyKey.StartsWith("parindex.remind.")).Select(m => m.IdempotencyKey).ToListAsync(ct);
        }

        // 2026-11-24: the deadline (2026-12-11) is 17 days away, beyond the 7 days before it: nothing yet.
        Assert.Equal(0, await RemindAsync());
        harness.Clock.Advance(TimeSpan.FromDays(12));
        var first = await RemindAsync();
        Assert.True(first > 0);
        Assert.Equal(0, await RemindAsync());
        var keys = await KeysAsync();
        Assert.Equal(first, keys.Count);
        Assert.Contains(keys, k => k.Contains($".{Unit(Justice):N}.", StringComparison.Ordinal) && k.EndsWith(".2026-12-06", StringComparison.Ordinal));

        // Justice submits: the next day reminds every unit but Justice.
        var (officer, head) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct));
        var opened = await OkAsync(await officer.PostAsJsonAsync(Assessments, new { framework = DepartmentFramework, unit = Unit(Justice) }, ct), ct);
        await OkAsync(await head.PostAsJsonAsync($"{Assessments}/{opened["id"]}/submit", new { revision = 1 }, ct), ct);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await RemindAsync() > 0);
        var next = (await KeysAsync()).Where(k => k.EndsWith(".2026-12-07", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(next);
        Assert.DoesNotContain(next, k => k.Contains($".{Unit(Justice):N}.", StringComparison.Ordinal));
    }
}
