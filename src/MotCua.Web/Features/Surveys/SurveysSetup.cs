namespace MotCua.Web.Features.Surveys;

/// <summary>SIPAS survey campaigns (issue 9 §3; domain.md §9.1; README.md beside this file): questionnaires, campaigns,
/// sampling and invitations, web responses by token, paper ballots and the indices.</summary>
public static class SurveysSetup
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddSingleton<SurveySecret>();
        services.AddScoped<SurveyAccess>();
        services.AddScoped<CampaignStore>();
        services.AddScoped<ResponseSaving>();
        services.AddSingleton<SurveyLinks>();
        services.AddScoped<InvitationMessages>();
        services.AddScoped<Questionnaires.Handler>();
        services.AddScoped<Campaigns.Handler>();
        services.AddScoped<Sampling.Handler>();
        services.AddScoped<PaperBallots.Handler>();
        services.AddScoped<PublicSurvey.Handler>();
        services.AddScoped<SurveyResults.Handler>();
        return services;
    }

    public static RouteGroupBuilder MapSurveys(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var staff = api.MapGroup("/surveys").RequireAuthorization(Api.ApiAuth.Policy).WithTags("Surveys");
        Questionnaires.Map(staff);
        Campaigns.Map(staff);
        Sampling.Map(staff);
        PaperBallots.Map(staff);
        SurveyResults.MapStaff(staff);
        var open = api.MapGroup("/public/surveys").WithTags("Public");
        SurveyResults.MapPublic(open);
        PublicSurvey.Map(open);
        return api;
    }
}
