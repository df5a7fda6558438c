using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback.Pakn;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Pakn;

/// <summary>Readers' likes and dislikes of a published PAKN answer (issue 9 §2): one per reader and case (an account for a
/// signed-in person, a pseudonymous cookie otherwise), changeable and withdrawable, counted beside DVCQG's synchronised
/// totals; only on an answer that is published; the form on /Portal/Pakn works without JavaScript, needs its
/// antiforgery token, goes back only to the portal and is throttled like the public API.</summary>
public sealed class PaknReactionTests
{
    [Theory, AllDatabases]
    public async Task Api_OneReactionPerReader_ChangeableAndWithdrawable_CountedBesideTheSynchronisedTotals(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (id, code) = await PaknApiTests.PublishedAsync(harness, ct);
        var (first, second, citizen) = (harness.Anonymous(), harness.Anonymous(), await harness.ClientAsync(Citizen, ct));

        Assert.Equal((1, 0, "Like"), await ReactAsync(first, code, "Like", ct));
        Assert.Equal((1, 0, "Like"), await ReactAsync(first, code, "Like", ct));
        Assert.Equal((0, 1, "Dislike"), await ReactAsync(first, code, "Dislike", ct));
        Assert.Equal((1, 1, "Like"), await ReactAsync(second, code, "Like", ct));
        Assert.Equal((2, 1, "Like"), await ReactAsync(citizen, code, "Like", ct));
        Assert.Equal((1, 2, "Dislike"), await ReactAsync(citizen, code, "Dislike", ct));
        Assert.Equal((1, 1, (string?)null), await ReactAsync(first, code, "None", ct));
        Assert.Equal((1, 1, (string?)null), await ReactAsync(first, code, "None", ct));

        // The same reader six times at once: still one reaction.
        var burst = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await first.PostAsJsonAsync($"/api/v1/public/pakn/{code}/reaction", new { reaction = "Like" }, ct);
            return response.StatusCode;
        }));
        Assert.All(burst, s => Assert.Equal(HttpStatusCode.OK, s));

        // The public list: this portal's tallies beside DVCQG's (none synchronised here).
        var page = await first.GetFromJsonAsync<JsonObject>("/api/v1/public/pakn", ct);
        var row = page!["rows"]!.AsArray().Single(r => r!["trackingCode"]!.GetValue<string>() == code)!;
        Assert.Equal((2, 1, 0, 0), (row["localLikes"]!.GetValue<int>(), row["localDislikes"]!.GetValue<int>(), row["likes"]!.GetValue<int>(), row["dislikes"]!.GetValue<int>()));

        // Stored: pseudonymous keys only (the cookie's hash, the account id), never the cookie itself; the case unchanged.
        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var rows = await db.PaknReactions.AsNoTracking().Where(r => r.CaseId == id).ToListAsync(ct);
            Assert.Equal(3, rows.Count);
            Assert.Equal(2, rows.Count(r => r.ReaderKey.StartsWith("c:", StringComparison.Ordinal) && r.ReaderKey.Length == 66));
            Assert.Single(rows, r => r.ReaderKey == $"a:{MotCua.Persistence.Seeding.DemoData.UserId(Citizen):N}" && r.Kind == PaknReactionKind.Dislike);
            var pakn = await db.PaknCases.AsNoTracking().SingleAsync(c => c.Id == id, ct);
            Assert.Equal((0, 0, PaknStatus.Published), (pakn.Likes, pakn.Dislikes, pakn.Status));
        });
    }

    [Theory, AllDatabases]
    public async Task Api_BadInput_UnknownOrUnpublishedCase_WritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (_, code) = await PaknApiTests.PublishedAsync(harness, ct);
        using var sent = await harness.Anonymous().PostAsJsonAsync("/api/v1/public/pakn", PaknApiTests.Submission(), ct);
        var received = (await ReadAsync(sent, ct))["trackingCode"]!.GetValue<string>();
        var anonymous = harness.Anonymous();

        await ExpectAsync(anonymous, code, new { reaction = "Love" }, HttpStatusCode.BadRequest, ct);
        await ExpectAsync(anonymous, code, new { reaction = (string?)null }, HttpStatusCode.BadRequest, ct);
        await ExpectAsync(anonymous, code, new { reaction = "like" }, HttpStatusCode.BadRequest, ct);
        await ExpectAsync(anonymous, "PA-2026-XXXXXXX", new { reaction = "Like" }, HttpStatusCode.BadRequest, ct);
        await ExpectAsync(anonymous, PaknTrackingCode.Generate(2026).Format(), new { reaction = "Like" }, HttpStatusCode.NotFound, ct);
        var unpublished = await ExpectAsync(anonymous, received, new { reaction = "Like" }, HttpStatusCode.UnprocessableEntity, ct);
        Assert.Equal("pakn.answer_not_published", unpublished["rule"]!.GetValue<string>());
        await ExpectAsync(anonymous, received, new { reaction = "None" }, HttpStatusCode.OK, ct);
        await harness.InScopeAsync(async services => Assert.Equal(0, await services.GetRequiredService<AppDbContext>().PaknReactions.CountAsync(ct)));
    }

    [Theory, AllDatabases]
    public async Task Page_LikeWithoutJavaScript_ShowsTheReadersChoice_NeedsTheToken_StaysOnThePortal_AndIsThrottled(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string> { ["RateLimits:PublicLookup:PermitLimit"] = "6" });
        var (_, code) = await PaknApiTests.PublishedAsync(harness, ct);
        var reader = harness.Anonymous();
        var list = await reader.GetStringAsync("/Portal/Pakn", ct);
        Assert.Contains($"id=\"react-{code}\"", list, StringComparison.Ordinal);
        Assert.Contains("Trên cổng này: 0 thích, 0 không thích.", list, StringComparison.Ordinal);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(reader, "/Portal/Pakn", ct);

        using (var liked = await PostAsync(reader, token, code, "Like", "/Portal/Pakn?q=khai%20sinh", ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, liked.StatusCode);
            Assert.Equal($"/Portal/Pakn?q=khai%20sinh#pub-{code}", liked.Headers.Location!.OriginalString);
            Assert.Contains(liked.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.reader=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        }

        list = await reader.GetStringAsync("/Portal/Pakn", ct);
        Assert.Contains("Trên cổng này: 1 thích, 0 không thích.", list, StringComparison.Ordinal);
        Assert.Contains("Bạn đã chọn: thích.", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Bạn đã chọn", await harness.Anonymous().GetStringAsync("/Portal/Pakn", ct), StringComparison.Ordinal);

        // Somewhere else to go back to is refused: back to the list.
        using (var away = await PostAsync(reader, token, code, "Dislike", "https://example.com/Portal/Pakn", ct))
        {
            Assert.Equal($"/Portal/Pakn#pub-{code}", away.Headers.Location!.OriginalString);
        }

        // No token, no reaction.
        using (var forged = await reader.PostAsync("/Portal/Pakn/React", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["Reaction"] = "Like" }), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var wrong = await PostAsync(reader, token, code, "Love", "/Portal/Pakn", ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Chọn Like (thích)", await wrong.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        // The sixth post in the window is throttled, with the HTML error page.
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 6 && throttled is null; i++)
        {
            var response = await PostAsync(reader, token, code, "Like", "/Portal/Pakn", ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(throttled);
        using (throttled)
        {
            Assert.Equal("text/html", throttled.Content.Headers.ContentType?.MediaType);
        }

        await harness.InScopeAsync(async services =>
        {
            var stored = await services.GetRequiredService<AppDbContext>().PaknReactions.AsNoTracking().SingleAsync(ct);
            Assert.Equal(PaknReactionKind.Like, stored.Kind);
        });
    }

    private static async Task<(int Likes, int Dislikes, string? Mine)> ReactAsync(HttpClient client, string code, string reaction, CancellationToken ct)
    {
        var body = await ExpectAsync(client, code, new { reaction }, HttpStatusCode.OK, ct);
        Assert.Equal(code, body["trackingCode"]!.GetValue<string>());
        return (body["localLikes"]!.GetValue<int>(), body["localDislikes"]!.GetValue<int>(), body["mine"]?.GetValue<string>());
    }

    private static async Task<JsonObject> ExpectAsync(HttpClient client, string code, object body, HttpStatusCode status, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/public/pakn/{code}/reaction", body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string token, string code, string reaction, string returnUrl, CancellationToken ct) =>
        browser.PostAsync("/Portal/Pakn/React", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = code,
            ["Reaction"] = reaction,
            ["ReturnUrl"] = returnUrl,
        }), ct);
}
