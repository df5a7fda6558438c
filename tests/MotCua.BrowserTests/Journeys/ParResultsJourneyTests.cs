using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 11 §4, §8: Home Affairs opens the department framework's results from /ParIndex, sees the units not yet
/// finished, publishes after ticking the confirmation (a correction with a reason when another journey published first);
/// an anonymous citizen reads the published ranking with its bands and export, and the comparison; the head of the
/// Department of Justice sees its own line and its simulator. Axe at 1280 and 360 px on every screen.</summary>
public sealed class ParResultsJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task HomeAffairsPublishes_TheCitizenReadsTheRanking_TheUnitSimulates(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var framework = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);
        await using (var homeAffairs = await Session.StartAsync(server, chromium))
        {
            var page = homeAffairs.Page;
            await homeAffairs.LoginAsync("noivu@motcua.local");
            await homeAffairs.GotoAsync("/ParIndex");
            await homeAffairs.SubmitAsync(page.Locator($"a[href='/ParIndex/Results/{framework}']"));
            await Assertions.Expect(page.Locator("#results-table")).ToContainTextAsync("Sở Tài chính");
            await Assertions.Expect(page.Locator("#not-finished-intro")).ToBeVisibleAsync();
            await homeAffairs.CheckAsync("par-results-homeaffairs");

            await page.Locator("#reason").FillAsync("Công bố kết quả năm 2026 (kiểm thử)");
            await page.Locator("#confirm").CheckAsync();
            await homeAffairs.SubmitAsync(page.Locator("#publish-form button[type=submit]"));
            await Assertions.Expect(page.Locator("#published-status")).ToContainTextAsync("Đã công bố");
            await Assertions.Expect(page.Locator("#publications li")).Not.ToHaveCountAsync(0);
            await homeAffairs.CheckAsync("par-results-published");
        }

        await using (var citizen = await Session.StartAsync(server, chromium))
        {
            var page = citizen.Page;
            await citizen.GotoAsync("/Portal");
            await citizen.SubmitAsync(page.Locator("a[href='/Portal/ParIndex']"));
            await Assertions.Expect(page.Locator("#public-list")).ToContainTextAsync("2026");
            await citizen.CheckAsync("par-public-list");
            await citizen.SubmitAsync(page.Locator($"#public-list a[href='/Portal/ParIndex/{framework}']"));
            await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("Sở Tư pháp");
            await Assertions.Expect(page.Locator("#bands")).ToContainTextAsync("Nhóm A");
            await Assertions.Expect(page.Locator("#export-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/api/v1/parindex/published/{framework}/export"));
            await citizen.CheckAsync("par-public-ranking");
            await citizen.SubmitAsync(page.Locator("#comparison-link"));
            await Assertions.Expect(page.Locator("#compare-units")).ToContainTextAsync("Sở Tư pháp");
            await citizen.CheckAsync("par-public-comparison");
        }

        await using var head = await Session.StartAsync(server, chromium);
        await head.LoginAsync("lanhdao@motcua.local");
        await head.GotoAsync($"/ParIndex/Results/{framework}");
        await Assertions.Expect(head.Page.Locator("#results-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(head.Page.Locator("#publish-form")).ToHaveCountAsync(0);
        await head.CheckAsync("par-results-unit");
        await head.SubmitAsync(head.Page.Locator("#results-table a", new() { HasText = "Mô phỏng" }));
        await Assertions.Expect(head.Page.Locator("#sim-unit")).ToContainTextAsync("Sở Tư pháp");
        await Assertions.Expect(head.Page.Locator("#sim-table tbody tr").First).ToBeVisibleAsync();
        await head.CheckAsync("par-simulator");
    }
}
