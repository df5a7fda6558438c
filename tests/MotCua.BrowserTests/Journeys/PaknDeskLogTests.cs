using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 9 §2: the desk logs a PAKN taken on the hotline (ND 20/2008 Art. 6), only for its own unit, and lands on
/// the case page ready to classify it.</summary>
public sealed class PaknDeskLogTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task Desk_LogsAHotlineCall_ForItsOwnUnitOnly(DatabaseProvider provider)
    {
        await using var desk = await Session.StartAsync(servers, chromium, provider);
        await desk.LoginAsync(Desk);
        await desk.GotoAsync("/Work/Pakn");
        await desk.Page.GetByRole(AriaRole.Link, new() { Name = "Ghi sổ phản ánh" }).ClickAsync();
        var page = desk.Page;
        await page.Locator("input[name=Channel][value=Phone]").CheckAsync();
        await page.Locator("#Input_Subject").FillAsync("Đường dây nóng: cán bộ hẹn trả kết quả nhiều lần");
        await page.Locator("#Input_Content").FillAsync("Người gọi cho biết đã đến nhận kết quả ba lần nhưng chưa có, không được giải thích lý do.");
        await page.Locator("#Input_FullName").FillAsync("Cầm Thị Nga");
        await page.Locator("#Input_Address").FillAsync("Tổ 3, phường Tô Hiệu");
        await page.Locator("#Input_Phone").FillAsync("0915 222 333");
        await page.Locator("input[name='Input.Categories'][value='1']").CheckAsync();

        // Another commune's unit: refused, with the reason beside the unit.
        await page.Locator("#Input_ReceivingUnitId").SelectOptionAsync(DemoData.UnitId("000.00.42.H56").ToString());
        await desk.SubmitAsync(page.Locator("#log-pakn"));
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("đơn vị tiếp nhận");
        await desk.CheckAsync("pakn-log-other-unit");

        await page.Locator("#Input_ReceivingUnitId").SelectOptionAsync(DemoData.UnitId(TuHieu).ToString());
        await desk.SubmitAsync(page.Locator("#log-pakn"));
        await Assertions.Expect(page.Locator("#pakn-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.details")).ToContainTextAsync("Đường dây nóng");
        await Assertions.Expect(page.Locator("#pakn-action-Classify")).ToBeVisibleAsync();
        await desk.CheckAsync("pakn-log-logged");
    }
}
