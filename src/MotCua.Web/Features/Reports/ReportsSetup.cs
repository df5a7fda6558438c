using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MotCua.Web.Features.Reports;

/// <summary>The standard reports read from the kept dossier statistics (issue 10 §4).</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddScoped<UnitPeriodQuery>();
        services.AddScoped<Form06Report.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        Form06Report.Map(api);
        return api;
    }
}
