using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>The administrator area (issue 8 §4): an administrator creates a staff account in a commune, gives it the
/// desk role, the new officer signs in and sees the desk home; the administrator disables the account and the officer's
/// next request is signed out. Each run makes its own account, so parallel tests are not disturbed.</summary>
public sealed class AdminTests(Servers servers, Chromium chromium)
{
    private const string Admin = "admin@motcua.local";
    private const string TuHieu = "000.00.41.H56";

    [Theory, AllDatabases]
    public async Task Admin_CreatesADeskOfficer_WhoWorks_ThenIsDisabledAndSignedOut(DatabaseProvider provider)
    {
        await using var admin = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        var page = admin.Page;
        var email = $"canbo.{Guid.NewGuid():N}@motcua.local";
        var unit = DemoData.UnitId(TuHieu).ToString();

        await admin.LoginAsync(Admin);
        Assert.Equal(200, await admin.GotoAsync("/Admin"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Quản trị hệ thống");
        await admin.CheckAsync("admin-home");

        // An empty form: a Vietnamese message per field, the input kept.
        Assert.Equal(200, await admin.GotoAsync("/Admin/Users/Create"));
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Nhập họ và tên");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Chọn đơn vị công tác");
        Assert.Equal(email, await page.Locator("#Input_Email").InputValueAsync());
        await admin.CheckAsync("admin-user-create-invalid");

        await page.Locator("#Input_FullName").FillAsync("Quàng Thị Lan");
        await page.Locator("#Input_HomeUnitId").SelectOptionAsync(unit);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#created-email")).ToHaveTextAsync(email);
        var password = (await page.Locator("#created-password").TextContentAsync())!.Trim();
        Assert.True(password.Length >= 10);
        await admin.CheckAsync("admin-user-created");

        await page.GetByRole(AriaRole.Link, new() { Name = "Giao vai trò cho tài khoản" }).ClickAsync();
        await page.Locator("#Grant_Role").SelectOptionAsync("DeskOfficer");
        await page.Locator("#Grant_UnitId").SelectOptionAsync(unit);
        await page.Locator("form[action*='handler=Grant'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Đã giao vai trò");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await admin.CheckAsync("admin-user-detail");

        await using var officer = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        await officer.LoginAsync(email, password);
        Assert.Equal(200, await officer.GotoAsync("/Desk"));
        await Assertions.Expect(officer.Page.Locator("h1")).ToHaveTextAsync("Bộ phận một cửa: việc cần làm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Khóa tài khoản" }).ClickAsync();
        await Assertions.Expect(page.Locator("#account-status")).ToHaveTextAsync("Đã khóa");

        // The officer's very next request is no longer signed in.
        await officer.GotoAsync("/Desk");
        Assert.Contains("/Account/Login", officer.Page.Url, StringComparison.OrdinalIgnoreCase);
        await officer.Page.Locator("#Input_Email").FillAsync(email);
        await officer.Page.Locator("#Input_Password").FillAsync(password);
        await officer.Page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(officer.Page.Locator(".error-summary")).ToBeVisibleAsync();
        Assert.Contains("/Account/Login", officer.Page.Url, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, AllDatabases]
    public async Task AdminPages_PassAxe_AndRefuseOtherRoles(DatabaseProvider provider)
    {
        await using var admin = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        var unit = DemoData.UnitId(TuHieu);
        await admin.LoginAsync(Admin);
        foreach (var (path, name) in new[]
        {
            ("/Admin/Units", "admin-units"),
            ("/Admin/Units/Create", "admin-unit-create"),
            ($"/Admin/Units/Close/{unit}", "admin-unit-close"),
            ("/Admin/Users?q=tiepnhan", "admin-users"),
            ($"/Admin/Desks?unit={unit}", "admin-desks"),
            ($"/Admin/Desks/Edit/{unit}/{DemoData.DeskId(TuHieu)}", "admin-desk-edit"),
        })
        {
            Assert.Equal(200, await admin.GotoAsync(path));
            await admin.CheckAsync(name);
        }

        // A desk officer is no administrator: the HTML 403 page.
        await using var desk = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        await desk.LoginAsync("tiepnhan@motcua.local");
        await desk.GotoAsync("/Admin/Users");
        Assert.Equal(403, desk.LastDocumentStatus);
    }
}
