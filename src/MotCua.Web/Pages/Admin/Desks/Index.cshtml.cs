using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using MotCua.Web.Features.Administration;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Admin.Desks;

/// <summary>The one-stop desks of a unit the administrator manages, with their weekly sessions.</summary>
[Authorize]
public sealed class IndexModel(AdminUnits.ListHandler units, AdminDesks.ListHandler desks) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    public List<SelectListItem> Units { get; private set; } = [];

    public string? UnitName { get; private set; }

    public IReadOnlyList<UnitDesks.Desk> Desks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await units.Handle(User, ct);
        if (list.IsFailure)
        {
            return AdminPages.Refuse(list.Error);
        }

        Units = AdminPages.UnitOptions(list.Value);
        if (Unit is { } unitId)
        {
            var found = await desks.Handle(unitId, User, ct);
            if (found.IsFailure)
            {
                return AdminPages.Refuse(found.Error);
            }

            Desks = found.Value;
            UnitName = list.Value.FirstOrDefault(u => u.Id == unitId)?.Name;
        }

        return Page();
    }
}
