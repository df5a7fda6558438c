using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Security;

/// <summary>The login cookie reads, it never writes through the API (issue 7 item 2: a foreign page could post with it).</summary>
public sealed class CookieApiTests
{
    [Theory, AllDatabases]
    public async Task CookieOnlyPost_FromForeignOrigin_IsRefusedWhileBearerWritesAndCookieReads(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (_, cookie) = await harness.SignInAsync(Desk, ct);
        var byCookie = harness.WithCookie(cookie);
        byCookie.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        var byToken = await harness.ClientAsync(Desk, ct);

        using var forged = await byCookie.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody(), ct);
        var problem = await ReadAsync(forged, ct);
        await using (var db = harness.Database.CreateContext())
        {
            Assert.Equal(0, await db.Dossiers.CountAsync(ct));
        }

        var created = await harness.CreateAsync(byToken, ct);
        using var read = await byCookie.GetAsync($"/api/v1/dossiers/{created["id"]}", ct);
        using var transition = await FireAsync(byCookie, created["id"]!.GetValue<Guid>(), "Transfer", 1, ct);
        using var page = await byCookie.GetAsync("/Account", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("auth.bearer_required", problem["rule"]!.GetValue<string>());
        Assert.Contains("Bearer", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, transition.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
