using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Form 04, the apology with a new appointment (phiếu xin lỗi và hẹn lại ngày trả kết quả), headed by the
/// competent unit.</summary>
internal static class ApologyBuilder
{
    public const string Form = "04";

    public static async Task<Result<FormDocument>> BuildAsync(AppDbContext db, FormBasis basis, CancellationToken ct)
    {
        var dossier = basis.Dossier;
        if (dossier.Apology is not { } apology || basis.Code is not { } code || dossier.ReceivedAt is not { } receivedAt)
        {
            return new FormNotApplicable(Form, "chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả");
        }

        var competent = await db.OrganisationalUnits.AsNoTracking().SingleAsync(u => u.Id == dossier.CompetentUnitId, ct);
        return new ApologyModel
        {
            Agency = await FormLookups.HeadingAsync(db, competent, ct),
            PlaceName = basis.Place,
            IssuedAtUtc = apology.IssuedAt,
            RecipientName = dossier.Applicant.FullName,
            AgencyNameInText = competent.Name,
            ReceivedAtUtc = receivedAt,
            DossierCode = code,
            OriginalAppointmentAtUtc = apology.PreviousAppointmentAt,
            Reason = apology.Reason,
            NewAppointmentAtUtc = apology.NewAppointmentAt,
            SignerTitleLines = ["THỦ TRƯỞNG CƠ QUAN"],
            SignerName = apology.SignerName,
        };
    }
}
