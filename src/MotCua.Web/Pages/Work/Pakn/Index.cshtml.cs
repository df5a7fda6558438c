using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Pakn;

namespace MotCua.Web.Pages.Work.Pakn;

/// <summary>The PAKN work list (issue 9 §5): the caller's units' cases, open ones first by handling deadline, with the
/// due badges of <see cref="ListPakn"/>, filtered by state and by due.</summary>
[Authorize]
public sealed class IndexModel(ListPakn.Handler list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public ListPakn.PaknPage? Cases { get; private set; }

    public string? Denied { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = await list.ListAsync(null, Status, Due ?? "open", Math.Clamp(Skip, 0, 100_000), User, ct);
        if (page.IsSuccess)
        {
            Cases = page.Value;
        }
        else
        {
            Denied = PageErrors.Message(page.Error);
        }

        return Page();
    }
}
