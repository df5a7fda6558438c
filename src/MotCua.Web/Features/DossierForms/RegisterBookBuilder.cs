using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Form 06, the register book (sổ theo dõi hồ sơ) of a unit's desks for one year, in register order.</summary>
internal static class RegisterBookBuilder
{
    public static async Task<Result<(RegisterBookModel Model, IReadOnlyList<Guid> DossierIds)>> BuildAsync(AppDbContext db, Guid unitId, int year, CancellationToken ct)
    {
        var unit = await db.OrganisationalUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return new NotFoundError($"đơn vị {unitId}");
        }

        var desks = await db.OneStopDesks.AsNoTracking().Where(d => d.UnitId == unitId).Select(d => d.Id).ToListAsync(ct);
        var entries = await db.DossierRegisterEntries.AsNoTracking()
            .Where(r => desks.Contains(r.DeskId) && r.Year == year)
            .OrderBy(r => r.Number)
            .ToListAsync(ct);
        var ids = entries.Select(e => e.DossierId).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.History).AsSplitQuery()
            .Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var procedureIds = dossiers.Values.Select(d => d.ProcedureId).Distinct().ToList();
        var procedures = await db.Procedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var units = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var rows = entries.Where(e => dossiers.ContainsKey(e.DossierId)).Select(e =>
        {
            var d = dossiers[e.DossierId];
            DateTime? At(DossierTrigger trigger) => d.History.Where(h => h.Trigger == trigger).Select(h => (DateTime?)h.At).FirstOrDefault();
            return new RegisterBookRow
            {
                Number = e.Number,
                DossierCode = d.Code?.Format() ?? "",
                ProcedureName = procedures.GetValueOrDefault(d.ProcedureId, ""),
                ApplicantName = d.Applicant.FullName,
                ApplicantContact = string.Join(", ", new[] { d.Applicant.Address, d.Applicant.Phone }.Where(s => !string.IsNullOrWhiteSpace(s))),
                HandlingAgency = units.GetValueOrDefault(d.CompetentUnitId, ""),
                ReceivedAtUtc = d.ReceivedAt ?? d.SubmittedAt,
                AppointmentAtUtc = d.CurrentAppointmentAt ?? d.OriginalAppointmentAt ?? d.SubmittedAt,
                HandedToAgencyAtUtc = At(DossierTrigger.Transfer),
                ResultReceivedAtUtc = At(DossierTrigger.Approve),
                ReturnedAtUtc = d.ReturnedAt,
            };
        }).ToList();
        var model = new RegisterBookModel
        {
            Agency = await FormLookups.HeadingAsync(db, unit, ct),
            Year = year,
            BookNumber = "01",
            Rows = rows,
        };
        return (model, ids);
    }
}
