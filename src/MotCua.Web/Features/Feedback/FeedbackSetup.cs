using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MotCua.Web.Features.Feedback;

/// <summary>The citizen's voice: per-dossier ratings and the heads' follow-ups of dissatisfied ones (issue 9).</summary>
public static class FeedbackSetup
{
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddScoped<RateDossier.Handler>();
        services.AddScoped<RatingFollowUps.Handler>();
        services.TryAddScoped<Reports.UnitPeriodQuery>();
        services.AddScoped<FeedbackRates.Handler>();
        services.AddHttpContextAccessor();
        services.AddSingleton<RatingLinks>();
        return services;
    }

    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        RateDossier.Map(api.MapGroup("/dossiers").RequireAuthorization(Api.ApiAuth.Policy));
        RateDossier.MapPublic(api.MapGroup("/public"));
        RatingFollowUps.Map(api);
        FeedbackRates.Map(api);
        return api;
    }
}
