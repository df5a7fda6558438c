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
    public async Task LogoutPage_EndsTheCookieEverywhereAndTheAccountsTokens(DatabaseProvider provider) =>
        await RevokedAfterAsync(provider, Desk, async (_, sessions, ct) =>
        {
            var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(sessions.Browser, "/Account/Logout", ct);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            using var logout = await sessions.Browser.PostAsync("/Account/Logout", form, ct);
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        });

    [Theory, AllDatabases]
    public async Task LogoutApi_EndsTheTokenAndTheAccountsCookiesOnly(DatabaseProvider provider) =>
        await RevokedAfterAsync(provider, Head, async (harness, sessions, ct) =>
        {
            var bystander = await harness.ClientAsync(Desk, ct);
            using (var logout = await sessions.Bearer.PostAsync("/api/v1/auth/logout", null, ct))
            {
                Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
            }

            using var other = await bystander.GetAsync("/api/v1/dossiers", ct);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        });

    [Theory, AllDatabases]
    public async Task Lockout_EndsExistingSessions(DatabaseProvider provider) =>
        await RevokedAfterAsync(provider, Handler, async (harness, _, ct) =>
        {
            var client = harness.Anonymous();
            for (var i = 0; i < 5; i++)
            {
                using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Handler, password = "sai-mat-khau" }, ct);
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }
        });

    [Theory, AllDatabases]
    public async Task PasswordChange_EndsExistingSessions(DatabaseProvider provider) =>
        await RevokedAfterAsync(provider, Desk, (harness, _, _) => harness.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var changed = await users.ChangePasswordAsync((await users.FindByEmailAsync(Desk))!, DemoData.Password, "MatKhauMoi2026");
            Assert.True(changed.Succeeded);
        }));

    [Theory, AllDatabases]
    public async Task IdentityRoleRemoval_EndsExistingSessions(DatabaseProvider provider) =>
        await RevokedAfterAsync(provider, Citizen, (harness, _, _) => harness.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var removed = await users.RemoveFromRoleAsync((await users.FindByEmailAsync(Citizen))!, "Citizen");
            Assert.True(removed.Succeeded);
        }));

    [Theory, AllDatabases]
    public async Task UnitRoleEnded_EndsExistingSessions(DatabaseProvider provider) =>
        await RevokedAfterAsync(provider, Handler, (harness, _, ct) => harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var assignment = await db.StaffRoleAssignments.SingleAsync(a => a.UserId == DemoData.UserId(Handler), ct);
            assignment.End(DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-1));
            await db.SaveChangesAsync(ct);
        }));

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

    private sealed record Sessions(HttpClient Bearer, HttpClient Replay, HttpClient Browser);

    /// <summary>Signs <paramref name="email"/> in by token and by the login page (both accepted), runs
    /// <paramref name="revoke"/>, then asserts that the token and a replay of the login cookie both get 401.</summary>
    private static async Task RevokedAfterAsync(
        DatabaseProvider provider, string email, Func<Dossiers.DossierApiHarness, Sessions, CancellationToken, Task> revoke)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var bearer = await harness.ClientAsync(email, ct);
        var (browser, cookie) = await harness.SignInAsync(email, ct);
        var sessions = new Sessions(bearer, harness.WithCookie(cookie), browser);
        await AssertStatusAsync(sessions, HttpStatusCode.OK, ct);

        await revoke(harness, sessions, ct);

        await AssertStatusAsync(sessions, HttpStatusCode.Unauthorized, ct);
        using var page = await sessions.Replay.GetAsync("/Account", ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    private static async Task AssertStatusAsync(Sessions sessions, HttpStatusCode expected, CancellationToken ct)
    {
        using var byToken = await sessions.Bearer.GetAsync("/api/v1/dossiers", ct);
        using var byCookie = await sessions.Replay.GetAsync("/api/v1/dossiers", ct);
        Assert.Equal(expected, byToken.StatusCode);
        Assert.Equal(expected, byCookie.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("auth.unauthenticated", (await ReadAsync(byToken, ct))["rule"]!.GetValue<string>());
        }
    }
}
