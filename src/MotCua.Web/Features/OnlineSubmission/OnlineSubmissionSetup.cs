namespace MotCua.Web.Features.OnlineSubmission;

/// <summary>The citizen portal's online submission: drafts kept on the server (<see cref="SubmissionDrafts"/>).</summary>
public static class OnlineSubmissionSetup
{
    public static IServiceCollection AddOnlineSubmission(this IServiceCollection services) => services.AddScoped<SubmissionDrafts>();
}
