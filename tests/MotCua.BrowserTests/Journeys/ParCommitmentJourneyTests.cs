using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 11 §5, §8: the head of the Department of Justice opens the unit's commitment from the board, raises the
/// survey area's target, signs after ticking the confirmation; Home Affairs then finds it signed on the board, beside the
/// two demo commitments. Axe at 1280 and 360 px on the board and the commitment, before and after signing.</summary>
public sealed class ParCommitmentJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task HeadSignsTheCommitment_HomeAffairsSeesItOnTheBoard(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var board = $"/ParIndex/Commitments/{DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026)}";
        await using (var head = await Session.StartAsync(server, chromium))
        {
            var page = head.Page;
            await head.LoginAsync("lanhdao@motcua.local");
            await head.GotoAsync(board);
            await Assertions.Expect(page.Locator("#commitment-board")).ToContainTextAsync("Sở Tư pháp");
            await head.CheckAsync("commitment-board-unit");

            await head.SubmitAsync(page.Locator("#commitment-board form button[type=submit]"));
            await Assertions.Expect(page.Locator("#commitment-status")).ToHaveTextAsync("Dự thảo");
            await Assertions.Expect(page.Locator("#target-1")).ToHaveValueAsync("100");
            await Assertions.Expect(page.Locator("#target-8")).ToHaveValueAsync("95");
            await head.CheckAsync("commitment-draft");

            await page.Locator("#target-8").FillAsync("97.5");
            await head.SubmitAsync(page.Locator("#save-targets"));
            await Assertions.Expect(page.Locator("#commitment-notice")).ToHaveTextAsync("Đã lưu chỉ tiêu.");
            await page.Locator("#confirm").CheckAsync();
            await head.SubmitAsync(page.Locator("#sign-submit"));
            await Assertions.Expect(page.Locator("#commitment-notice")).ToHaveTextAsync("Đã ký cam kết.");
            await Assertions.Expect(page.Locator("#commitment-status")).ToHaveTextAsync("Đã ký");
            await Assertions.Expect(page.Locator("#area-8")).ToContainTextAsync("≥ 97,5 %");
            await Assertions.Expect(page.Locator("#sign-form")).ToHaveCountAsync(0);
            await head.CheckAsync("commitment-signed");
        }

        await using var homeAffairs = await Session.StartAsync(server, chromium);
        await homeAffairs.LoginAsync("noivu@motcua.local");
        await homeAffairs.GotoAsync(board);
        var justice = homeAffairs.Page.Locator("#commitment-board tr", new() { HasText = "Sở Tư pháp" });
        await Assertions.Expect(justice).ToContainTextAsync("Đã ký");
        await Assertions.Expect(justice).ToContainTextAsync("Chỉ tiêu ≥ 97,5 %");
        await Assertions.Expect(homeAffairs.Page.Locator("#board-summary")).ToContainTextAsync("3/12");
        await homeAffairs.CheckAsync("commitment-board-province");

        await justice.Locator("a").ClickAsync();
        await Assertions.Expect(homeAffairs.Page.Locator("#reopen-form")).ToBeVisibleAsync();
        await homeAffairs.CheckAsync("commitment-homeaffairs");
    }
}
