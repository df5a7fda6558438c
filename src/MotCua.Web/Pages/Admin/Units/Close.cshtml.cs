using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using MotCua.Web.Features.Administration;

namespace MotCua.Web.Pages.Admin.Units;

/// <summary>Ends a unit on a last day: dissolved, or merged into (renamed as) a successor that takes over its work
/// (<see cref="AdminUnits.CloseHandler"/>). The old record stays, with its dates.</summary>
[Authorize]
public sealed class CloseModel(AdminUnits.ListHandler units, AdminUnits.CloseHandler close) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DateOnly? LastDay { get; set; }

    [BindProperty]
    public Guid? SuccessorUnitId { get; set; }

    public AdminUnits.UnitRow Unit { get; private set; } = null!;

    public List<SelectListItem> Successors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var closed = await close.Handle(Id, new AdminUnits.CloseUnitRequest(LastDay, SuccessorUnitId), User, ct);
        if (closed.IsFailure)
        {
            PageErrors.Add(ModelState, closed.Error);
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

        if (list.Value.FirstOrDefault(u => u.Id == Id) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Successors = AdminPages.UnitOptions(list.Value, exclude: Id);
        return null;
    }
}
