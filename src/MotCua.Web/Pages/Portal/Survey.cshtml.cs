using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Api;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Portal;

/// <summary>The invited respondent's page (issue 9 §3; domain.md §9.1): the link of the invitation letter or message
/// (<c>/Portal/Survey?token=…</c>), or the code typed from a printed letter; the questionnaire; one answer per invitation.
/// Anonymous, no JavaScript needed, for a 360-px phone. <see cref="PublicSurvey.Handler"/> decides everything.</summary>
/// <remarks>The token travels in the link's query string once and is then posted in the form, not in the address; the
/// page is never cached and sends no referrer, so the token does not leak to another site or a shared cache.</remarks>
[AllowAnonymous]
public sealed class SurveyModel(PublicSurvey.Handler survey, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SurveyAnswersInput Survey { get; set; } = new();

    public PublicSurvey.PublicSurveyView? View { get; private set; }

    /// <summary>Why the questionnaire is not shown: an unknown or malformed code, or an invitation already answered or closed.</summary>
    public string? Unavailable { get; private set; }

    public PublicSurvey.SurveySubmitted? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Private();
        if (!string.IsNullOrWhiteSpace(Token))
        {
            await LoadAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Private();
        if (string.IsNullOrWhiteSpace(Token) || !await LoadAsync(ct))
        {
            return Page();
        }

        var body = new PublicSurvey.WebResponseRequest(Survey.ToAnswers(View!.Questions), Survey.ToRespondent());
        var result = await survey.SubmitAsync(Token.Trim(), body, ct);
        if (result.IsSuccess)
        {
            Done = result.Value;
            return Page();
        }

        switch (result.Error)
        {
            case InvitationAlreadyUsed or InvitationNotFound:
                Unavailable = PageErrors.Message(result.Error);
                View = null;
                break;
            default:
                PageErrors.Add(ModelState, result.Error, "Survey.");
                break;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await survey.GetAsync(Token!.Trim(), ct);
        if (view.IsSuccess)
        {
            View = view.Value;
            return true;
        }

        Unavailable = view.Error switch
        {
            ValidationFailed or InvitationNotFound => text["Survey_TokenUnknown"],
            Error other => PageErrors.Message(other),
        };
        return false;
    }

    private void Private() => Surveys.SurveyPages.KeepTokenPrivate(Response);
}
