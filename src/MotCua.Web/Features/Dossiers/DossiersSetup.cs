using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The dossier engine's endpoints: create, read, list and transition (staff and owner citizens), and the
/// anonymous public lookup (status by code; progress with the second factor).</summary>
public static class DossiersSetup
{
    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddScoped<DossierAccess>();
        services.AddScoped<ReadableUnits>();
        services.AddScoped<DossierContexts>();
        services.AddScoped<ReceiptNumbering>();
        services.AddScoped<IdempotentResponses>();
        services.AddScoped<DossierDeadlineWatch>();
        services.AddScoped<CreateDossier.Handler>();
        services.AddScoped<GetDossier.Handler>();
        services.AddScoped<TransitionDossier.Handler>();
        services.AddScoped<ListDossiers.Handler>();
        services.AddSingleton<WorkCountsCache>();
        services.ConfigureDbContext<AppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WorkCountsCache>()));
        services.AddScoped<PublicDossierLookup.Handler>();
        services.AddScoped<PublicDossierDetail.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapDossiers(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var dossiers = api.MapGroup("/dossiers").RequireAuthorization(ApiAuth.Policy).WithTags("Dossiers");
        CreateDossier.Map(dossiers);
        GetDossier.Map(dossiers);
        TransitionDossier.Map(dossiers);
        TransitionDossier.MapPreview(dossiers);
        ListDossiers.Map(dossiers);
        ListDossiers.MapCounts(dossiers);

        var publicApi = api.MapGroup("/public").WithTags("Public");
        PublicDossierLookup.Map(publicApi);
        PublicDossierDetail.Map(publicApi);
        return api;
    }
}
