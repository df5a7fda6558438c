using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>The public lookup's second factor: the steps, dates and result availability only with the last digits of
/// the applicant's phone or identity number, with failures limited in the database.</summary>
public sealed class PublicDetailTests
{
    // CounterBody's applicant: phone 0912345678, identity number 034095001234.
    private const string PhoneDigits = "5678";
    private const string IdentityDigits = "1234";

    [Theory, AllDatabases]
    public async Task Detail_WithTheLastDigits_ShowsStepsDatesAndResult_WithoutPersonalData(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var created = await harness.CreateAsync(desk, ct);
        var code = created["code"]!.GetValue<string>();
        await FireStepsAsync(created["id"]!.GetValue<Guid>(), created["version"]!.GetValue<int>(), ct, (desk, "Transfer", null));
        var anonymous = harness.Anonymous();

        using var publicView = await anonymous.GetAsync($"/api/v1/public/dossiers/{code}", ct);
        var publicText = await publicView.Content.ReadAsStringAsync(ct);
        using var byPhone = await PostDetailAsync(anonymous, code, PhoneDigits, ct);
        var text = await byPhone.Content.ReadAsStringAsync(ct);
        using var byIdentity = await PostDetailAsync(anonymous, code, IdentityDigits, ct);

        Assert.Equal(HttpStatusCode.OK, publicView.StatusCode);
        var anonymousView = JsonNode.Parse(publicText)!.AsObject();
        Assert.Equal("Transferred", anonymousView["status"]!.GetValue<string>());
        foreach (var detailOnly in new[] { "steps", "timeline", "resultReady" })
        {
            Assert.False(anonymousView.ContainsKey(detailOnly), $"The anonymous view shows {detailOnly}.");
        }

        Assert.Equal(HttpStatusCode.OK, byPhone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byIdentity.StatusCode);
        var view = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, view["code"]!.GetValue<string>());
        Assert.False(view["resultReady"]!.GetValue<bool>());
        Assert.NotNull(view["appointmentAt"]);
        var steps = view["steps"]!.AsArray();
        var reception = steps.Single(s => s!["kind"]!.GetValue<string>() == "Reception")!;
        Assert.NotNull(reception["startedAt"]);
        Assert.NotNull(reception["dueAt"]);
        Assert.NotNull(reception["completedAt"]);
        var agency = steps.Single(s => s!["kind"]!.GetValue<string>() == "CompetentAgency")!;
        Assert.NotNull(agency["startedAt"]);
        Assert.NotNull(agency["dueAt"]);
        Assert.Equal(["Received", "Transferred"], view["timeline"]!.AsArray().Select(e => e!["status"]!.GetValue<string>()));
        Assert.All(view["timeline"]!.AsArray(), e => Assert.NotNull(e!["at"]));
        foreach (var personal in new[] { "Nguyễn Văn Bình", "034095001234", "0912345678", "binh@example.vn", "12 Tô Hiệu", "applicant", "note", "actor" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, AllDatabases]
    public async Task Detail_WrongDigitsAndUnknownCode_GetTheSameAnswer_DigitsOnlyInTheBody(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var code = (await harness.CreateAsync(desk, ct))["code"]!.GetValue<string>();
        var anonymous = harness.Anonymous();

        using var wrongDigits = await PostDetailAsync(anonymous, code, "0000", ct);
        using var unknownCode = await PostDetailAsync(anonymous, $"{TuHieu}-261124-0099", PhoneDigits, ct);
        using var inQuery = await anonymous.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/detail?digits={PhoneDigits}", new { }, ct);
        using var tooShort = await PostDetailAsync(anonymous, code, "678", ct);
        using var notDigits = await PostDetailAsync(anonymous, code, "56a8", ct);

        Assert.Equal(HttpStatusCode.NotFound, wrongDigits.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCode.StatusCode);
        var (wrong, unknown) = (await ReadAsync(wrongDigits, ct), await ReadAsync(unknownCode, ct));
        foreach (var field in new[] { "status", "title", "detail", "rule", "errorCode" })
        {
            Assert.Equal(wrong[field]!.ToJsonString(), unknown[field]!.ToJsonString());
        }

        Assert.DoesNotContain(code, wrong.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, inQuery.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notDigits.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Detail_FailuresPerCode_AreCountedAcrossNodes_Then429WithRetryAfter(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var code = (await harness.CreateAsync(desk, ct))["code"]!.GetValue<string>();
        var otherCode = (await harness.CreateAsync(desk, ct))["code"]!.GetValue<string>();
        // A second web node on the same database: its own memory, rate limiter and caches.
        await using var nodeB = harness.Factory.WithWebHostBuilder(_ => { });
        using var clientA = harness.Anonymous();
        using var clientB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Correct answers give their attempt back: more of them than the limit all pass.
        var correct = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await PostDetailAsync(clientA, code, PhoneDigits, ct);
            correct.Add(response.StatusCode);
        }

        var failures = new List<HttpStatusCode>();
        foreach (var client in new[] { clientA, clientB, clientA, clientB, clientA })
        {
            using var response = await PostDetailAsync(client, code, "0000", ct);
            failures.Add(response.StatusCode);
        }

        harness.Clock.Advance(TimeSpan.FromSeconds(100));
        using var limited = await PostDetailAsync(clientB, code, PhoneDigits, ct);
        using var otherDossier = await PostDetailAsync(clientA, otherCode, PhoneDigits, ct);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        harness.Clock.Advance(TimeSpan.FromSeconds(retryAfter));
        using var nextWindow = await PostDetailAsync(clientA, code, PhoneDigits, ct);

        Assert.All(correct, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(failures, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("public_lookup.too_many_attempts", (await ReadAsync(limited, ct))["rule"]!.GetValue<string>());
        Assert.InRange(retryAfter, 1, 900 - 100);
        Assert.Equal(HttpStatusCode.OK, otherDossier.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nextWindow.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Detail_FailuresPerClient_CountOverEveryCode_IncludingUnknownOnes(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string>
        {
            ["RateLimits:PublicLookupDetail:FailuresPerClient"] = "3",
            ["RateLimits:PublicLookupDetail:WindowSeconds"] = "60",
        });
        var desk = await harness.ClientAsync(Desk, ct);
        var code = (await harness.CreateAsync(desk, ct))["code"]!.GetValue<string>();
        var anonymous = harness.Anonymous();

        var guesses = new List<HttpStatusCode>();
        for (var n = 91; n <= 93; n++)
        {
            using var response = await PostDetailAsync(anonymous, $"{TuHieu}-261124-{n:D4}", PhoneDigits, ct);
            guesses.Add(response.StatusCode);
        }

        using var limited = await PostDetailAsync(anonymous, code, PhoneDigits, ct);

        Assert.All(guesses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    private static Task<HttpResponseMessage> PostDetailAsync(HttpClient client, string code, string digits, CancellationToken ct) =>
        client.PostAsJsonAsync($"/api/v1/public/dossiers/{code}/detail", new { digits }, ct);
}
