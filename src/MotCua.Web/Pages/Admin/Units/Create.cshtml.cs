using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using MotCua.Domain.Units;
using MotCua.Web.Features.Administration;

namespace MotCua.Web.Pages.Admin.Units;

/// <summary>A new unit under a unit the administrator manages (<see cref="AdminUnits.CreateHandler"/>).</summary>
[Authorize]
public sealed class CreateModel(AdminUnits.ListHandler units, AdminUnits.CreateHandler create) : PageModel
{
    /// <summary>The levels a new unit may have: districts ended on 30 June 2025 (domain.md §0.3).</summary>
    public static readonly UnitLevel[] Levels = [UnitLevel.Commune, UnitLevel.ProvincialDepartment, UnitLevel.VerticalBranch, UnitLevel.Province, UnitLevel.Ministry];

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public List<SelectListItem> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var created = await create.Handle(new AdminUnits.CreateUnitRequest(Input.Name, Input.ShortName, Input.Level, Input.IdentifierCode, Input.ParentId, Input.ValidFrom), User, ct);
        if (created.IsFailure)
        {
            PageErrors.Add(ModelState, created.Error, "Input.");
            return Page();
        }

        return RedirectToPage("/Admin/Units/Index");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var list = await units.Handle(User, ct);
        if (list.IsFailure)
        {
            return AdminPages.Refuse(list.Error);
        }

        Parents = AdminPages.UnitOptions(list.Value);
        return null;
    }

    public sealed class UnitInput
    {
        public string? Name { get; set; }

        public string? ShortName { get; set; }

        public UnitLevel? Level { get; set; }

        public string? IdentifierCode { get; set; }

        public Guid? ParentId { get; set; }

        public DateOnly? ValidFrom { get; set; }
    }
}
