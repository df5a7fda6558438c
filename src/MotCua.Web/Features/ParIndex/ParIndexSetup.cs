namespace MotCua.Web.Features.ParIndex;

/// <summary>The PAR Index year (issue 11; domain.md §11; README.md beside this file). Frameworks, self-assessments, commitments, appraisal and remediation plans.</summary>
/// <summary>The PAR Index year (issue 11; domain.md §11; README.md beside this file). Frameworks, self-assessments, commitments, appraisal and results.</summary>
public static class ParIndexSetup
{
    public static IServiceCollection AddParIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ParIndexOptions>()
            .Bind(configuration.GetSection(ParIndexOptions.SectionName))
            .Validate(o => o.ReminderDaysBefore is >= 0 and <= 366, "ParIndex:ReminderDaysBefore must be between 0 and 366.")
            .ValidateOnStart();
        services.AddScoped<ParIndexAccess>();
        services.AddScoped<ParSystemFigures>();
        services.AddScoped<ParReminderWriter>();
        services.AddScoped<Frameworks.Handler>();
        services.AddScoped<Assessments.Handler>();
        services.AddScoped<Commitments.Handler>();
        services.AddScoped<ParSipasIndex>();
        services.AddScoped<Appraisal.Handler>();
        services.AddOptions<ParRemediationOptions>()
            .Bind(configuration.GetSection(ParRemediationOptions.SectionName))
            .Validate(o => o.MinLostPoints is >= 0m and <= 100m && o.ReminderDaysBefore is >= 0 and <= 366,
                "ParIndex:Remediation:MinLostPoints must be between 0 and 100, ReminderDaysBefore between 0 and 366.")
            .ValidateOnStart();
        services.AddScoped<Remediation.Handler>();
        services.AddScoped<ParRemediationReminderWriter>();
        services.AddScoped<ParIndexResults.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapParIndex(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/parindex").RequireAuthorization(Api.ApiAuth.Policy).WithTags("ParIndex");
        Frameworks.Map(group);
        Assessments.Map(group);
        Commitments.Map(group);
        Appraisal.Map(group);
        Remediation.Map(group);
        ParIndexResults.Map(group);
        // Published results are public (no login), rate-limited like the other public reads.
        ParIndexResults.MapPublic(api.MapGroup("/parindex/published").WithTags("ParIndex").RequireRateLimiting(Dossiers.PublicDossierLookup.RateLimitPolicy));
        return api;
    }
}
