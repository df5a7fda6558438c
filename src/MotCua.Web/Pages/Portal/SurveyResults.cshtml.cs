using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Portal;

/// <summary>The published SIPAS results (ND 61/2018 Art. 29(2): the results are made public): the list of published
/// campaigns, and one campaign's indices per unit with n and the 95 % interval. Anonymous; no JavaScript needed.</summary>
[AllowAnonymous]
public sealed class SurveyResultsModel(SurveyResults.Handler results) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public IReadOnlyList<SurveyResults.PublishedCampaignRow> Published { get; private set; } = [];

    public SurveyResults.SurveyResultsView? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            Published = await results.PublishedAsync(ct);
            return Page();
        }

        var view = await results.ForPublicAsync(id, ct);
        if (view.IsFailure)
        {
            return NotFound();
        }

        Results = view.Value;
        return Page();
    }
}
