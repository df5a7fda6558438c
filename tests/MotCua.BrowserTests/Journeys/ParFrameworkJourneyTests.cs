using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 11 §1, §8: Home Affairs opens the PAR Index menu, reads the seeded department framework's tree (methods,
/// checklist rows, points), copies it to the next year and finds the new draft ready to issue. Axe at 1280 and 360 px on
/// the list, the issued tree and the draft.</summary>
public sealed class ParFrameworkJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task HomeAffairs_ReadsTheTree_AndCopiesItToTheNextYear(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        await using var session = await Session.StartAsync(server, chromium);
        var page = session.Page;
        await session.LoginAsync("noivu@motcua.local");
        await session.GotoAsync("/ParIndex");
        await Assertions.Expect(page.Locator("#import-form")).ToBeVisibleAsync();
        await session.CheckAsync("parindex-list");

        var id = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);
        await page.Locator($"a[href='/ParIndex/Framework/{id}']").ClickAsync();
        await page.WaitForURLAsync($"**/ParIndex/Framework/{id}");
        await Assertions.Expect(page.Locator("#sub-1\\.1\\.1")).ToContainTextAsync("0,25");
        await Assertions.Expect(page.Locator("#issue-form")).ToHaveCountAsync(0);
        await session.CheckAsync("parindex-framework");

        await page.Locator("#copy-year").FillAsync("2027");
        await session.SubmitAsync(page.Locator("#copy-form button[type=submit]"));
        await Assertions.Expect(page.Locator("#framework-notice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#issue-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2027");
        await session.CheckAsync("parindex-draft");
    }
}
