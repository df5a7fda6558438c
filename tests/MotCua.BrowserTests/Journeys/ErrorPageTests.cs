using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Journeys;

/// <summary>A person in a browser who hits a wrong address or a refused action gets a Vietnamese page with a way on,
/// never JSON or a blank page; programs under /api keep their problem details.</summary>
public sealed class ErrorPageTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task UnknownAddress_ShowsVietnameseNotFoundPage(DatabaseProvider provider)
    {
        await using var session = await Session.StartAsync(servers, chromium, provider, javaScript: false);

        Assert.Equal(404, await session.GotoAsync("/khong-co-trang-nay"));
        Assert.Equal("Không tìm thấy trang", (await session.Page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(1, await session.Page.Locator("main a[href='/Procedures']").CountAsync());
        await session.CheckAsync("not-found");
    }

    [Theory, AllDatabases]
    public async Task FormPostedWithoutAntiforgeryToken_ShowsBadRequestPage(DatabaseProvider provider)
    {
        await using var session = await Session.StartAsync(servers, chromium, provider);
        var page = session.Page;
        await session.GotoAsync("/Account/Login");
        // What a form left open past its token's life (or forged by another site) sends.
        await page.EvaluateAsync("() => document.querySelectorAll('main input[name=__RequestVerificationToken]').forEach(i => i.remove())");
        await page.Locator("#Input_Email").FillAsync("congdan@motcua.local");
        await page.Locator("#Input_Password").FillAsync(Session.DemoPassword);

        await page.Locator("main form button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Yêu cầu không hợp lệ");
        Assert.Equal(400, session.LastDocumentStatus);
        await session.CheckAsync("bad-request");
    }

    [Theory, AllDatabases]
    public async Task ApiAddress_KeepsProblemDetails(DatabaseProvider provider)
    {
        await using var session = await Session.StartAsync(servers, chromium, provider);

        var response = await session.Page.APIRequest.GetAsync("/api/v1/khong-co");

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.Headers["content-type"]);
        Assert.Contains("Không tìm thấy", await response.TextAsync(), StringComparison.Ordinal);
    }
}
