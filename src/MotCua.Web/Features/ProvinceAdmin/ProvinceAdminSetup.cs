using MotCua.Web.Api;

namespace MotCua.Web.Features.ProvinceAdmin;

/// <summary>The province administrator's catalogue and calendar (issue 8 §4; README.md beside this file). Pages/Admin/Catalogue
/// and Pages/Admin/Calendar call these handlers directly.</summary>
public static class ProvinceAdminSetup
{
    public static IServiceCollection AddProvinceAdmin(this IServiceCollection services)
    {
        services.AddScoped<ProvinceAdministrator>();
        services.AddScoped<ProcedureVersions.Handler>();
        services.AddScoped<NewProcedureVersion.Handler>();
        services.AddScoped<CalendarYear.Handler>();
        services.AddScoped<CalendarChanges.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapProvinceAdmin(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var admin = api.MapGroup("/admin").RequireAuthorization(ApiAuth.Policy).WithTags("Administration");
        ProcedureVersions.Map(admin);
        NewProcedureVersion.Map(admin);
        CalendarYear.Map(admin);
        CalendarChanges.Map(admin);
        return api;
    }
}
