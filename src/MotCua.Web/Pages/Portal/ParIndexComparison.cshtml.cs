using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.Portal;

/// <summary>A framework's published PAR Index results against last year's published results of the same province and level
/// (issue 11 §4): areas and criteria matched by code, new and removed ones marked, per unit the change, the points gained and
/// lost, per area and per criterion. Anonymous, like the published results it compares; <see cref="ParIndexResults.Handler"/>.</summary>
[AllowAnonymous]
public sealed class ParIndexComparisonModel(ParIndexResults.Handler results) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ParComparisonView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await results.ComparisonAsync(Id, ct);
        if (view.IsFailure)
        {
            return NotFound();
        }

        View = view.Value;
        return Page();
    }
}
