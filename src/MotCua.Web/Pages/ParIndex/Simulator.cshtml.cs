using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Api;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>The simulator of one unit (issue 11 §4): the sub-criteria that lost points, most first, and the total, percentage,
/// band and rank if each were recovered, alone and cumulatively. A unit's officers see their own unit, the province's Home
/// Affairs and administrators choose any unit. Every rule is <see cref="ParIndexResults.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class SimulatorModel(ParIndexResults.Handler results) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    /// <summary>The units the caller may simulate (every unit for Home Affairs, their own otherwise).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public ParSimulatorView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await results.ResultsAsync(Id, User, ct);
        if (list.IsFailure)
        {
            return list.Error is NotFoundError ? NotFound() : Forbid();
        }

        Units = [.. list.Value.Results.Units.OrderBy(u => u.UnitName, StringComparer.Ordinal).Select(u => (u.UnitId, u.UnitName))];
        Unit ??= Units.Count == 1 ? Units[0].Id : null;
        if (Unit is { } unit)
        {
            var view = await results.SimulateAsync(Id, unit, User, ct);
            if (view.IsFailure)
            {
                return view.Error is NotFoundError ? NotFound() : Forbid();
            }

            View = view.Value;
        }

        return Page();
    }
}
