using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Persistence;
using MotCua.Persistence.Identity;

namespace MotCua.Web.Pages.Account;

[Authorize]
public sealed class IndexModel(UserManager<AppUser> userManager, AppDbContext db) : PageModel
{
    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        FullName = user.FullName;
        Email = user.Email ?? "";
        Roles = [.. await userManager.GetRolesAsync(user)];
        Assignments = await db.StaffRoleAssignments.AsNoTracking()
            .Where(a => a.UserId == user.Id)
            .Join(db.OrganisationalUnits, a => a.UnitId, u => u.Id, (a, u) => new AssignmentRow(a.Role, u.Name, a.IncludeDescendants, a.ValidFrom, a.ValidTo))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record AssignmentRow(StaffRole Role, string UnitName, bool IncludeDescendants, DateOnly ValidFrom, DateOnly? ValidTo);
}
