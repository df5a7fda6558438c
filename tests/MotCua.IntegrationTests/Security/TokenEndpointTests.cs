using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Security;

/// <summary>The token endpoint is throttled per client and per account, and an unknown account costs the same password
/// hashing as a known one (issue 7 item 2).</summary>
public sealed class TokenEndpointTests
{
    [Theory, AllDatabases]
    public async Task Token_OverTheAccountLimit_Returns429ForThatAccountOnly(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string>
        {
            ["RateLimits:TokenPerAccount:PermitLimit"] = "2",
        });
        var client = harness.Anonymous();

        var statuses = new List<HttpStatusCode>();
        foreach (var user in new[] { Desk, Desk, Desk, "khong.ton.tai@motcua.local", "khong.ton.tai@motcua.local", "KHONG.TON.TAI@motcua.local", Head })
        {
            using var response = await TokenAsync(client, user, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var problem = await ReadAsync(response, ct);
                Assert.Equal("api.rate_limited", problem["rule"]!.GetValue<string>());
                Assert.Contains("tài khoản này", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            }
        }

        HttpStatusCode[] expected =
        [
            HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests,
            HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests,
            HttpStatusCode.OK,
        ];
        Assert.Equal(expected, statuses);
    }

    [Theory, AllDatabases]
    public async Task Token_OverTheClientLimit_Returns429WithRetryAfter(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string>
        {
            ["RateLimits:TokenPerClient:PermitLimit"] = "3",
        });
        var client = harness.Anonymous();

        var statuses = new List<HttpStatusCode>();
        foreach (var user in new[] { Desk, Head, Handler, Citizen })
        {
            using var response = await TokenAsync(client, user, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("api.rate_limited", (await ReadAsync(response, ct))["rule"]!.GetValue<string>());
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory, AllDatabases]
    public async Task Token_UnknownOrLockedAccount_VerifiesAPasswordHashLikeAKnownOne(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var hasher = new CountingHasher();
        await using var harness = await StartAsync(provider, ct, services: s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<AppUser>>(hasher)));
        var client = harness.Anonymous();

        var known = await CountedAsync(hasher, () => TokenAsync(client, Desk, ct, "sai-mat-khau"));
        var unknown = await CountedAsync(hasher, () => TokenAsync(client, "khong.ton.tai@motcua.local", ct, "sai-mat-khau"));
        await harness.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(Head))!, DateTimeOffset.MaxValue);
        });
        var locked = await CountedAsync(hasher, () => TokenAsync(client, Head, ct, DemoData.Password));

        Assert.Equal((HttpStatusCode.Unauthorized, "auth.invalid_credentials", 1), known);
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.invalid_credentials", 1), unknown);
        Assert.Equal((HttpStatusCode.Unauthorized, "auth.locked_out", 1), locked);
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string user, CancellationToken ct, string? password = null) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = password ?? DemoData.Password }, ct);

    private static async Task<(HttpStatusCode Status, string Rule, int Verifications)> CountedAsync(CountingHasher hasher, Func<Task<HttpResponseMessage>> call)
    {
        var before = hasher.Verifications;
        using var response = await call();
        var rule = (await ReadAsync(response, TestContext.Current.CancellationToken))["rule"]!.GetValue<string>();
        return (response.StatusCode, rule, hasher.Verifications - before);
    }

    /// <summary>Identity's hasher, counting verifications.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
