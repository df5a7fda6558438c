using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Pakn;

/// <summary>PAKN through the API (issue 9 §2, §6): received on the portal without an account, classified at the desk,
/// reviewed and answered by the competent department, decided and published by its head with the personal data
/// removed, then reopened by the submitter's dissatisfied reply; who may do what, by role and unit; bad input leaves
/// nothing written.</summary>
public sealed class PaknApiTests
{
    private const string Phone = "0987 654 321";
    private static readonly string[] Criteria = ["Necessity", "ReasonablenessAndLegality", "Simplicity", "Feasibility", "Consistency", "TreatyConformity"];
    private static readonly string[] PortalOnly = ["Portal"];
    private const string Name = "Lò Thị Hương";

    [Theory, AllDatabases]
    public async Task Pakn_FromThePortal_ThroughAnswerAndPublication_ReopenedByADissatisfiedReply(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var anonymous = harness.Anonymous();

        using var noPhone = await anonymous.PostAsJsonAsync("/api/v1/public/pakn", Submission(phone: ""), ct);
        Assert.Equal(HttpStatusCode.BadRequest, noPhone.StatusCode);
        Assert.Contains("phone", (await ReadAsync(noPhone, ct))["errors"]!.AsObject().Select(e => e.Key));

        using var sent = await anonymous.PostAsJsonAsync("/api/v1/public/pakn", Submission(), ct);
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync(ct));
        var created = await ReadAsync(sent, ct);
        var code = created["trackingCode"]!.GetValue<string>();
        var id = created["id"]!.GetValue<Guid>();
        Assert.Matches("^PA-2026-[0-9A-Z]{7}$", code);

