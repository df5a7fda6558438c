using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Administration;

namespace MotCua.Web.Pages.Admin.Users;

/// <summary>The staff accounts of the administrator's units, searched by name or e-mail.</summary>
[Authorize]
public sealed class IndexModel(AdminUsers.ListHandler users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<AdminUsers.UserRow> Users { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Names and e-mail addresses of staff: personal data, not to be kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        var list = await users.Handle(Q, User, ct);
        if (list.IsFailure)
        {
            return AdminPages.Refuse(list.Error);
        }

        Users = list.Value;
        return Page();
    }
}
