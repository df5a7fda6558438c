using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Api;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Pages.Work;

/// <summary>The agency head's follow-ups of dissatisfied ratings (issue 9 §1, §5): open ones due soonest first with the
/// answers and the dossier, never the rater; closing one asks what the unit found and did. Lists and closes through
/// <see cref="RatingFollowUps.Handler"/>, so the page and the API answer alike.</summary>
[Authorize]
public sealed class FollowUpsModel(RatingFollowUps.Handler followUps, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Closed { get; set; }

    [BindProperty]
    public Guid FollowUpId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    public IReadOnlyList<RatingFollowUps.Row> Rows { get; private set; } = [];

    public string? Denied { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        var closed = await followUps.CloseAsync(FollowUpId, new RatingFollowUps.CloseBody(Resolution, Version), User, ct);
        if (closed.IsSuccess)
        {
            TempData["FollowUpNotice"] = closed.Value.DossierCode ?? "";
            return RedirectToPage("/Work/FollowUps");
        }

        if (closed.Error is NotFoundError)
        {
            return NotFound();
        }

        // The messages go beside the follow-up's own form; any other error on top.
        if (closed.Error is ValidationFailed failed)
        {
            PageErrors.Add(ModelState, failed, $"f{FollowUpId:N}.");
        }
        else
        {
            ModelState.AddModelError(string.Empty, closed.Error is StaleVersion ? text["FollowUps_Stale"] : PageErrors.Message(closed.Error));
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The validation message of one follow-up's resolution box, if the last close of that one failed.</summary>
    public string? ResolutionError(Guid id) =>
        ModelState[$"f{id:N}.Resolution"] is { Errors.Count: > 0 } entry ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await followUps.ListAsync(null, !Closed, User, ct);
        if (rows.IsSuccess)
        {
            Rows = rows.Value;
        }
        else
        {
            Denied = PageErrors.Message(rows.Error);
        }

        Notice = TempData["FollowUpNotice"] as string;
    }
}
