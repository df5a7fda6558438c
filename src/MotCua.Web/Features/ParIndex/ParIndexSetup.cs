namespace MotCua.Web.Features.ParIndex;

/// <summary>The PAR Index year (issue 11; domain.md §11; README.md beside this file). Frameworks, self-assessments and commitments.</summary>
public static class ParIndexSetup
{
    public static IServiceCollection AddParIndex(this IServiceCollection services)
    {
        services.AddScoped<ParIndexAccess>();
        services.AddScoped<Frameworks.Handler>();
        services.AddScoped<Assessments.Handler>();
        services.AddScoped<Commitments.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapParIndex(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/parindex").RequireAuthorization(Api.ApiAuth.Policy).WithTags("ParIndex");
        Frameworks.Map(group);
        Assessments.Map(group);
        Commitments.Map(group);
        return api;
    }
}
