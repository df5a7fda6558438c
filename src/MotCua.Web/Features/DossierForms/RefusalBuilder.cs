using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Form 03, the refusal (phiếu từ chối tiếp nhận giải quyết hồ sơ): the latest refusal at receipt, or the
/// competent agency's refusal after appraisal (ND 61/2018 Art. 19(8); docs/dossier-rules.md).</summary>
internal static class RefusalBuilder
{
    public const string Form = "03";

    public static async Task<Result<FormDocument>> BuildAsync(AppDbContext db, FormBasis basis, CancellationToken ct)
    {
        var dossier = basis.Dossier;
        var refusal = dossier.History.LastOrDefault(h => h.Trigger is DossierTrigger.RefuseAtCounter or DossierTrigger.RefuseAtReceipt or DossierTrigger.Reject);
        if (refusal is null)
        {
            return new FormNotApplicable(Form, "hồ sơ không bị từ chối tiếp nhận hoặc từ chối giải quyết");
        }

        // After appraisal the competent agency refuses, under its own heading.
        var competent = refusal.Trigger == DossierTrigger.Reject
            ? await db.OrganisationalUnits.AsNoTracking().SingleAsync(u => u.Id == dossier.CompetentUnitId, ct)
            : null;
        return new RefusalModel
        {
            Agency = competent is null ? basis.Heading : await FormLookups.HeadingAsync(db, competent, ct),
            PlaceName = basis.Place,
            IssuedAtUtc = refusal.At,
            DeskName = basis.DeskName,
            DossierCode = basis.Code,
            ApplicantName = dossier.Applicant.FullName,
            RequestedContent = basis.Procedure.Name,
            Reason = refusal.DataText("reason") ?? refusal.Note ?? "",
            OfficerName = await FormLookups.UserNameAsync(db, refusal.ActorId, ct),
            RefusingAgencyName = competent?.Name,
            OfficerRole = competent is null ? RefusalModel.DeskOfficerRole
                : refusal.ActorRole == DossierActorRole.AgencyHead ? "Thủ trưởng cơ quan" : "Người xử lý hồ sơ",
        };
    }
}
