namespace MotCua.Web.Features.ReferenceData;

/// <summary>The reference data screens and API clients pick from: procedures in force, units, desks and assignable
/// staff (README.md beside this file).</summary>
public static class ReferenceDataSetup
{
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddScoped<ProcedureOptions.Handler>();
        services.AddScoped<UnitTree.Handler>();
        services.AddScoped<UnitDesks.Handler>();
        services.AddScoped<AssignableStaff.Handler>();
        services.AddScoped<OnlineSubmissionOptions.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapReferenceData(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var reference = api.MapGroup("").WithTags("Reference data");
        ProcedureOptions.Map(reference);
        UnitTree.Map(reference);
        UnitDesks.Map(reference);
        AssignableStaff.Map(reference);
        OnlineSubmissionOptions.Map(reference);
        return api;
    }
}
