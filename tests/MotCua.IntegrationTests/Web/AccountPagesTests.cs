using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Web;

public sealed class AccountPagesTests
{
    [Theory, AllDatabases]
    public async Task Home_Anonymous_ShowsProductNameInVietnamese(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync("/", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("MotCua", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập", html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Home_EnglishCulture_ShowsEnglishStrings(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        var html = await client.GetStringAsync("/?culture=en", ct);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Sign in", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đăng nhập", html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Language_PostEnglish_PersistsChoiceInCookie(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(client, "/", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/Account/Login",
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync("/Language", form, ct);
        var page = await client.GetStringAsync("/Account/Login", ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
        Assert.Contains("<label for=\"Input_Password\">Password</label>", page, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Login_DemoUser_RedirectsAndShowsAccount(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        using var login = await MotCuaWebFactory.PostLoginAsync(client, "chuyenvien@motcua.local", DemoData.Password, ct, returnUrl: "/Account");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/Account", login.Headers.Location?.OriginalString);
        var account = await client.GetStringAsync("/Account", ct);
        Assert.Contains("Trần Văn Minh", account, StringComparison.Ordinal);
        Assert.Contains("Chuyên viên xử lý", account, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp tỉnh Sơn La", account, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Login_ExternalReturnUrl_RedirectsHomeInstead(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        using var login = await MotCuaWebFactory.PostLoginAsync(client, "admin@motcua.local", DemoData.Password, ct, returnUrl: "https://evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Theory, AllDatabases]
    public async Task Login_WrongPasswordFiveTimes_LocksAccountWithVietnameseMessage(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await MotCuaWebFactory.PostLoginAsync(client, "tiepnhan@motcua.local", "SaiMatKhau123", ct);
            var html = await wrong.Content.ReadAsStringAsync(ct);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", html, StringComparison.Ordinal);
        }

        using var fifth = await MotCuaWebFactory.PostLoginAsync(client, "tiepnhan@motcua.local", "SaiMatKhau123", ct);
        Assert.Contains("Tài khoản tạm thời bị khóa", await fifth.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        using var correct = await MotCuaWebFactory.PostLoginAsync(client, "tiepnhan@motcua.local", DemoData.Password, ct);
        Assert.Equal(HttpStatusCode.OK, correct.StatusCode);
        Assert.Contains("Tài khoản tạm thời bị khóa", await correct.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Login_EmptyForm_ShowsVietnameseValidationMessages(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        using var response = await MotCuaWebFactory.PostLoginAsync(client, "", "", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Contains("Vui lòng nhập thư điện tử.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập mật khẩu.", html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Login_WithoutAntiforgeryToken_IsRejected(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "admin@motcua.local", ["Input.Password"] = DemoData.Password });

        using var response = await client.PostAsync("/Account/Login", form, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Logout_SignedIn_EndsSession(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();
        using (var login = await MotCuaWebFactory.PostLoginAsync(client, "lanhdao@motcua.local", DemoData.Password, ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var before = await client.GetAsync("/Account", ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(client, "/Account/Logout", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var logout = await client.PostAsync("/Account/Logout", form, ct);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await client.GetAsync("/Account", ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task AuthorizedPage_Anonymous_RedirectsToLogin(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var factory = new MotCuaWebFactory(database);
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync("/Account", ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FAccount", response.Headers.Location?.PathAndQuery);
    }
}
