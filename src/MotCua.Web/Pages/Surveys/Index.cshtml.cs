using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Surveys;

/// <summary>Home Affairs' SIPAS area (issue 9 §5): the campaigns within the caller's scope, newest year first, and the
/// questionnaire versions. Reads through <see cref="Campaigns.Handler"/> and <see cref="Questionnaires.Handler"/>.</summary>
[Authorize]
public sealed class IndexModel(Campaigns.Handler campaigns, Questionnaires.Handler questionnaires) : PageModel
{
    public IReadOnlyList<CampaignRow> Campaigns { get; private set; } = [];

    public IReadOnlyList<QuestionnaireRow> Questionnaires { get; private set; } = [];

    public string? Denied { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await campaigns.ListAsync(User, ct);
        if (list.IsFailure)
        {
            Denied = PageErrors.Message(list.Error);
            return Page();
        }

        Campaigns = list.Value;
        Questionnaires = (await questionnaires.ListAsync(User, ct)).Value;
        return Page();
    }
}
