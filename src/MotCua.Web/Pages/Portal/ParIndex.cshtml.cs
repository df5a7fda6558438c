using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.Portal;

/// <summary>The published PAR Index results (issue 11 §4; domain.md §11.4 step 8): the list of published results by year and
/// level, and one framework's published ranking with its bands and per-area points, its earlier versions, the CSV export
/// and the comparison with last year. Anonymous; no JavaScript needed. Reads only what was published
/// (<see cref="ParIndexResults.Handler"/>, the same as the public API).</summary>
[AllowAnonymous]
public sealed class ParIndexModel(ParIndexResults.Handler results) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public IReadOnlyList<ParPublishedListRow> Published { get; private set; } = [];

    /// <summary>The years with published results, newest first (the filter's choices).</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public ParPublishedView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var view = await results.PublishedAsync(id, Version, ct);
            if (view.IsFailure)
            {
                return NotFound();
            }

            View = view.Value;
            return Page();
        }

        var all = await results.PublishedListAsync(null, null, null, ct);
        Years = [.. all.Value.Select(r => r.Year).Distinct().OrderDescending()];
        Level = Level is "Department" or "Commune" ? Level : null;
        Published = [.. all.Value.Where(r => (Year is null || r.Year == Year) && (Level is null || r.Level == Level))];
        return Page();
    }
}
