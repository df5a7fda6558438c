using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>The 766 scorecard (issue 10 §1, §3): evaluation, loss lists, what-if, ranking and imported figures.</summary>
public static class ServiceIndexSetup
{
    public static IServiceCollection AddServiceIndex(this IServiceCollection services)
    {
        services.TryAddScoped<UnitPeriodQuery>();
        services.AddScoped<ScorecardScope>();
        services.AddScoped<ScorecardEvaluator>();
        services.AddScoped<LateDossiers>();
        services.AddScoped<DigitisationLosses>();
        services.AddScoped<GetScorecard.Handler>();
        services.AddScoped<ScorecardItems.Handler>();
        services.AddScoped<Ranking.Handler>();
        services.AddScoped<ImportFigures.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapServiceIndex(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        ListIndicators.Map(api);
        GetScorecard.Map(api);
        ScorecardItems.Map(api);
        Ranking.Map(api);
        ImportFigures.Map(api);
        return api;
    }
}
