using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Api;

/// <summary>The REST API's plumbing under <c>/api/v1</c>: token authentication, JSON, rate limits and the token
/// endpoint. Each area maps its own endpoints on the group <see cref="MapMotCuaApi"/> returns.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddMotCuaApi(this IServiceCollection services)
    {
        services.AddMotCuaApiAuth();
        // Instants: RequestValidation refuses a value without a UTC offset or outside VietnamTime's range.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Per node and per client IP; a hard limit across nodes belongs at the reverse proxy (nginx limit_req).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                // A throttled page (a form posted from the portal) gets the HTML error page through the status-code pages.
                if (!Infrastructure.ErrorPages.IsApi(context.HttpContext))
                {
                    return ValueTask.CompletedTask;
                }

                var problem = ErrorMapping.Problem(StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu; vui lòng thử lại sau.", "api.rate_limited");
                return new ValueTask(problem.ExecuteAsync(context.HttpContext));
            };
            o.AddPolicy(PublicDossierLookup.RateLimitPolicy, http =>
            {
                var configuration = http.RequestServices.GetRequiredService<IConfiguration>();
                var permits = configuration.GetValue("RateLimits:PublicLookup:PermitLimit", 60);
                var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:PublicLookup:WindowSeconds", 60));
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
            });
            o.AddPolicy(Features.Pakn.SubmitPakn.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => TokenThrottle.Options(http.RequestServices.GetRequiredService<IConfiguration>(), "PaknSubmit", 30, 600)));
            o.AddPolicy(TokenThrottle.ClientPolicy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => TokenThrottle.Options(http.RequestServices.GetRequiredService<IConfiguration>(), "TokenPerClient", 30)));
        });
        return services;
    }

    /// <summary>Maps the token endpoint and returns the <c>/api/v1</c> group for the areas' endpoints.</summary>
    public static RouteGroupBuilder MapMotCuaApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").ValidateRequests();
        ApiAuth.MapToken(api).WithTags("Auth");
        ApiAuth.MapLogout(api).WithTags("Auth");
        return api;
    }
}
