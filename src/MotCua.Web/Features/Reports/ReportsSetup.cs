using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MotCua.Web.Features.Reports;

/// <summary>The standard reports read from the kept dossier statistics (issue 10 §4).</summary>
public static class ReportsSetup
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddScoped<UnitPeriodQuery>();
        services.AddScoped<ReportScope>();
        services.AddScoped<Form06Report.Handler>();
        // The builder offers the reports in this order.
        services.AddScoped<IStandardReport, Form06Report.Definition>();
        services.AddScoped<IStandardReport, Form06DeskReport>();
        services.AddScoped<IStandardReport, PaknReport>();
        services.AddScoped<IStandardReport, OneStopReport>();
        services.AddScoped<StandardReports>();
        services.AddScoped<StandardReportQuery.Handler>();
        services.AddScoped<Runs.ReportRuns.Handler>();
        services.AddScoped<Exports.ReportExports.Handler>();
        // The CCHC report (issue 11 §7; Cchc/README.md).
        services.AddScoped<Cchc.CchcFigureReader>();
        services.AddScoped<Cchc.CchcReports.Handler>();
        services.AddScoped<Cchc.CchcReportExports.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        Form06Report.Map(api);
        StandardReportQuery.Map(api);
        Runs.ReportRuns.Map(api);
        Exports.ReportExports.Map(api);
        Cchc.CchcReports.Map(api);
        return api;
    }
}
