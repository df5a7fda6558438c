using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Administration;

namespace MotCua.Web.Pages.Admin.Units;

/// <summary>The tree of the units the administrator manages, with their history and successors.</summary>
[Authorize]
public sealed class IndexModel(AdminUnits.ListHandler units) : PageModel
{
    public IReadOnlyList<AdminUnits.UnitRow> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await units.Handle(User, ct);
        if (list.IsFailure)
        {
            return AdminPages.Refuse(list.Error);
        }

        Units = list.Value;
        return Page();
    }
}
