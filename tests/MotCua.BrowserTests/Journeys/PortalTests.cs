using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Journeys;

/// <summary>The citizen portal without JavaScript (htmx only enhances): the public lookup with and without the second
/// factor, and a new citizen account that reaches "my dossiers".</summary>
public sealed class PortalTests(Servers servers, Chromium chromium)
{
    private const string Password = "CongDan2026x";

    [Theory, AllDatabases]
    public async Task Lookup_ShowsPublicStatus_ThenDetailOnlyWithTheRightDigits(DatabaseProvider provider)
    {
        await using var session = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        var page = session.Page;
        var (code, phone) = await DemoDossierAsync(session.Server);

        Assert.Equal(200, await session.GotoAsync("/Portal/Lookup"));
        await session.CheckAsync("lookup-empty");
        await page.Locator("#Code").FillAsync(code);
        await page.Locator("form[role=search] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#status-title")).ToContainTextAsync(code);
        Assert.Equal(0, await page.Locator("#steps-title").CountAsync());
        await session.CheckAsync("lookup-status");

        var wrong = phone[^4..] == "0000" ? "1111" : "0000";
        await page.Locator("#Digits").FillAsync(wrong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem chi tiết" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("không khớp");
        Assert.Equal(0, await page.Locator("#steps-title").CountAsync());
        await session.CheckAsync("lookup-wrong-digits");

        await page.Locator("#Digits").FillAsync(phone[^4..]);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Xem chi tiết" }).ClickAsync(), r => r.Request.Method == "POST");
        await Assertions.Expect(page.Locator("#steps-title")).ToBeVisibleAsync();
        Assert.Contains("no-store", await response.HeaderValueAsync("cache-control") ?? "", StringComparison.Ordinal);
        Assert.True(await page.Locator("table tbody tr").CountAsync() >= 1);
        await session.CheckAsync("lookup-detail");
    }

    [Theory, AllDatabases]
    public async Task NewCitizen_Registers_LogsInAgain_AndSeesMyDossiers(DatabaseProvider provider)
    {
        await using var session = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        var page = session.Page;
        var email = $"nguoidan.{Guid.NewGuid():N}@example.vn";
        const string password = Password;

        Assert.Equal(200, await session.GotoAsync("/Account/Register"));
        await session.CheckAsync("register");
        await page.Locator("#Input_FullName").FillAsync("Phạm Thị Thu");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("#Input_ConfirmPassword").FillAsync("khac-hoan-toan");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Mật khẩu nhập lại không khớp");
        Assert.Equal("Phạm Thị Thu", await page.Locator("#Input_FullName").InputValueAsync());
        await session.CheckAsync("register-invalid");

        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Portal/MyDossiers");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("chưa có hồ sơ");
        await session.CheckAsync("my-dossiers-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await session.LoginAsync(email, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ của tôi" }).ClickAsync();
        await page.WaitForURLAsync("**/Portal/MyDossiers");
    }

    [Theory, AllDatabases]
    public async Task Citizen_SeesTheDossierTheySubmittedOnline_WithItsStatus(DatabaseProvider provider)
    {
        await using var session = await Session.StartAsync(servers, chromium, provider);
        var page = session.Page;
        var email = $"congdan.{Guid.NewGuid():N}@example.vn";
        await RegisterAsync(page, email);
        // Until the portal's own submission form exists, the dossier is submitted through the public API as this citizen.
        var code = await SubmitOnlineThroughApiAsync(page, email);

        await page.GotoAsync("/Portal/MyDossiers");

        var row = page.Locator("table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Chờ tiếp nhận");
        if (code is not null)
        {
            await Assertions.Expect(row).ToContainTextAsync(code);
        }

        await session.CheckAsync("my-dossiers");
    }

    private static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.Locator("#Input_FullName").FillAsync("Lê Thị Mai");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Portal/MyDossiers");
    }

    private static async Task<string?> SubmitOnlineThroughApiAsync(IPage page, string email)
    {
        var api = page.Context.APIRequest;
        var token = await api.PostAsync("/api/v1/auth/token", new() { DataObject = new { userName = email, password = Password } });
        Assert.True(token.Ok, await token.TextAsync());
        var accessToken = (await token.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        var procedure = await Catalogue.WorkingDayProcedureAsync();
        var created = await api.PostAsync("/api/v1/dossiers", new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + accessToken },
            DataObject = new
            {
                channel = "Online",
                procedureId = procedure,
                receivingUnitId = MotCua.Persistence.Seeding.DemoData.UnitId("000.00.41.H56"),
                competentUnitId = MotCua.Persistence.Seeding.DemoData.UnitId("000.00.03.H56"),
                applicant = new { fullName = "Lê Thị Mai", identityNumber = "034095001234", phone = "0912345678", email, address = "12 Tô Hiệu" },
            },
        });
        Assert.True(created.Status == 201, await created.TextAsync());
        var body = (await created.JsonAsync())!.Value;
        return body.TryGetProperty("code", out var code) && code.ValueKind == System.Text.Json.JsonValueKind.String ? code.GetString() : null;
    }

    private static async Task<(string Code, string Phone)> DemoDossierAsync(AppServer server)
    {
        await using var db = server.CreateContext();
        var dossier = await db.Dossiers.AsNoTracking()
            .Where(d => d.Code != null && d.Applicant.Phone != null)
            .OrderBy(d => d.SubmittedAt)
            .FirstAsync(TestContext.Current.CancellationToken);
        return (dossier.Code!.Value.Format(), new string([.. dossier.Applicant.Phone!.Where(char.IsAsciiDigit)]));
    }
}
