namespace MotCua.Web.Pages.Surveys;

/// <summary>What the survey pages that show an invitation token share (the invited respondent's page, the answer to a
/// sampling): the page is never cached and sends no referrer, so the token reaches no shared cache and no other site.</summary>
public static class SurveyPages
{
    public static void KeepTokenPrivate(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Portal.PublicCodePages.NoStore(response);
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
