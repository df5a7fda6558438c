using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Seeding;
using MotCua.Web.Access;
using MotCua.Web.Api;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Security;

/// <summary>Logout, lockout, password change and role removal end the account's existing cookies and bearer tokens
/// (issue 7 item 2); a token without <c>exp</c> is refused.</summary>
public sealed class SessionRevocationTests
{
    [Theory, AllDatabases]
    public async Task LogoutPage_EndsTheCookieEverywhereAndTheAccountsTokens(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (bearer, replay, browser) = await SessionsAsync(harness, Desk, ct);

        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, "/Account/Logout", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using (var logout = await browser.PostAsync("/Account/Logout", form, ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        await AssertRevokedAsync(bearer, replay, ct);
        using var page = await replay.GetAsync("/Account", ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task LogoutApi_EndsTheTokenAndTheAccountsCookies(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (bearer, replay, _) = await SessionsAsync(harness, Head, ct);
        var bystander = await harness.ClientAsync(Desk, ct);

        using (var logout = await bearer.PostAsync("/api/v1/auth/logout", null, ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        await AssertRevokedAsync(bearer, replay, ct);
        using var other = await bystander.GetAsync("/api/v1/dossiers", ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Lockout_EndsExistingSessions(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (bearer, replay, _) = await SessionsAsync(harness, Handler, ct);
        var client = harness.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Handler, password = "sai-mat-khau" }, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        await AssertRevokedAsync(bearer, replay, ct);
    }

    [Theory, AllDatabases]
    public async Task PasswordChange_EndsExistingSessions(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (bearer, replay, _) = await SessionsAsync(harness, Desk, ct);

        await harness.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(Desk);
            var changed = await users.ChangePasswordAsync(user!, DemoData.Password, "MatKhauMoi2026");
            Assert.True(changed.Succeeded);
        });

        await AssertRevokedAsync(bearer, replay, ct);
    }

    [Theory, AllDatabases]
    public async Task IdentityRoleRemoval_EndsExistingSessions(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (bearer, replay, _) = await SessionsAsync(harness, Citizen, ct);

        await harness.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var removed = await users.RemoveFromRoleAsync((await users.FindByEmailAsync(Citizen))!, "Citizen");
            Assert.True(removed.Succeeded);
        });

        await AssertRevokedAsync(bearer, replay, ct);
    }

    [Theory, AllDatabases]
    public async Task UnitRoleEnded_EndsExistingSessions(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (bearer, replay, _) = await SessionsAsync(harness, Handler, ct);

        await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var assignment = await db.StaffRoleAssignments.SingleAsync(a => a.UserId == DemoData.UserId(Handler), ct);
            assignment.End(DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-1));
            await db.SaveChangesAsync(ct);
        });

        await AssertRevokedAsync(bearer, replay, ct);
    }

    [Theory, AllDatabases]
    public async Task Token_WithoutExpiry_IsRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var key = harness.Factory.Services.GetRequiredService<ApiAuth.JwtKey>();
        await using var db = harness.Database.CreateContext();
        var stamp = await db.Users.Where(u => u.Id == DemoData.UserId(Desk)).Select(u => u.SecurityStamp).SingleAsync(ct);
        string Token(DateTime? expires) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, DemoData.UserId(Desk).ToString("D")),
                new Claim(ClaimTypes.Name, Desk),
                new Claim(SessionStamps.TokenClaim, SessionStamps.Fingerprint(stamp)),
            ]),
            Issuer = ApiAuth.Issuer,
            Audience = ApiAuth.Audience,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.HmacSha256),
        });

        var withExpiry = harness.Anonymous();
        withExpiry.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(Start.UtcDateTime.AddMinutes(30)));
        var without = harness.Anonymous();
        without.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(null));

        using var accepted = await withExpiry.GetAsync("/api/v1/dossiers", ct);
        using var refused = await without.GetAsync("/api/v1/dossiers", ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("auth.unauthenticated", (await ReadAsync(refused, ct))["rule"]!.GetValue<string>());
    }

    /// <summary>A bearer client, a client replaying the login cookie, and the browser that signed in, all accepted.</summary>
    private static async Task<(HttpClient Bearer, HttpClient Replay, HttpClient Browser)> SessionsAsync(
        Dossiers.DossierApiHarness harness, string email, CancellationToken ct)
    {
        var bearer = await harness.ClientAsync(email, ct);
        var (browser, cookie) = await harness.SignInAsync(email, ct);
        var replay = harness.WithCookie(cookie);
        using var byToken = await bearer.GetAsync("/api/v1/dossiers", ct);
        using var byCookie = await replay.GetAsync("/api/v1/dossiers", ct);
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCookie.StatusCode);
        return (bearer, replay, browser);
    }

    private static async Task AssertRevokedAsync(HttpClient bearer, HttpClient replay, CancellationToken ct)
    {
        using var byToken = await bearer.GetAsync("/api/v1/dossiers", ct);
        using var byCookie = await replay.GetAsync("/api/v1/dossiers", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);
        Assert.Equal("auth.unauthenticated", (await ReadAsync(byToken, ct))["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, byCookie.StatusCode);
    }
}
