using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>The web app on a <see cref="TestDatabase"/>, with the demo preset seeded at start.</summary>
/// <remarks>
/// The type argument only locates the web assembly's entry point; <c>Program</c> itself is ambiguous here because
/// the referenced CLI assembly has one too.
/// </remarks>
public sealed partial class MotCuaWebFactory(TestDatabase database) : WebApplicationFactory<MotCua.Web.SharedResource>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{database.Provider}", database.ConnectionString);
        builder.UseSetting("Seed:Demo", "true");
        // Background jobs (Quartz, the outbox drain) would race the tests' own assertions; tests that want them opt in.
        builder.UseSetting("Jobs:Enabled", "false");
        // Tests count the dossiers they create; the demo dossiers have their own tests (DemoDossierSeedTests).
        builder.UseSetting("Seed:DemoDossiers", "false");
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can assert them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs <paramref name="path"/> and returns the antiforgery token of its first form.</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(HttpClient client, string path, CancellationToken ct)
    {
        var html = await client.GetStringAsync(path, ct);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {path}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts the login form with antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, CancellationToken ct, string returnUrl = "")
    {
        var path = "/Account/Login" + (returnUrl.Length > 0 ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl) : "");
        var token = await GetAntiforgeryTokenAsync(client, path, ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(path, form, ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
