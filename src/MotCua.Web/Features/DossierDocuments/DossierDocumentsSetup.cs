using MotCua.Web.Api;
using MotCua.Web.Documents;

namespace MotCua.Web.Features.DossierDocuments;

/// <summary>A dossier's documents: staff and owner-citizen uploads, listing and downloads.</summary>
public static class DossierDocumentsSetup
{
    public static IServiceCollection AddDossierDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMotCuaDocuments(configuration);
        services.AddScoped<DocumentScope>();
        services.AddScoped<DocumentUploadHandler>();
        services.AddScoped<DocumentReadHandler>();
        services.AddScoped<DocumentFlagsHandler>();
        return services;
    }

    public static RouteGroupBuilder MapDossierDocuments(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        DossierDocumentsEndpoints.Map(api.MapGroup("/dossiers").RequireAuthorization(ApiAuth.Policy).WithTags("Documents"));
        return api;
    }
}
