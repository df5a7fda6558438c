using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Surveys;

/// <summary>The SIPAS questionnaires (issue 9 §5): every code with its versions, newest first, their status, and for
/// Home Affairs the way to write a new questionnaire, edit a draft or start a new version from a published one. Reads
/// through <see cref="Questionnaires.Handler"/>.</summary>
[Authorize]
public sealed class QuestionnairesModel(Questionnaires.Handler questionnaires, SurveyAccess access) : PageModel
{
    /// <summary>The versions grouped by code, codes in order, newest version first.</summary>
    public IReadOnlyList<IGrouping<string, QuestionnaireRow>> Codes { get; private set; } = [];

    public bool MayWrite { get; private set; }

    public string? Denied { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await questionnaires.ListAsync(User, ct);
        if (list.IsFailure)
        {
            Denied = PageErrors.Message(list.Error);
            return Page();
        }

        MayWrite = (await access.ForAsync(User, ct)).Value.WritesQuestionnaires;
        Codes = [.. list.Value.GroupBy(q => q.Code)];
        return Page();
    }
}
