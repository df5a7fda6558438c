using MotCua.Web.Api;

namespace MotCua.Web.Features.Desk;

/// <summary>What the desk officer's pages need beyond the dossier endpoints: the queue, the procedure picker and the
/// appointment preview (issue 8 §2). Pages/Desk calls these handlers directly.</summary>
public static class DeskSetup
{
    public static IServiceCollection AddDesk(this IServiceCollection services)
    {
        services.AddScoped<AppointmentPreview.Handler>();
        services.AddScoped<DeskWork.Handler>();
        services.AddScoped<DeskProcedures.Handler>();
        services.AddScoped<Pages.Desk.DeskPages>();
        return services;
    }

    public static RouteGroupBuilder MapDesk(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        AppointmentPreview.Map(api.MapGroup("/dossiers").RequireAuthorization(ApiAuth.Policy).WithTags("Dossiers"));
        var desk = api.MapGroup("/desk").RequireAuthorization(ApiAuth.Policy).WithTags("Desk");
        DeskWork.Map(desk);
        DeskProcedures.Map(desk);
        return api;
    }
}
