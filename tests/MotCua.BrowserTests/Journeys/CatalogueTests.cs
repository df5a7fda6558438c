using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Anyone finds a procedure by its name typed without diacritics and reads its public information.</summary>
public sealed class CatalogueTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task SearchWithoutDiacritics_OpensProcedureDetail(DatabaseProvider provider)
    {
        await using var session = await Session.StartAsync(servers, chromium, provider);
        var page = session.Page;

        Assert.Equal(200, await session.GotoAsync("/"));
        await session.CheckAsync("home");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" })
            .GetByRole(AriaRole.Link, new() { Name = "Tra cứu thủ tục" }).ClickAsync();
        await page.Locator("#q").FillAsync("dang ky khai sinh");
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Procedures?q=*");
        await session.CheckAsync("search-results");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký khai sinh", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/Procedures/1.001193");
        Assert.Equal("Đăng ký khai sinh", (await page.Locator("h1").InnerTextAsync()).Trim());
        await session.CheckAsync("procedure-detail");
    }
}
