using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Pakn;

namespace MotCua.Web.Pages.Portal.Pakn;

/// <summary>The published answers to PAKN (ND 20/2008 Art. 19), newest first, searchable; personal data removed by the
/// domain before publication. Links to sending a PAKN and to following one.</summary>
[AllowAnonymous]
public sealed class IndexModel(PublicPakn.Handler pakn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public PublicPakn.PublishedPage? Published { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = await pakn.PublishedAsync(Q, null, Math.Clamp(Skip, 0, 100_000), ct);
        Published = page.IsSuccess ? page.Value : null;
        return Page();
    }
}
