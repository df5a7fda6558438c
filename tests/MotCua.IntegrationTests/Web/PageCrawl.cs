using System.Net;
using System.Text.RegularExpressions;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Dossiers;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Web;

/// <summary>A browser clicking around: from its start pages it follows every same-site link, as a person would, and
/// hands each HTML page it reaches to the test; for the checks that must hold on every page a role can reach, without a
/// list of pages that would miss the next one.</summary>
internal static partial class PageCrawl
{
    public const int MaxPages = 250;

    /// <summary>Dossiers in the states whose pages carry the most forms: one submitted online (the desk's accept and ask,
    /// the citizen's withdrawal), one waiting for the citizen's supplement during appraisal (the upload form, the
    /// handler's actions), one received at the counter.</summary>
    public static async Task SeedDossiersAsync(DossierApiHarness harness, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(harness);
        var owner = await harness.ClientAsync(Citizen, ct);
        await harness.CreateOnlineAsync(owner, ct);
        await harness.DriveOnlineAsync(await harness.CreateOnlineAsync(owner, ct), DossierStatus.SupplementRequested, ct);
        await harness.CreateAsync(await harness.ClientAsync(Desk, ct), ct);
    }

    /// <summary>Visits the pages reachable from <paramref name="start"/> (at most <see cref="MaxPages"/>), calling
    /// <paramref name="page"/> with each page's path and HTML; returns the paths visited.</summary>
    public static async Task<List<string>> VisitAsync(HttpClient browser, IEnumerable<string> start, Action<string, string> page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(page);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(start.Where(seen.Add));
        var visited = new List<string>();
        while (queue.TryDequeue(out var path) && seen.Count <= MaxPages)
        {
            using var response = await browser.GetAsync(path, ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            visited.Add(path);
            var html = await response.Content.ReadAsStringAsync(ct);
            page(path, html);
            foreach (Match link in Link().Matches(html))
            {
                var next = WebUtility.HtmlDecode(link.Groups["href"].Value).Split('#')[0];
                if (next.Length > 0 && !Skipped().IsMatch(next) && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return visited;
    }

    /// <summary>A form: its opening tag (<c>open</c>) and its content (<c>body</c>).</summary>
    [GeneratedRegex("""(?<open><form\b[^>]*>)(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    public static partial Regex Form();

    /// <summary>Site-relative links only (never another site, never protocol-relative).</summary>
    [GeneratedRegex("""<a\b[^>]*\bhref="(?<href>/(?!/)[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    /// <summary>Not followed: the API (JSON), signing out (it would end the crawl's session), files and static assets.</summary>
    [GeneratedRegex("""^/(api/|Account/Logout|lib/|css/|js/|favicon)|/(content|download|print)\b|\.(css|js|png|svg|ico|pdf|json|csv|xlsx)(\?|$)""", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();
}
