using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Persistence;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Portal;

/// <summary>The electronic receipt of an online submission (issue 8 §5; ND 61/2018 Art. 16(3): the applicant is told
/// that the dossier was received by the system): code once the desk has accepted it, procedure, time received, what
/// happens next, the appointment when the engine has one, and a printable view (<c>?print=true</c>). Read through
/// <see cref="GetDossier"/>: another citizen's dossier is 404.</summary>
[Authorize(Roles = nameof(StaffRole.Citizen))]
public sealed class ReceiptModel(GetDossier.Handler get, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    public DossierView Dossier { get; private set; } = null!;

    public string ProcedureName { get; private set; } = "";

    public string ProcedureCode { get; private set; } = "";

    public string ReceivingUnitName { get; private set; } = "";

    public string? FileErrors { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await get.Handle(Id, User, ct);
        if (view.IsFailure)
        {
            return NotFound();
        }

        Dossier = view.Value;
        var procedure = await db.Procedures.AsNoTracking().Where(p => p.Id == Dossier.ProcedureId).Select(p => new { Code = p.Code.Value, p.Name }).SingleAsync(ct);
        (ProcedureCode, ProcedureName) = (procedure.Code, procedure.Name);
        ReceivingUnitName = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == Dossier.ReceivingUnitId).Select(u => u.Name).SingleAsync(ct);
        FileErrors = TempData["ReceiptFileErrors"] as string;
        return Page();
    }
}
