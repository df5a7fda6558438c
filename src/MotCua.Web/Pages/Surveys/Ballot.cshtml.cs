using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Api;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Surveys;

/// <summary>Paper-ballot entry (ND 61/2018 Art. 29(1)(a), 29(4)): the unit the ballot was collected for, the date it
/// was filled in and its answers as written. Each form carries a fresh <c>Idempotency-Key</c>, so a double click or a
/// resent form counts the ballot once; after a ballot the answers are cleared for the next one, the unit and date kept.
/// <see cref="PaperBallots.Handler"/> checks the quota, the period and the answers.</summary>
[Authorize]
public sealed class BallotModel(Campaigns.Handler campaigns, Questionnaires.Handler questionnaires, PaperBallots.Handler ballots,
    TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? UnitId { get; set; }

    [BindProperty]
    public DateOnly? CollectedOn { get; set; }

    [BindProperty]
    public string? EntryKey { get; set; }

    [BindProperty]
    public SurveyAnswersInput Survey { get; set; } = new();

    public CampaignView Campaign { get; private set; } = null!;

    public QuestionnaireView Questionnaire { get; private set; } = null!;

    public PaperBallots.BallotEntered? Entered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CollectedOn = VietnamTime.Today(clock);
        EntryKey = NewKey();
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        var request = new PaperBallots.PaperBallotRequest(UnitId, CollectedOn, Survey.ToAnswers(Questionnaire.Questions), Survey.ToRespondent());
        var entered = await ballots.EnterAsync(Id, request, User, EntryKey, ct);
        if (entered.IsFailure)
        {
            PageErrors.Add(ModelState, entered.Error, "Survey.", flatten: null);
            return Page();
        }

        // Cleared for the next ballot: nothing of this one stays on the screen.
        Entered = entered.Value;
        Survey = new SurveyAnswersInput();
        EntryKey = NewKey();
        ModelState.Clear();
        return await LoadAsync(ct) ?? Page();
    }

    private static string NewKey() => "ballot-" + Guid.NewGuid().ToString("N");

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var view = await campaigns.GetAsync(Id, User, ct);
        if (view.IsFailure)
        {
            return view.Error is OutOfScope ? Forbid() : NotFound();
        }

        Campaign = view.Value;
        Questionnaire = (await questionnaires.GetAsync(Campaign.QuestionnaireId, User, ct)).Value;
        return null;
    }
}
