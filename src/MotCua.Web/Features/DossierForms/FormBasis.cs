using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>What every per-dossier form prints in its heading and body: the dossier, its procedure, the receiving
/// unit's heading and place name, the desk's name and the formatted code (if any).</summary>
internal sealed record FormBasis(Dossier Dossier, Procedure Procedure, AgencyHeading Heading, string Place, string DeskName, string? Code)
{
    public static async Task<FormBasis> LoadAsync(AppDbContext db, Dossier dossier, CancellationToken ct)
    {
        var procedure = await db.Procedures.AsNoTracking().SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        var receiving = await db.OrganisationalUnits.AsNoTracking().SingleAsync(u => u.Id == dossier.ReceivingUnitId, ct);
        var heading = await FormLookups.HeadingAsync(db, receiving, ct);
        var deskName = await FormLookups.DeskNameAsync(db, dossier.ReceivingUnitId, ct) ?? receiving.Name;
        return new FormBasis(dossier, procedure, heading, receiving.ShortName ?? receiving.Name, deskName, dossier.Code?.Format());
    }
}

/// <summary>Small reads shared by the form builders.</summary>
internal static class FormLookups
{
    /// <summary>The two-line agency heading: the parent unit's name over the unit's, in capitals.</summary>
    public static async Task<AgencyHeading> HeadingAsync(AppDbContext db, OrganisationalUnit unit, CancellationToken ct)
    {
        var parent = unit.ParentId is { } parentId
            ? await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Name).SingleOrDefaultAsync(ct)
            : null;
        return new AgencyHeading(parent?.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), unit.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")));
    }

    /// <summary>The name of the unit's newest one-stop desk, if it has one.</summary>
    public static Task<string?> DeskNameAsync(AppDbContext db, Guid unitId, CancellationToken ct) =>
        db.OneStopDesks.AsNoTracking().Where(d => d.UnitId == unitId).OrderByDescending(d => d.ValidFrom).Select(d => d.Name).FirstOrDefaultAsync(ct);

    /// <summary>The full name of an officer, or empty.</summary>
    public static async Task<string> UserNameAsync(AppDbContext db, Guid? userId, CancellationToken ct) =>
        userId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? "" : "";
}
