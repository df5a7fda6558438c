using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Web.Api;
using MotCua.Web.Features.DossierDocuments;
using MotCua.Web.Features.DossierForms;
using MotCua.Web.Jobs;

namespace MotCua.Web.Features.DossierNotifications;

/// <summary>Registers and maps the dossier forms, documents and notifications (issue 3 items 5–6).</summary>
public static class DossierExtrasSetup
{
    public static IServiceCollection AddMotCuaDossierExtras(this IServiceCollection services)
    {
        services.AddScoped<DossierNotifier>();
        // Replaces the jobs' placeholder whether AddMotCuaJobs ran before or runs after (it uses TryAdd).
        services.RemoveAll<IDueWorkSource>();
        services.AddScoped<IDueWorkSource, DossierDueWorkSource>();
        services.AddScoped<DossierFormModels>();
        services.AddScoped<DossierFormsEndpoints.Handler>();
        services.AddDossierDocuments();
        return services;
    }

    public static WebApplication MapMotCuaDossierExtras(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiAuth.Policy).ValidateRequests();
        DossierFormsEndpoints.Map(api.MapGroup("").WithTags("Forms"));
        DossierDocumentsEndpoints.Map(api.MapGroup("/dossiers").WithTags("Documents"));
        return app;
    }
}
