using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Api;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>The results and ranking of one framework (issue 11 §4): every unit for the province's Home Affairs and
/// administrators, the caller's own unit for its officers before publication; Home Affairs publishes after confirming the
/// list of units not yet finished (a correction with a reason). Every rule is <see cref="ParIndexResults.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class ResultsModel(ParIndexResults.Handler results) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ParResultsView? View { get; private set; }

    /// <summary>What is wrong with the last publication, in the page's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public bool Confirm { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var published = await results.PublishAsync(Id, new PublishResultsRequest(Confirm, Reason), User, ct);
        if (published.IsSuccess)
        {
            return RedirectToPage("/ParIndex/Results", null, new { id = Id }, "publications");
        }

        if (published.Error is NotFoundError or OutOfScope)
        {
            return published.Error is NotFoundError ? NotFound() : Forbid();
        }

        Problems = ParIndexPages.Describe(published.Error, paths: false);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var view = await results.ResultsAsync(Id, User, ct);
        if (view.IsFailure)
        {
            return view.Error is NotFoundError ? NotFound() : Forbid();
        }

        View = view.Value;
        return null;
    }
}
