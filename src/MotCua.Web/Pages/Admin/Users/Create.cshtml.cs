using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using MotCua.Web.Features.Administration;

namespace MotCua.Web.Pages.Admin.Users;

/// <summary>A new staff account in one of the administrator's units; its initial password is shown on this answer only
/// (<see cref="AdminUsers.CreateHandler"/>).</summary>
[Authorize]
public sealed class CreateModel(AdminUnits.ListHandler units, AdminUsers.CreateHandler create) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public List<SelectListItem> Units { get; private set; } = [];

    public AdminUsers.Credentials? Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var created = await create.Handle(new AdminUsers.CreateUserRequest(Input.FullName, Input.Email, Input.HomeUnitId), User, ct);
        if (created.IsFailure)
        {
            PageErrors.Add(ModelState, created.Error, "Input.");
            return Page();
        }

        // Shown once, in this answer (never stored in clear, never in a redirect or TempData).
        Created = created.Value;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var list = await units.Handle(User, ct);
        if (list.IsFailure)
        {
            return AdminPages.Refuse(list.Error);
        }

        Units = AdminPages.UnitOptions(list.Value);
        return null;
    }

    public sealed class AccountInput
    {
        public string? FullName { get; set; }

        public string? Email { get; set; }

        public Guid? HomeUnitId { get; set; }
    }
}
