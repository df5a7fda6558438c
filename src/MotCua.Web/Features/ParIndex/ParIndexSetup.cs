namespace MotCua.Web.Features.ParIndex;

/// <summary>The PAR Index year (issue 11; domain.md §11; README.md beside this file). This slice: frameworks.</summary>
public static class ParIndexSetup
{
    public static IServiceCollection AddParIndex(this IServiceCollection services)
    {
        services.AddScoped<ParIndexAccess>();
        services.AddScoped<Frameworks.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapParIndex(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        Frameworks.Map(api.MapGroup("/parindex").RequireAuthorization(Api.ApiAuth.Policy).WithTags("ParIndex"));
        return api;
    }
}
