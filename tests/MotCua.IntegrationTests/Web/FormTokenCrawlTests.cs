using System.Net;
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
    private const int MaxPages = 250;

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

        // Dossiers in the states whose pages carry the most forms: one submitted online (the desk's accept and ask, the
        // citizen's withdrawal), one waiting for the citizen's supplement during appraisal (the upload form, the
        // handler's actions), one received at the counter.
        var owner = await harness.ClientAsync(Citizen, ct);
        await harness.CreateOnlineAsync(owner, ct);
        await harness.DriveOnlineAsync(await harness.CreateOnlineAsync(owner, ct), Domain.Dossiers.DossierStatus.SupplementRequested, ct);
        await harness.CreateAsync(await harness.ClientAsync(Desk, ct), ct);

        var browser = user is null ? harness.Anonymous() : (await harness.SignInAsync(user, ct)).Browser;

        var seen = new HashSet<string>(StringComparer.Ordinal) { home };
        var queue = new Queue<string>([home]);
        var visited = new List<string>();
        var forms = 0;
        var missing = new List<string>();
        while (queue.TryDequeue(out var path) && seen.Count <= MaxPages)
        {
            using var response = await browser.GetAsync(path, ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            visited.Add(path);
            var html = await response.Content.ReadAsStringAsync(ct);
            foreach (Match form in Form().Matches(html))
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

            foreach (Match link in Link().Matches(html))
            {
                var next = WebUtility.HtmlDecode(link.Groups["href"].Value).Split('#')[0];
                if (next.Length > 0 && !Skipped().IsMatch(next) && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        Assert.True(forms > 0, $"the crawl from {home} as {user ?? "anonymous"} found no post form on {visited.Count} pages");
        Assert.True(visited.Any(p => p.StartsWith(mustReach, StringComparison.OrdinalIgnoreCase)), $"the crawl from {home} never opened {mustReach}");
        Assert.True(missing.Count == 0, "Post forms without an antiforgery token:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""(?<open><form\b[^>]*>).*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex("""method\s*=\s*["']?post""", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();

    /// <summary>Site-relative links only (never another site, never protocol-relative).</summary>
    [GeneratedRegex("""<a\b[^>]*\bhref="(?<href>/(?!/)[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    /// <summary>Not followed: the API (JSON), signing out (it would end the crawl's session), files and static assets.</summary>
    [GeneratedRegex("""^/(api/|Account/Logout|lib/|css/|js/|favicon)|/(content|download|print)\b|\.(css|js|png|svg|ico|pdf|json|csv|xlsx)(\?|$)""", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();
}
