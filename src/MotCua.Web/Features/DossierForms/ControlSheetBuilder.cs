using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Form 05, the control sheet of the handling process (phiếu kiểm soát quá trình giải quyết hồ sơ): one row
/// per handed-over step.</summary>
internal static class ControlSheetBuilder
{
    public const string Form = "05";

    public static async Task<Result<FormDocument>> BuildAsync(AppDbContext db, FormBasis basis, CancellationToken ct)
    {
        var dossier = basis.Dossier;
        if (basis.Code is not { } code || dossier.Steps.All(s => s.HandedOverAt is null))
        {
            return new FormNotApplicable(Form, "hồ sơ chưa được chuyển xử lý");
        }

        var deskName = basis.DeskName;
        var units = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Name(Guid? unit, string? fallback) =>
            unit is { } id && units.TryGetValue(id, out var n) ? n : fallback ?? "";
        var competentName = Name(dossier.CompetentUnitId, null);
        var rows = dossier.Steps.Where(s => s.HandedOverAt is not null).OrderBy(s => s.Index)
            .Select(s => new ControlSheetRow(
                Name(s.FromUnitId, s.Kind is ProcessingStepKind.Reception ? deskName : competentName),
                Name(s.ToUnitId, s.AgencyName ?? (s.Kind is ProcessingStepKind.ReturnToDesk or ProcessingStepKind.Reception ? deskName : competentName)),
                s.HandedOverAt!.Value, "", "",
                s.Result switch
                {
                    Timeliness.Early => HandoverResult.Early,
                    Timeliness.OnTime => HandoverResult.OnTime,
                    Timeliness.Late => HandoverResult.Late,
                    _ => null,
                },
                null))
            .ToList();
        return new ControlSheetModel
        {
            Agency = basis.Heading,
            DossierCode = code,
            ProcessingAgency = competentName,
            CoordinatingAgencies = [.. dossier.Steps.Where(s => s.Kind == ProcessingStepKind.InterAgency && s.AgencyName is not null).Select(s => s.AgencyName!).Distinct()],
            Rows = rows,
        };
    }
}
