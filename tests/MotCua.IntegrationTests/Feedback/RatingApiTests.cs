using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Feedback;

/// <summary>Per-dossier ratings through the API (issue 9 §1): who may rate through which channel, once per dossier even
/// under concurrent submissions, attributed to the staff who acted, and a dissatisfied rating followed up by the
/// competent unit's head.</summary>
public sealed class RatingApiTests
{
    private const string Digits = "5678"; // the harness applicant's phone 0912345678

    [Theory, AllDatabases]
    public async Task Owner_RatesOnce_DislikeOpensAFollowUpTheHeadCloses(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (owner, other, id) = await harness.OwnerAndOtherCitizenAsync(ct);
        using var open = await owner.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { overall = 1 }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, open.StatusCode);
        await ReturnAsync(harness, id, ct);

        using var byOther = await other.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { overall = 5 }, ct);
        using var noOverall = await owner.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { comment = "Không chọn mức" }, ct);
        using var rated = await owner.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating",
            new { overall = 2, staffAttitude = 2, timesContacted = 2, agenciesContacted = 1, unofficialCost = false, comment = "Phải đi lại nhiều lần." }, ct);
        using var again = await owner.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { overall = 5 }, ct);

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noOverall.StatusCode);
        Assert.True(rated.StatusCode == HttpStatusCode.Created, await rated.Content.ReadAsStringAsync(ct));
        var answer = await ReadAsync(rated, ct);
        Assert.Equal("Portal", answer["channel"]!.GetValue<string>());
        Assert.True(answer["followUpOpened"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("rating.already_given", (await ReadAsync(again, ct))["rule"]!.GetValue<string>());

        // Attributed to the staff who acted (desk, head, handler), not to the citizen.
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var ratingId = answer["id"]!.GetValue<Guid>();
            var officers = await db.SatisfactionRatingOfficers.Where(o => o.RatingId == ratingId).Select(o => o.OfficerId).ToListAsync(ct);
            Assert.Equal(new[] { DemoData.UserId(Desk), DemoData.UserId(Handler), DemoData.UserId(Head) }.Order(), officers.Order());
        });

        var head = await harness.ClientAsync(Head, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var list = await head.GetFromJsonAsync<JsonArray>("/api/v1/rating-follow-ups", ct);
        var row = Assert.Single(list!)!.AsObject();
        Assert.Equal(id, row["dossierId"]!.GetValue<Guid>());
        Assert.Equal("Phải đi lại nhiều lần.", row["comment"]!.GetValue<string>());
        Assert.True(row["dueAt"]!.GetValue<DateTime>() > row["openedAt"]!.GetValue<DateTime>().AddDays(4));
        Assert.DoesNotContain("owner", row.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        using var deskList = await desk.GetAsync("/api/v1/rating-follow-ups", ct);
        Assert.Equal(HttpStatusCode.Forbidden, deskList.StatusCode);

        var followUp = row["id"]!.GetValue<Guid>();
        using var tooShort = await head.PostAsJsonAsync($"/api/v1/rating-follow-ups/{followUp}/close", new { resolution = "Xong.", version = 1 }, ct);
        using var byDesk = await desk.PostAsJsonAsync($"/api/v1/rating-follow-ups/{followUp}/close", new { resolution = "Đã gọi điện xin lỗi công dân.", version = 1 }, ct);
        using var stale = await head.PostAsJsonAsync($"/api/v1/rating-follow-ups/{followUp}/close", new { resolution = "Đã gọi điện xin lỗi công dân.", version = 7 }, ct);
        using var closed = await head.PostAsJsonAsync($"/api/v1/rating-follow-ups/{followUp}/close", new { resolution = "Đã gọi điện xin lỗi công dân.", version = 1 }, ct);
        using var twice = await head.PostAsJsonAsync($"/api/v1/rating-follow-ups/{followUp}/close", new { resolution = "Đóng thêm một lần nữa.", version = 2 }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byDesk.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync(ct));
        Assert.Equal(2, (await ReadAsync(closed, ct))["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Empty((await head.GetFromJsonAsync<JsonArray>("/api/v1/rating-follow-ups", ct))!);
        Assert.Single((await head.GetFromJsonAsync<JsonArray>("/api/v1/rating-follow-ups?open=false", ct))!);
    }

    [Theory, AllDatabases]
    public async Task ByCode_NeedsTheDigits_AndASatisfiedRatingOpensNoFollowUp(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var created = await harness.CreateAsync(desk, ct);
        var code = created["code"]!.GetValue<string>();
        var anonymous = harness.Anonymous();
        using var notEnded = await anonymous.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/rating", new { digits = Digits, overall = 5 }, ct);
        await ReturnAsync(harness, created["id"]!.GetValue<Guid>(), ct, version: 1, accepted: true);

        using var wrongDigits = await anonymous.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/rating", new { digits = "0000", overall = 5 }, ct);
        using var noDigits = await anonymous.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/rating", new { overall = 5 }, ct);
        using var rated = await anonymous.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/rating", new { digits = Digits, overall = 5, staffAttitude = 5 }, ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notEnded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongDigits.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noDigits.StatusCode);
        Assert.True(rated.StatusCode == HttpStatusCode.Created, await rated.Content.ReadAsStringAsync(ct));
        var answer = await ReadAsync(rated, ct);
        Assert.Equal("PublicCode", answer["channel"]!.GetValue<string>());
        Assert.False(answer["followUpOpened"]!.GetValue<bool>());
        Assert.Empty((await (await harness.ClientAsync(Head, ct)).GetFromJsonAsync<JsonArray>("/api/v1/rating-follow-ups", ct))!);
    }

    [Theory, AllDatabases]
    public async Task Desk_EntersPaperRatings_OfItsOwnUnitOnly_OneWinsUnderConcurrency(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        await ReturnAsync(harness, id, ct, version: 1, accepted: true);
        var otherDesk = await harness.ClientAsync(OtherDesk, ct);
        var handler = await harness.ClientAsync(Handler, ct);

        using var noChannel = await desk.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { overall = 4 }, ct);
        using var portalChannel = await desk.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { channel = "Portal", overall = 4 }, ct);
        using var byOtherDesk = await otherDesk.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { channel = "Paper", overall = 4 }, ct);
        using var byHandler = await handler.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { channel = "Paper", overall = 4 }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, noChannel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, portalChannel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherDesk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byHandler.StatusCode);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await desk.PostAsJsonAsync($"/api/v1/dossiers/{id}/rating", new { channel = "Paper", overall = 1 + (i % 5) }, ct);
            return response.StatusCode;
        }));

        Assert.Equal(1, attempts.Count(s => s == HttpStatusCode.Created));
        Assert.All(attempts.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var rating = await db.SatisfactionRatings.SingleAsync(r => r.DossierId == id, ct);
            Assert.Equal(DemoData.UserId(Desk), rating.RecordedById);
            Assert.Equal(Domain.Feedback.RatingChannel.Paper, rating.Channel);
            Assert.Equal(rating.NeedsFollowUp ? 1 : 0, await db.RatingFollowUps.CountAsync(f => f.RatingId == rating.Id, ct));
        });
    }

    [Theory, AllDatabases]
    public async Task IdempotencyKey_ReplaysTheFirstAnswer(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        await ReturnAsync(harness, id, ct, version: 1, accepted: true);

        async Task<(HttpStatusCode Status, string Body)> PostAsync(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/rating") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "phieu-giay-0001");
            using var response = await desk.SendAsync(request, ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        var first = await PostAsync(new { channel = "Paper", overall = 5 });
        var retry = await PostAsync(new { channel = "Paper", overall = 5 });
        var reused = await PostAsync(new { channel = "Paper", overall = 1 });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first, retry);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.Status);
    }

    // Accepted (online) or received at the counter, then the whole handling to Returned.
    private static async Task ReturnAsync(Dossiers.DossierApiHarness harness, Guid id, CancellationToken ct, int version = 1, bool accepted = false)
    {
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        (HttpClient, string, object?)[] handling =
        [
            (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null),
            (handler, "SubmitForApproval", null), (head, "Approve", null), (desk, "ReturnResult", null),
        ];
        await FireStepsAsync(id, version, ct, accepted ? handling : [(desk, "Accept", null), .. handling]);
    }
}
