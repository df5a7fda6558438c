using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Api;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Surveys;

/// <summary>A campaign's indices for Home Affairs and administrators (issue 9 §3, §5), in any state: the figures so far
/// while collecting, the final ones once closed. <see cref="SurveyResults.Handler"/> computes them.</summary>
[Authorize]
public sealed class ResultsModel(SurveyResults.Handler results) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public SurveyResults.SurveyResultsView Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await results.ForStaffAsync(Id, User, ct);
        if (view.IsFailure)
        {
            return view.Error is OutOfScope ? Forbid() : NotFound();
        }

        Results = view.Value;
        return Page();
    }
}
