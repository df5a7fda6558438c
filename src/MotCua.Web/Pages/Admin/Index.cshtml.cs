using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Administration;

namespace MotCua.Web.Pages.Admin;

/// <summary>The administrator's home: the units they manage and the sections of the area.</summary>
[Authorize]
public sealed class IndexModel(AdminUnits.ListHandler units) : PageModel
{
    public IReadOnlyList<AdminUnits.UnitRow> Roots { get; private set; } = [];

    public int UnitCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await units.Handle(User, ct);
        if (list.IsFailure)
        {
            return AdminPages.Refuse(list.Error);
        }

        Roots = [.. list.Value.Where(u => u.Depth == 0)];
        UnitCount = list.Value.Count(u => u.Current);
        return Page();
    }
}
