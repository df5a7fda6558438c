using System.Text.RegularExpressions;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Web;

/// <summary>Every form that posts carries its antiforgery token (issue 8 §6, CSRF on every form). The form tag helper
/// adds the token by itself, except to a form with a literal <c>action</c> and no <c>asp-antiforgery="true"</c>: such a
/// form renders and then answers 400 to the person who fills it. Rather than list pages (and miss the next one), each
/// role's browser follows every same-site link from its home page, as a person clicking around would, and every post
/// form on every page it reaches is checked.</summary>
public sealed partial class FormTokenCrawlTests
{
    /// <summary>Each role, where it starts, and a page it must reach (so a crawl that stops early does not pass).</summary>
    public static TheoryData<string?, string, string> Roles => new()
    {
        { null, "/", "/Account/Register" },
        { Citizen, "/Portal/MyDossiers", "/Portal/MyDossiers/" },
        { Desk, "/Desk", "/Desk/Dossier/" },
        { Handler, "/Work", "/Work/Dossier/" },
        { Head, "/Work", "/Work/Dossier/" },
        { Admin, "/Admin", "/Admin/Users/Detail/" },
        { "noivu@motcua.local", "/Surveys", "/Surveys/New" },
    };

    [Theory, MemberData(nameof(Roles))]
    public async Task EveryPostForm_ReachableByLinks_CarriesAnAntiforgeryToken(string? user, string home, string mustReach)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(DatabaseProvider.Sqlite, ct);
        await PageCrawl.SeedDossiersAsync(harness, ct);
        var browser = user is null ? harness.Anonymous() : (await harness.SignInAsync(user, ct)).Browser;

        var forms = 0;
        var missing = new List<string>();
        var visited = await PageCrawl.VisitAsync(browser, [home], (path, html) =>
        {
            foreach (Match form in PageCrawl.Form().Matches(html))
            {
                if (!PostMethod().IsMatch(form.Groups["open"].Value))
                {
                    continue;
                }

                forms++;
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    missing.Add($"{path}: {form.Groups["open"].Value}");
                }
            }
        }, ct);

        Assert.True(forms > 0, $"the crawl from {home} as {user ?? "anonymous"} found no post form on {visited.Count} pages");
        Assert.True(visited.Any(p => p.StartsWith(mustReach, StringComparison.OrdinalIgnoreCase)), $"the crawl from {home} never opened {mustReach}");
        Assert.True(missing.Count == 0, "Post forms without an antiforgery token:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""method\s*=\s*["']?post""", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();
}
