using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Desk;

namespace MotCua.Web.Pages.Desk;

/// <summary>The desk officer's home: their work list (<see cref="DeskWork"/>), for the units whose desks they serve.</summary>
[Authorize]
public sealed class IndexModel(DeskWork.Handler work) : PageModel
{
    public DeskWork.WorkList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await work.Handle(null, DeskWork.DefaultLimit, User, ct);
        if (list.IsFailure)
        {
            return Forbid();
        }

        List = list.Value;
        return Page();
    }
}
