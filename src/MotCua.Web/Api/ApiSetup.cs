using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using MotCua.Web.Calendar;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Api;

/// <summary>Registers and maps the REST API under <c>/api/v1</c> (minimal APIs, RFC 9457 problem details).</summary>
public static class ApiSetup
{
    public static IServiceCollection AddMotCuaApi(this IServiceCollection services)
    {
        services.AddMotCuaApiAuth();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new InstantJsonConverter());
        });
        services.AddMemoryCache();
        services.AddSingleton<CalendarService>();
        services.AddScoped<DossierAccess>();
        services.AddScoped<DossierContexts>();
        services.AddScoped<CreateDossier.Handler>();
        services.AddScoped<GetDossier.Handler>();
        services.AddScoped<TransitionDossier.Handler>();
        services.AddScoped<ListDossiers.Handler>();
        services.AddScoped<PublicDossierLookup.Handler>();

        // Per node and per client IP; a hard limit across nodes belongs at the reverse proxy (nginx limit_req).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) =>
            {
                var problem = ErrorMapping.Problem(StatusCodes.Status429TooManyRequests, "Quá nhiều yêu cầu tra cứu; vui lòng thử lại sau.", "api.rate_limited");
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
        });
        return services;
    }

    public static WebApplication MapMotCuaApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").ValidateRequests();
        ApiAuth.MapToken(api).WithTags("Auth");

        var dossiers = api.MapGroup("/dossiers").RequireAuthorization(ApiAuth.Policy).WithTags("Dossiers");
        CreateDossier.Map(dossiers);
        GetDossier.Map(dossiers);
        TransitionDossier.Map(dossiers);
        ListDossiers.Map(dossiers);

        PublicDossierLookup.Map(api.MapGroup("/public").WithTags("Public"));
        return app;
    }
}
