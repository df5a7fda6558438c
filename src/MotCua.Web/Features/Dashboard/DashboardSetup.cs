using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.Dashboard;

/// <summary>The operations dashboard (IOC) over the kept dossier statistics and the feedback rates.</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.TryAddScoped<UnitPeriodQuery>();
        services.AddScoped<DashboardData.Handler>();
        services.AddScoped<DashboardPdf.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        DashboardData.Map(api);
        DashboardPdf.Map(api);
        return api;
    }
}
