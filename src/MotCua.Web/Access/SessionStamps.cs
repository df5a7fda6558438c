using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using MotCua.Persistence;

namespace MotCua.Web.Access;

/// <summary>Decides per request whether a signed-in cookie or bearer token still stands: the account exists, is not
/// locked out, and its Identity security stamp is the one the session was issued with.</summary>
/// <remarks>The stamp changes on logout, password change, lockout and role removal (see
/// <see cref="SessionRevocationInterceptor"/>), so each of them ends every cookie and token of the account. Tokens carry a
/// fingerprint of the stamp (claim <see cref="TokenClaim"/>), never the stamp itself: the stamp is the key of Identity's
/// time-based one-time codes and a JWT is readable by its holder. The account's fingerprint and lockout end are cached
/// per node for <c>Auth:SessionCacheSeconds</c> (default <see cref="DefaultCacheSeconds"/>; 0 turns the cache off);
/// a change made on this node evicts the entry at once, other nodes see it within that interval.</remarks>
public sealed class SessionStamps(IMemoryCache cache, IConfiguration configuration, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    /// <summary>The token claim holding the fingerprint of the security stamp the token was issued with.</summary>
    public const string TokenClaim = "sst";

    /// <summary>How long an account's stamp and lockout are reused (seconds) unless configured.</summary>
    public const int DefaultCacheSeconds = 10;

    private readonly record struct AccountState(string Fingerprint, DateTimeOffset? LockoutEnd);

    /// <summary>A one-way fingerprint of a security stamp (a missing stamp counts as empty).</summary>
    public static string Fingerprint(string? stamp) =>
        Base64UrlFingerprint(SHA256.HashData(Encoding.UTF8.GetBytes("motcua.session:" + (stamp ?? ""))));

    /// <summary>Forgets the cached state of <paramref name="userId"/> (its stamp or lockout changed on this node).</summary>
    public void Evict(Guid userId) => cache.Remove(Key(userId));

    /// <summary>Whether a cookie principal (raw stamp in Identity's claim) is still current.</summary>
    public Task<bool> IsCookieCurrentAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken ct) =>
        IsCurrentAsync(principal, principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is { } stamp ? Fingerprint(stamp) : null, db, ct);

    /// <summary>Whether a token principal (stamp fingerprint in <see cref="TokenClaim"/>) is still current.</summary>
    public Task<bool> IsTokenCurrentAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken ct) =>
        IsCurrentAsync(principal, principal.FindFirstValue(TokenClaim), db, ct);

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, string? fingerprint, AppDbContext db, CancellationToken ct)
    {
        if (fingerprint is null || Principals.UserId(principal) is not { } userId)
        {
            return false;
        }

        var state = await StateAsync(userId, db, ct);
        return state is { } current
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(current.Fingerprint), Encoding.ASCII.GetBytes(fingerprint))
            && !(current.LockoutEnd is { } end && end > clock.GetUtcNow());
    }

    private async Task<AccountState?> StateAsync(Guid userId, AppDbContext db, CancellationToken ct)
    {
        var ttl = TimeSpan.FromSeconds(configuration.GetValue("Auth:SessionCacheSeconds", DefaultCacheSeconds));
        if (ttl > TimeSpan.Zero && cache.TryGetValue(Key(userId), out AccountState cached))
        {
            return cached;
        }

        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var state = new AccountState(Fingerprint(row.SecurityStamp), row.LockoutEnabled ? row.LockoutEnd : null);
        if (ttl > TimeSpan.Zero)
        {
            cache.Set(Key(userId), state, ttl);
        }

        return state;
    }

    private static (string, Guid) Key(Guid userId) => ("motcua.session-stamp", userId);

    private static string Base64UrlFingerprint(byte[] hash) =>
        Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
