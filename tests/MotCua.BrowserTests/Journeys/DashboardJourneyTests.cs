using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Calendar;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 10 §6: Home Affairs opens the dashboard from the menu, sees the province's monthly trend drawn by ECharts
/// beside its table, and drills down to a department, whose breakdown is by procedure; an agency head without JavaScript,
/// on a phone, reads the same figures in the tables while the chart's place stays hidden. The PDF holds the page's figures
/// and its chart as text. Axe at 1280 and 360 px.</summary>
public sealed class DashboardJourneyTests(Servers servers, Chromium chromium)
{
    private const string HomeAffairs = "noivu@motcua.local";

    [Theory, AllDatabases]
    public async Task HomeAffairs_SeesTheProvinceChartAndTable_DrillsDownToADepartment(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        await server.ApplyStatisticsAsync();
        await using var officer = await Session.StartAsync(server, chromium);
        var page = officer.Page;
        await officer.LoginAsync(HomeAffairs);

        await page.Locator("nav a[href='/Dashboard']").ClickAsync();
        await page.WaitForURLAsync("**/Dashboard");
        await Assertions.Expect(page.Locator("#unit")).ToHaveValueAsync(DemoData.UnitId(Province).ToString());
        // Drawn by the site script: the container shown, a canvas inside, and as many months in the table as have begun.
        await Assertions.Expect(page.Locator("#trend-chart")).ToHaveAttributeAsync("data-chart-drawn", "true");
        await Assertions.Expect(page.Locator("#trend-chart canvas").First).ToBeVisibleAsync();
        var month = VietnamTime.Today(TimeProvider.System).Month;
        await Assertions.Expect(page.Locator("#trend-table tbody tr")).ToHaveCountAsync(month);
        await Assertions.Expect(page.Locator("#breakdown-table caption")).ToContainTextAsync("đơn vị trực thuộc");
        await officer.CheckAsync("dashboard-province");

        // The PDF: the page's figures and its chart, drawn by the same script as SVG, so the chart's words are text (the
        // y-axis name "Hồ sơ" is in the chart only; the months are in both).
        var pdf = await Downloads.ClickAsync(page, "#dashboard-pdf");
        await Downloads.KeepAsync($"{nameof(DashboardJourneyTests)}-{provider}", "bang-dieu-hanh.pdf", pdf);
        var text = Downloads.PdfText(pdf, out var landscape);
        Assert.True(landscape, "not landscape");
        Assert.Contains(Downloads.Flat(await page.Locator("#dashboard-unit").InnerTextAsync()), text, StringComparison.Ordinal);
        Assert.Contains(Downloads.Flat("Hồ sơ"), text, StringComparison.Ordinal);
        foreach (var row in await page.Locator("#trend-table tbody tr, #trend-table tfoot tr, #satisfaction-table tbody tr, #index-table tr").AllAsync())
        {
            var line = Downloads.Flat(string.Join(" ", await row.Locator("th, td").AllInnerTextsAsync()));
            Assert.True(text.Contains(line, StringComparison.Ordinal), $"the PDF lacks the line “{line}”:\n{text}");
        }

        Assert.Contains(Downloads.Flat((await page.Locator("#kpi-on-time .kpi-value").InnerTextAsync()).Trim()), text, StringComparison.Ordinal);

        var justice = DemoData.UnitId(Justice);
        await page.Locator($"#breakdown-table a[href^='/Dashboard?unit={justice}']").ClickAsync();
        await page.WaitForURLAsync($"**/Dashboard?unit={justice}*");
        await Assertions.Expect(page.Locator("#unit")).ToHaveValueAsync(justice.ToString());
        await Assertions.Expect(page.Locator("#dashboard-unit")).ToContainTextAsync("Tư pháp");
        await Assertions.Expect(page.Locator("#breakdown-title")).ToHaveTextAsync("Theo thủ tục hành chính");
        await Assertions.Expect(page.Locator("#trend-chart canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#dashboard-up")).ToBeVisibleAsync();
        await officer.CheckAsync("dashboard-department");
    }

    [Theory, AllDatabases]
    public async Task AgencyHead_WithoutJavaScript_OnAPhone_ReadsTheTables(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        await server.ApplyStatisticsAsync();
        await using var head = await Session.StartAsync(server, chromium, javaScript: false, width: 360);
        var page = head.Page;
        await head.LoginAsync(Head);

        Assert.Equal(200, await head.GotoAsync("/Dashboard"));
        await Assertions.Expect(page.Locator("#trend-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#trend-chart")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#trend-chart canvas").CountAsync());
        await Assertions.Expect(page.Locator("#kpi-on-time .kpi-value")).Not.ToBeEmptyAsync();
        // The unit picker offers only what the head may read: the department, not the province.
        Assert.Equal(0, await page.Locator($"#unit option[value='{DemoData.UnitId(Province)}']").CountAsync());
        await Assertions.Expect(page.Locator("#breakdown-title")).ToHaveTextAsync("Theo thủ tục hành chính");
        await head.CheckAsync("dashboard-no-script");
    }
}
