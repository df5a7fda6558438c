using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Api;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Surveys;

/// <summary>The questionnaire editor (issue 9 §3, §5; domain.md §9.1): a new questionnaire (version 1, draft), a draft's
/// content (title, method decision, items about the respondent, and its questions with their factor, kind, answer format
/// and options), publishing a draft, and a new draft version copied from a published one. Works without JavaScript: "add
/// a question" posts the form back with one more empty row and saves nothing. Every rule is
/// <see cref="Questionnaires.Handler"/>'s, the same as the API's; on an error the form comes back as typed.</summary>
[Authorize]
public sealed class QuestionnaireModel(Questionnaires.Handler questionnaires, SurveyAccess access, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The version; none for a new questionnaire.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public QuestionnaireForm Input { get; set; } = new();

    /// <summary>The revision the form was read at (optimistic concurrency).</summary>
    [BindProperty]
    public int Revision { get; set; }

    /// <summary>The stored version, when editing or reading one.</summary>
    public QuestionnaireView? Stored { get; private set; }

    /// <summary>Whether the caller may write questionnaires (Home Affairs); the handler decides again on every write.</summary>
    public bool MayWrite { get; private set; }

    public string? Done { get; private set; }

    /// <summary>Whether the form edits: a new questionnaire or a draft, for a writer.</summary>
    public bool Editing => MayWrite && Stored is null or { Status: nameof(QuestionnaireStatus.Draft) };

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (Stored is null && !MayWrite)
        {
            return Forbid();
        }

        Input = Stored is null ? new QuestionnaireForm { Demographics = [.. Enum.GetNames<DemographicItem>()] } : QuestionnaireForm.From(Stored);
        Revision = Stored?.Revision ?? 0;
        if (Editing)
        {
            Input.AddBlankRow();
        }

        return Page();
    }

    /// <summary>Saves the draft: version 1 of a new code, or the draft's new content at the revision read.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        // Letters in a number box: shown on the rows as posted, before any row is dropped, so each error stays on its row.
        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Retyped();
        }

        Input.DropRemovedAndBlank();
        var saved = Stored is null
            ? await questionnaires.CreateAsync(
                new QuestionnaireDraftRequest(Input.Code, Input.Title, Input.MethodDecision, Input.QuestionInputs(), Input.Demographics), User, ct)
            : await questionnaires.ReviseAsync(
                Stored.Id, new QuestionnaireRevisionRequest(Revision, Input.Title, Input.MethodDecision, Input.QuestionInputs(), Input.Demographics), User, ct);
        if (saved.IsSuccess)
        {
            return RedirectToPage("/Surveys/Questionnaire", new { id = saved.Value.Id, done = "Saved" });
        }

        ModelState.Clear();
        switch (saved.Error)
        {
            case Questionnaires.QuestionnaireCodeTaken:
                ModelState.AddModelError("Input.Code", PageErrors.Message(saved.Error));
                break;
            case StaleVersion:
                // The typed content stays; the next save is at the revision just read, after the person has checked it.
                ModelState.AddModelError(string.Empty, text["SurveyQuestionnaire_Stale"]);
                Revision = Stored?.Revision ?? Revision;
                break;
            case OutOfScope:
                return Forbid();
            default:
                PageErrors.Add(ModelState, saved.Error, "Input.");
                break;
        }

        return Retyped();
    }

    /// <summary>Adds an empty question row and shows the form again, as typed; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Input.DropRemovedAndBlank();
        ModelState.Clear();
        return Retyped();
    }

    /// <summary>Publishes the stored draft, as last saved.</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }

        var published = await questionnaires.PublishAsync(id, new QuestionnairePublishRequest(Revision), User, ct);
        return await AfterAsync(published, "Published", ct);
    }

    /// <summary>Starts a new draft version copied from this published version.</summary>
    public async Task<IActionResult> OnPostNewVersionAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }

        var created = await questionnaires.NewVersionAsync(id, User, ct);
        return await AfterAsync(created, "NewVersion", ct);
    }

    private async Task<IActionResult> AfterAsync(MotCua.Domain.Common.Result<QuestionnaireView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage("/Surveys/Questionnaire", new { id = result.Value.Id, done });
        }

        if (result.Error is OutOfScope)
        {
            return Forbid();
        }

        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        ModelState.AddModelError(string.Empty, result.Error is StaleVersion ? text["SurveyQuestionnaire_Stale"] : PageErrors.Message(result.Error));
        Input = QuestionnaireForm.From(Stored!);
        Revision = Stored!.Revision;
        if (Editing)
        {
            Input.AddBlankRow();
        }

        return Page();
    }

    /// <summary>The form as typed, with one empty row to type the next question into.</summary>
    private PageResult Retyped()
    {
        Input.AddBlankRow();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await access.ForAsync(User, ct);
        if (scope.IsFailure)
        {
            return Forbid();
        }

        MayWrite = scope.Value.WritesQuestionnaires;
        if (Id is not { } id)
        {
            return null;
        }

        var view = await questionnaires.GetAsync(id, User, ct);
        if (view.IsFailure)
        {
            return view.Error is OutOfScope ? Forbid() : NotFound();
        }

        Stored = view.Value;
        return null;
    }
}
