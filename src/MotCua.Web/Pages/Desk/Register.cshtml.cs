using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Persistence;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Desk;

/// <summary>Choose a unit and a year, then print the register book (Form 06) through the forms endpoint, which checks
/// the read right again and logs the read.</summary>
[Authorize]
public sealed class RegisterModel(AppDbContext db, DossierAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (DossierAccess.UserId(User) is not { } userId)
        {
            return Forbid();
        }

        var mine = await access.UnitsWithRoleAsync(userId, StaffRole.DeskOfficer, ct);
        if (mine.Count == 0)
        {
            return Forbid();
        }

        var units = await db.OrganisationalUnits.AsNoTracking().Where(u => mine.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        Units = [.. units.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => (u.Id, u.Name))];
        var thisYear = VietnamTime.Today(clock).Year;
        Years = [.. Enumerable.Range(0, 5).Select(i => thisYear - i)];
        Unit ??= Units[0].Id;
        Year ??= thisYear;
        if (!mine.Contains(Unit.Value) || !Years.Contains(Year.Value))
        {
            return NotFound();
        }

        return Page();
    }
}
