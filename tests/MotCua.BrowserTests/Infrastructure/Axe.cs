using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>The quality bar every checked page meets (issue 8 §6): no serious or critical axe-core violation (WCAG 2.1
/// AA rules) and no sideways scrolling of the page, at 1280 px and at 360 px; a full-page screenshot of each width is
/// kept under <c>artifacts/test-results/screenshots/&lt;test&gt;/&lt;name&gt;-&lt;width&gt;.png</c>.</summary>
public static class Axe
{
    public static readonly int[] Widths = [1280, 360];

    private static readonly string[] Failing = ["serious", "critical"];

    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    /// <summary>The folder the screenshots go to (the test-results folder scripts/test.sh collects).</summary>
    public static string ScreenshotRoot { get; } =
        Path.Combine(DataRoot.Find(AppContext.BaseDirectory), "artifacts", "test-results", "screenshots");

    // The innermost elements that stick out of the viewport on the right, to say what makes a page scroll sideways; inside
    // a scrolling box only those positioned out of its flow (an absolutely positioned label escapes an unpositioned box).
    private const string Overflowing = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                && !(e.parentElement && e.parentElement.closest('.table-scroll') && !['absolute', 'fixed'].includes(getComputedStyle(e).position))
                && ![...e.children].some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
            .slice(0, 3)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
                + ' right=' + Math.round(e.getBoundingClientRect().right))
            .join(', ')
        """;

    public static Task CheckAsync(IPage page, string name) => CheckAsync(page, name, page);

    /// <summary>Screenshots <paramref name="page"/> and analyses <paramref name="analysed"/>, a JavaScript-enabled page
    /// showing the same document (axe-core is a script: it cannot run in a page whose scripts are disabled).</summary>
    public static async Task CheckAsync(IPage page, string name, IPage analysed)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(analysed);
        var folder = Path.Combine(ScreenshotRoot, TestFolder());
        Directory.CreateDirectory(folder);
        var original = page.ViewportSize;
        var originalAnalysed = analysed.ViewportSize;
        var failures = new StringBuilder();
        try
        {
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, width > 600 ? 900 : 740);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
                if (!ReferenceEquals(page, analysed))
                {
                    await analysed.SetViewportSizeAsync(width, width > 600 ? 900 : 740);
                }

                var results = await analysed.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
                foreach (var violation in results.Violations.Where(v => Failing.Contains(v.Impact)))
                {
                    failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                        $"{name} @ {width}px: {violation.Impact} {violation.Id}: {violation.Help}");
                    foreach (var node in violation.Nodes.Take(5))
                    {
                        failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {node.Target} {node.Html}");
                    }
                }

                var overflow = await analysed.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (overflow > 0)
                {
                    var culprits = await analysed.EvaluateAsync<string>(Overflowing);
                    failures.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{name} @ {width}px: the page scrolls sideways by {overflow}px ({culprits})");
                }
            }
        }
        finally
        {
            if (original is not null)
            {
                await page.SetViewportSizeAsync(original.Width, original.Height);
            }

            if (originalAnalysed is not null && !ReferenceEquals(page, analysed))
            {
                await analysed.SetViewportSizeAsync(originalAnalysed.Width, originalAnalysed.Height);
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    // One folder per test (theory rows included): Class.Method(provider: Sqlite) → Class.Method_provider_Sqlite.
    private static string TestFolder()
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "unknown";
        var name = new string([.. test.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
        return name.Trim('_').Replace("__", "_", StringComparison.Ordinal);
    }
}
