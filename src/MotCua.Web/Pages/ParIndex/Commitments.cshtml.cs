using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Api;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>The commitment board of one framework (issue 11 §5, §8): every unit of the level in the province for its Home
/// Affairs and administrators (the caller's own units for their officers), each area's target against the current
/// estimate or the final result, met / not met as text and colour; a unit's officer opens (creates) its commitment from
/// here. Every rule is <see cref="Commitments.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class CommitmentsModel(Commitments.Handler commitments) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ParCommitmentBoard? Board { get; private set; }

    /// <summary>What is wrong with the last opening, in the page's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public Guid? Unit { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var opened = await commitments.OpenAsync(new OpenCommitmentRequest(Id, Unit), User, ct);
        if (opened.IsSuccess)
        {
            return RedirectToPage("/ParIndex/Commitment", new { id = opened.Value.Id });
        }

        Problems = ParIndexPages.Describe(opened.Error);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var board = await commitments.BoardAsync(Id, User, ct);
        if (board.IsFailure)
        {
            return board.Error is NotFoundError ? NotFound() : Forbid();
        }

        Board = board.Value;
        return null;
    }
}
