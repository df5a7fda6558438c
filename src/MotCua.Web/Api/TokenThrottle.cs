using System.Threading.RateLimiting;

namespace MotCua.Web.Api;

/// <summary>Limits token requests per client IP (rate-limiter policy <see cref="ClientPolicy"/>) and per account name
/// (<see cref="TryAcquireForAccount"/>), so that neither one client nor many clients can guess a password quickly or make
/// the server hash passwords without bound. Both answer 429 <c>api.rate_limited</c>.</summary>
/// <remarks>Per node, like the public lookup's limit. The account limit is keyed on the normalised name as sent, whether
/// or not such an account exists, so the answer does not tell which names exist. Settings (fixed windows):
/// <c>RateLimits:TokenPerClient:PermitLimit</c>/<c>WindowSeconds</c> (default 30 per 60 s) and
/// <c>RateLimits:TokenPerAccount:PermitLimit</c>/<c>WindowSeconds</c> (default 10 per 60 s).</remarks>
public sealed class TokenThrottle : IDisposable
{
    /// <summary>The rate-limiter policy name for the token endpoint (per client IP).</summary>
    public const string ClientPolicy = "auth-token-client";

    private readonly PartitionedRateLimiter<string> _accounts;

    public TokenThrottle(IConfiguration configuration)
    {
        var options = Options(configuration, "TokenPerAccount", 10);
        _accounts = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name, _ => options));
    }

    /// <summary>The fixed-window options of <c>RateLimits:{section}</c>.</summary>
    public static FixedWindowRateLimiterOptions Options(IConfiguration configuration, string section, int defaultPermits, int defaultWindowSeconds = 60)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue($"RateLimits:{section}:PermitLimit", defaultPermits),
            Window = TimeSpan.FromSeconds(configuration.GetValue($"RateLimits:{section}:WindowSeconds", defaultWindowSeconds)),
            QueueLimit = 0,
        };
    }

    /// <summary>Takes one token request for the account <paramref name="normalizedName"/>; false when over its limit.</summary>
    public bool TryAcquireForAccount(string normalizedName)
    {
        using var lease = _accounts.AttemptAcquire(normalizedName);
        return lease.IsAcquired;
    }

    public void Dispose() => _accounts.Dispose();
}