        // Anyone with the code sees the status, never who sent it.
        using var publicView = await anonymous.GetAsync($"/api/v1/public/pakn/{code}", ct);
        var shown = await publicView.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, publicView.StatusCode);
        Assert.Contains("\"status\":\"Received\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, shown, StringComparison.Ordinal);

        var (desk, handler, head) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct));
        var list = await desk.GetFromJsonAsync<JsonObject>("/api/v1/pakn?due=open", ct);
        var row = list!["rows"]!.AsArray().Single(r => r!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal("notDue", row["due"]!.GetValue<string>());

        // Only the receiving desk classifies; the department's handler cannot even see it yet.
        using var early = await Fire(handler, id, 1, new { trigger = "Classify" }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        using var badCategory = await Fire(desk, id, 1, Classify(categories: [9]), ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        var version = await Ok(await Fire(desk, id, 1, Classify(), ct), "Classified", ct);
        using var stale = await Fire(handler, id, 1, new { trigger = "StartHandling" }, ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        version = await Ok(await Fire(handler, id, version, new { trigger = "StartHandling" }, ct), "InProgress", ct);
        version = await Ok(await Fire(handler, id, version, new
        {
            trigger = "RecordReview",
            review = Criteria.Select(c => new { criterion = c, verdict = c == "Simplicity" ? "NotMet" : "Met", note = c == "Simplicity" ? "Yêu cầu bản sao trùng với dữ liệu đã kết nối." : null }),
        }, ct), "InProgress", ct);
        using var conductForm = await Fire(handler, id, version, new { trigger = "DraftAnswer", answer = Answer, decisionForm = "HandledUnderApplicableProcedure" }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conductForm.StatusCode);
        version = await Ok(await Fire(handler, id, version, new { trigger = "DraftAnswer", answer = Answer, decisionForm = "AmendWithinAuthority" }, ct), "InProgress", ct);
        using var handlerDecides = await Fire(handler, id, version, new { trigger = "Decide" }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, handlerDecides.StatusCode);
        version = await Ok(await Fire(head, id, version, new { trigger = "Decide" }, ct), "Decided", ct);
        version = await Ok(await Fire(head, id, version, new { trigger = "SubmitForPublication" }, ct), "AwaitingPublication", ct);
        version = await Ok(await Fire(head, id, version, new { trigger = "Publish", channels = PortalOnly }, ct), "Published", ct);

        // Published without the submitter's phone, on the case's public page and in the public list.
        var published = await anonymous.GetFromJsonAsync<JsonObject>($"/api/v1/public/pakn/{code}", ct);
        var answer = published!["publishedAnswer"]!.GetValue<string>();
        Assert.Contains("Sở Tư pháp", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("654", answer, StringComparison.Ordinal);
        var page = await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/public/pakn?q=khai%20sinh", ct);
        Assert.Contains(page!["rows"]!.AsArray(), r => r!["trackingCode"]!.GetValue<string>() == code);

        // The submitter's reply: wrong digits are "not found"; a dissatisfied reply reopens the case.
        using var wrong = await anonymous.PostAsJsonAsync($"/api/v1/public/pakn/{code}/reply", new { digits = "0000", satisfied = false, comment = "Chưa giải quyết được vướng mắc." }, ct);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        using var reply = await anonymous.PostAsJsonAsync($"/api/v1/public/pakn/{code}/reply", new { digits = "4321", satisfied = false, comment = "Chưa giải quyết được vướng mắc." }, ct);
        Assert.True(reply.StatusCode == HttpStatusCode.OK, await reply.Content.ReadAsStringAsync(ct));
        Assert.Equal("InProgress", (await ReadAsync(reply, ct))["status"]!.GetValue<string>());
        var full = await handler.GetFromJsonAsync<JsonObject>($"/api/v1/pakn/{id}", ct);
        Assert.Equal(1, full!["reopenCount"]!.GetValue<int>());
        Assert.Contains("DraftAnswer", full["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("HandledOnTime", full["timeliness"]!["status"]!.GetValue<string>());

        // The submitter was told at receipt and on publication, by SMS (no e-mail given).
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var keys = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith($"pakn.{id:N}.")).Select(m => m.IdempotencyKey).ToListAsync(ct);
            Assert.Equal([$"pakn.{id:N}.0.sms", $"pakn.{id:N}.7.sms"], keys.Order());
        });
    }

    [Theory, AllDatabases]
    public async Task Desk_LogsAPhoneCall_CitizenAccountSeesOwnCaseOnly_AndBadInputWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (owner, other, _) = await harness.OwnerAndOtherCitizenAsync(ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var otherDesk = await harness.ClientAsync(OtherDesk, ct);

        var received = harness.Clock.GetUtcNow().UtcDateTime.AddHours(-3);
        using var logged = await desk.PostAsJsonAsync("/api/v1/pakn", new { channel = "Phone", submission = Submission(), receivedAt = received, note = "Gọi đường dây nóng" }, ct);
        Assert.True(logged.StatusCode == HttpStatusCode.Created, await logged.Content.ReadAsStringAsync(ct));
        using var foreign = await otherDesk.PostAsJsonAsync("/api/v1/pakn", new { channel = "Phone", submission = Submission() }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using var portalChannel = await desk.PostAsJsonAsync("/api/v1/pakn", new { channel = "Portal", submission = Submission() }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, portalChannel.StatusCode);

        using var mine = await owner.PostAsJsonAsync("/api/v1/public/pakn", Submission(), ct);
        var mineId = (await ReadAsync(mine, ct))["id"]!.GetValue<Guid>();
        using var ownRead = await owner.GetAsync($"/api/v1/pakn/{mineId}", ct);
        using var otherRead = await other.GetAsync($"/api/v1/pakn/{mineId}", ct);
        using var foreignDeskRead = await otherDesk.GetAsync($"/api/v1/pakn/{mineId}", ct);
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        Assert.True((await ReadAsync(ownRead, ct))["submitter"]!["hasAccount"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, otherRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignDeskRead.StatusCode);

        int Count(AppDbContext db) => db.PaknCases.Count();
        var before = 0;
        await harness.InScopeAsync(services => { before = Count(services.GetRequiredService<AppDbContext>()); return Task.CompletedTask; });
        var anonymous = harness.Anonymous();
        foreach (var bad in new object[]
                 {
                     Submission(kind: "Complaint"), Submission(subject: "abc"), Submission(content: "ngắn"), Submission(unit: Guid.NewGuid()),
                     Submission(dossierCode: "000.00.41.H56-999999-9999"), Submission(procedureCode: "1.999999"), Submission(categories: [0]),
                     Submission(content: "Nội dung có ký tự \u0000 điều khiển rất dài để qua được giới hạn tối thiểu."),
                 })
        {
            using var refused = await anonymous.PostAsJsonAsync("/api/v1/public/pakn", bad, ct);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync(ct)}");
        }

        using var badCode = await anonymous.GetAsync("/api/v1/public/pakn/PA-2026-XXXXXXX", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        using var badTrigger = await desk.PostAsJsonAsync($"/api/v1/pakn/{mineId}/transitions", new { trigger = "Teleport", version = 1 }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, badTrigger.StatusCode);
        await harness.InScopeAsync(services =>
        {
            Assert.Equal(before, Count(services.GetRequiredService<AppDbContext>()));
            return Task.CompletedTask;
        });
    }

    /// <summary>A case sent on the portal and taken to publication by the desk, the handler and the head; returns its
    /// id and tracking code.</summary>
    internal static async Task<(Guid Id, string Code)> PublishedAsync(Dossiers.DossierApiHarness harness, CancellationToken ct, string? subject = null)
    {
        using var sent = await harness.Anonymous().PostAsJsonAsync("/api/v1/public/pakn", subject is null ? Submission() : Submission(subject: subject), ct);
        var created = await ReadAsync(sent, ct);
        var id = created["id"]!.GetValue<Guid>();
        var (desk, handler, head) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct));
        var version = await Ok(await Fire(desk, id, 1, Classify(), ct), "Classified", ct);
        version = await Ok(await Fire(handler, id, version, new { trigger = "StartHandling" }, ct), "InProgress", ct);
        version = await Ok(await Fire(handler, id, version, new
        {
            trigger = "RecordReview",
            review = Criteria.Select(c => new { criterion = c, verdict = "Met" }),
        }, ct), "InProgress", ct);
        version = await Ok(await Fire(handler, id, version, new { trigger = "DraftAnswer", answer = Answer, decisionForm = "AmendWithinAuthority" }, ct), "InProgress", ct);
        version = await Ok(await Fire(head, id, version, new { trigger = "Decide" }, ct), "Decided", ct);
        version = await Ok(await Fire(head, id, version, new { trigger = "SubmitForPublication" }, ct), "AwaitingPublication", ct);
        await Ok(await Fire(head, id, version, new { trigger = "Publish", channels = PortalOnly }, ct), "Published", ct);
        return (id, created["trackingCode"]!.GetValue<string>());
    }

    private const string Answer = "Sở Tư pháp đã rà soát và sẽ bỏ yêu cầu nộp bản sao giấy khai sinh; bà Lò Thị Hương (0987 654 321) được trả lời trực tiếp.";

    internal static object Submission(
        string kind = "Petition", string subject = "Thủ tục đăng ký khai sinh còn yêu cầu bản sao giấy tờ",
        string content = "Đề nghị bỏ yêu cầu nộp bản sao giấy khai sinh của cha mẹ vì dữ liệu dân cư đã được kết nối.",
        string phone = Phone, Guid? unit = null, string? dossierCode = null, string? procedureCode = null, int[]? categories = null) => new
        {
            kind,
            subject,
            content,
            fullName = Name,
            address = "Bản Hụm, phường Tô Hiệu, Sơn La",
            phone,
            receivingUnitId = unit ?? Unit(TuHieu),
            dossierCode,
            procedureCode,
            categories,
        };

    internal static object Classify(int[]? categories = null) =>
        new { trigger = "Classify", classification = "Regulation", kind = "Petition", categories = categories ?? [2, 7], handlingUnitId = Unit(Justice) };

    internal static Task<HttpResponseMessage> Fire(HttpClient client, Guid id, int version, object body, CancellationToken ct)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        json["version"] = version;
        return client.PostAsJsonAsync($"/api/v1/pakn/{id}/transitions", json, ct);
    }

    internal static async Task<int> Ok(HttpResponseMessage response, string status, CancellationToken ct)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            var body = JsonNode.Parse(text)!.AsObject();
            Assert.Equal(status, body["status"]!.GetValue<string>());
            return body["version"]!.GetValue<int>();
        }
    }
}
