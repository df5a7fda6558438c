using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Api;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>The remediation board of one framework (issue 11 §6): every unit of the level in the province for its Home
/// Affairs and administrators (the caller's own units for their officers), each unit's plan and roll-up (items, done, in
/// progress, overdue, share done, points targeted) and the province's; a unit's officer generates its plan from here once
/// its result allows. Every rule is <see cref="Remediation.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class RemediationModel(Remediation.Handler remediation) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ParRemediationBoard? Board { get; private set; }

    /// <summary>What is wrong with the last generation, in the page's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public Guid? Unit { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var opened = await remediation.OpenAsync(new OpenRemediationPlanRequest(Id, Unit), User, ct);
        if (opened.IsSuccess)
        {
            return RedirectToPage("/ParIndex/RemediationPlan", new { id = opened.Value.Id });
        }

        Problems = ParIndexPages.Describe(opened.Error, paths: false);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var board = await remediation.BoardAsync(Id, User, ct);
        if (board.IsFailure)
        {
            return board.Error is NotFoundError ? NotFound() : Forbid();
        }

        Board = board.Value;
        return null;
    }
}
