using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Calendar;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 10 §3: the province's 766 scorecard for the year explains the points lost on 2.1 by the late dossiers
/// behind them, each a link to its page; the what-if control says what N of them on time would regain. The demo seed has
/// dossiers returned late this year. Axe at 1280 and 360 px.</summary>
public sealed class ServiceIndexJourneyTests(Servers servers, Chromium chromium)
{
    private const string Admin = "admin@motcua.local";

    [Theory, AllDatabases]
    public async Task Province_Scorecard_ExplainsTheLatePoints_AndLinksEachLateDossier(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var year = VietnamTime.Today(TimeProvider.System).Year;
        // The test servers run without the jobs: the statistics take in the seeded dossiers here, as the job would.
        await server.ApplyStatisticsAsync();

        await using var admin = await Session.StartAsync(server, chromium);
        var page = admin.Page;
        await admin.LoginAsync(Admin);
        await admin.GotoAsync("/ServiceIndex");
        await page.Locator("#unit").SelectOptionAsync(DemoData.UnitId(DemoData.ProvinceCode).ToString());
        await page.Locator("#year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#quarter").SelectOptionAsync("");
        await page.Locator("#month").SelectOptionAsync("");
        await page.Locator("#whatIf").FillAsync("1");
        await admin.SubmitAsync(page.Locator("form[action='/ServiceIndex'] button[type=submit]"));
        await Assertions.Expect(page.Locator("#si-summary")).ToContainTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var losses = page.Locator("#loss-2-1");
        await Assertions.Expect(losses).ToBeVisibleAsync();
        await losses.Locator("summary").ClickAsync();
        var first = losses.Locator("tbody th a").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await admin.CheckAsync("serviceindex-province-year");

        var href = await first.GetAttributeAsync("href");
        Assert.StartsWith("/Work/Dossier/", href, StringComparison.Ordinal);
        await first.ClickAsync();
        await page.WaitForURLAsync("**" + href);
        Assert.Equal(200, await admin.GotoAsync(href!));
    }
}
