using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Web.Api;
using MotCua.Web.Features.Pakn;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Work.Pakn;

/// <summary>One PAKN case as staff work on it (issue 9 §5): submitter, contents, deadlines with the settings version they
/// came from and the case's standing against them, review, answer and publication, the timeline, and a form for each
/// trigger the caller may fire now (<c>allowedTriggers</c> of <see cref="ReadPakn"/>), fired through
/// <see cref="TransitionPakn"/>.</summary>
[Authorize]
public sealed class CaseModel(ReadPakn.Handler read, TransitionPakn.Handler transition, UnitTree.Handler units, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ActionInput Action { get; set; } = new();

    public PaknView Case { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name, int Depth)> Units { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostFireAsync(CancellationToken ct)
    {
        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return await LoadAsync(ct) ?? Page();
        }

        var fired = await transition.Handle(Id, Action.ToRequest(), User, ct);
        if (fired.IsSuccess)
        {
            return RedirectToPage("/Work/Pakn/Case", new { id = Id, done = Action.Trigger });
        }

        if (fired.Error is NotFoundError)
        {
            return NotFound();
        }

        PageErrors.Add(ModelState, fired.Error, "Action.");
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var view = await read.GetAsync(Id, User, ct);
        if (view.IsFailure)
        {
            return view.Error is OutOfScope ? Forbid() : NotFound();
        }

        Case = view.Value;
        Units = UnitTree.Flatten(await units.Handle(VietnamTime.Today(clock), ct));
        UnitNames = Units.ToDictionary(u => u.Id, u => u.Name);
        return null;
    }

    /// <summary>Every trigger's fields; each form posts only those of its trigger.</summary>
    public sealed class ActionInput
    {
        public string Trigger { get; set; } = "";

        public int Version { get; set; }

        public string? Note { get; set; }

        public string? Reason { get; set; }

        public string? RecipientName { get; set; }

        public string? Classification { get; set; }

        public string? Kind { get; set; }

        public List<int> Categories { get; set; } = [];

        public Guid? HandlingUnitId { get; set; }

        public string? Supplement { get; set; }

        public List<ReviewRow> Review { get; set; } = [];

        public string? Answer { get; set; }

        public string? DecisionForm { get; set; }

        public string? PublicAnswer { get; set; }

        public List<string> Channels { get; set; } = [];

        public TransitionPakn.PaknTransitionRequest ToRequest() => new(
            Trigger, Version, Note, Reason, RecipientName, null, Classification, Kind, Categories.Count == 0 ? null : Categories,
            HandlingUnitId, Supplement,
            Review.Count == 0 ? null : [.. Review.Select(r => new TransitionPakn.ReviewInput(r.Criterion, r.Verdict, r.Note))],
            Answer, DecisionForm, PublicAnswer, Channels.Count == 0 ? null : Channels);
    }

    public sealed class ReviewRow
    {
        public string? Criterion { get; set; }

        public string? Verdict { get; set; }

        public string? Note { get; set; }
    }

    /// <summary>The criteria of ND 20/2008 Art. 14(2)(c), in order.</summary>
    public static IReadOnlyList<PaknReviewCriterion> Criteria => PaknReview.Criteria;
}
