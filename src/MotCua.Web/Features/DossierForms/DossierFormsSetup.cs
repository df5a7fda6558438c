using MotCua.Web.Api;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>The legal forms of a dossier (receipt, supplement request, refusal, apology, control sheet, register
/// book) as HTML and PDF.</summary>
public static class DossierFormsSetup
{
    public static IServiceCollection AddDossierForms(this IServiceCollection services)
    {
        services.AddMotCuaForms();
        services.AddScoped<DossierFormModels>();
        services.AddScoped<DossierFormsEndpoints.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapDossierForms(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        DossierFormsEndpoints.Map(api.MapGroup("").RequireAuthorization(ApiAuth.Policy).WithTags("Forms"));
        return api;
    }
}
