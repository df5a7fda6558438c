using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 9 §2: the desk imports a register of PAKN typed in Excel. All or nothing first: a bad row stops the file
/// and says which line and column; then partial: the good rows are logged and the rejected ones come back as a file to
/// correct. On a 360-px phone as on a desk screen, with axe on every state.</summary>
public sealed class PaknImportJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task Desk_ImportsARegister_SeesTheBadRowByLineAndColumn_ThenKeepsTheGoodRows(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var csv = string.Join("\r\n",
            "Mã nguồn,Loại,Tiêu đề,Nội dung,Họ tên,Địa chỉ,Điện thoại,Ngày nhận",
            $"BT-{run}-1,Kiến nghị,Đề nghị niêm yết phí rõ hơn,\"Bảng phí tại bộ phận một cửa khó đọc, đề nghị in lớn hơn.\",Lò Văn Pọm,\"Bản Cọ, Tô Hiệu\",0912 345 678,20/11/2026 09:30",
            $"BT-{run}-2,Phản ánh,Cán bộ hẹn nhiều lần,\"Đã đến nhận kết quả ba lần nhưng chưa có.\",Cầm Thị Nga,\"Tổ 3, Tô Hiệu\",,21/11/2026 10:00") + "\r\n";

        await using var desk = await Session.StartAsync(server, chromium, width: 360);
        var page = desk.Page;
        await desk.LoginAsync(Desk);
        await desk.GotoAsync("/Work/Pakn/Import");
        await desk.CheckAsync("pakn-import-form");

        await page.Locator("#ReceivingUnitId").SelectOptionAsync(DemoData.UnitId(TuHieu).ToString());
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "so-pakn.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await desk.SubmitAsync(page.Locator("#import-submit"));
        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("1");
        var badRow = page.Locator("#import-rows tbody tr").Nth(1);
        await Assertions.Expect(badRow.Locator("th")).ToHaveTextAsync("3");
        await Assertions.Expect(badRow.Locator(".import-errors")).ToContainTextAsync("Điện thoại:");
        await desk.CheckAsync("pakn-import-refused");
        Assert.Equal(0, await CountAsync(server, run));

        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "so-pakn.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#mode-Partial").CheckAsync();
        await desk.SubmitAsync(page.Locator("#import-submit"));
        await Assertions.Expect(page.Locator("#rejected-form")).ToBeVisibleAsync();
        await desk.CheckAsync("pakn-import-partial");
        Assert.Equal(1, await CountAsync(server, run));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#rejected-form button").ClickAsync());
        var rejected = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8, TestContext.Current.CancellationToken);
        var lines = rejected.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"BT-{run}-2,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Điện thoại:", lines[1], StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(AppServer server, string run)
    {
        await using var db = server.CreateContext();
        var prefix = $"BT-{run}-";
        return await db.PaknCases.AsNoTracking().CountAsync(c => c.ExternalId != null && c.ExternalId.StartsWith(prefix), TestContext.Current.CancellationToken);
    }
}
