using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Form 02, the request to supplement or complete the dossier (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ):
/// the latest request.</summary>
internal static class SupplementRequestBuilder
{
    public const string Form = "02";

    public static async Task<Result<FormDocument>> BuildAsync(AppDbContext db, FormBasis basis, CancellationToken ct)
    {
        var dossier = basis.Dossier;
        if (dossier.Supplements.MaxBy(s => s.RequestedAt) is not { } request)
        {
            return new FormNotApplicable(Form, "chưa có yêu cầu bổ sung, hoàn thiện hồ sơ");
        }

        var entry = dossier.History.LastOrDefault(h => h.Trigger is DossierTrigger.RequestSupplement or DossierTrigger.RequestDeskSupplement);
        return new SupplementRequestModel
        {
            Agency = basis.Heading,
            PlaceName = basis.Place,
            IssuedAtUtc = request.RequestedAt,
            DeskName = basis.DeskName,
            DossierCode = basis.Code ?? "",
            ApplicantName = dossier.Applicant.FullName,
            RequestedContent = basis.Procedure.Name,
            Items = request.Items.Count > 0 ? request.Items : [request.Reason],
            Reason = request.Reason,
            OfficerName = await FormLookups.UserNameAsync(db, entry?.ActorId, ct),
        };
    }
}
