using System.Net;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Security;

/// <summary>Security headers on HTML pages, no inline script for the CSP to break, and no caching of personal data
/// (issue 7 item 3).</summary>
public sealed partial class SecurityHeadersTests
{
    [Theory, AllDatabases]
    public async Task Pages_CarryTheSecurityHeadersAndNoInlineScript(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (browser, _) = await harness.SignInAsync(Desk, ct);

        foreach (var (client, path) in new[] { (harness.Anonymous(), "/"), (harness.Anonymous(), "/Procedures"), (harness.Anonymous(), "/Account/Login"), (browser, "/Account") })
        {
            using var response = await client.GetAsync(path, ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, path);
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
            // What the policy would block: inline script, event-handler attributes, javascript: URLs, inline styles.
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
        }

        using var account = await browser.GetAsync("/Account", ct);
        Assert.True(account.Headers.CacheControl?.NoStore, "A signed-in page carries the user's data.");
    }

    [Theory, AllDatabases]
    public async Task DossierJsonAndForms_AreNotStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var json = await desk.GetAsync($"/api/v1/dossiers/{id}", ct);
        using var list = await desk.GetAsync("/api/v1/dossiers", ct);
        using var form = await desk.GetAsync($"/api/v1/dossiers/{id}/forms/01", ct);
        using var register = await desk.GetAsync($"/api/v1/units/{Unit(TuHieu)}/register?year=2026", ct);

        foreach (var response in new[] { json, list, form, register })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, response.RequestMessage!.RequestUri!.PathAndQuery);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        }

        // The print view keeps its inline stylesheet, and still runs no script and is framed by no other site.
        var printCsp = Header(form, "Content-Security-Policy");
        Assert.StartsWith("default-src 'none'", printCsp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", printCsp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", printCsp, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task ServerTiming_OnlyWhenSwitchedOn_AndThenOnPagesAndApi(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        using (var quiet = await harness.Anonymous().GetAsync("/Portal/Lookup", ct))
        {
            Assert.Equal(HttpStatusCode.OK, quiet.StatusCode);
            Assert.False(quiet.Headers.Contains("Server-Timing"), "Timings are a side channel: off unless configured.");
        }

        await using var timed = harness.Factory.WithWebHostBuilder(b => b.UseSetting("Diagnostics:ServerTiming", "true"));
        using var client = timed.CreateClient();
        foreach (var path in new[] { "/Portal/Lookup", "/api/v1/procedures", "/no-such-page" })
        {
            using var response = await client.GetAsync(path, ct);
            Assert.Matches(@"^app;dur=\d+\.\d$", Header(response, "Server-Timing"));
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"No {name} header on {response.RequestMessage?.RequestUri}.");

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\s(on[a-z]+|style)\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();
}
