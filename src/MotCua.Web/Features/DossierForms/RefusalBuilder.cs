using System.Text.Json;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.DossierForms;

/// <summary>Form 03, the refusal to receive the dossier (phiếu từ chối tiếp nhận giải quyết hồ sơ): the latest refusal.</summary>
internal static class RefusalBuilder
{
    public const string Form = "03";

    public static async Task<Result<FormDocument>> BuildAsync(AppDbContext db, FormBasis basis, CancellationToken ct)
    {
        var dossier = basis.Dossier;
        var refusal = dossier.History.LastOrDefault(h => h.Trigger is DossierTrigger.RefuseAtCounter or DossierTrigger.RefuseAtReceipt);
        if (refusal is null)
        {
            return new FormNotApplicable(Form, "hồ sơ không bị từ chối tiếp nhận");
        }

        return new RefusalModel
        {
            Agency = basis.Heading,
            PlaceName = basis.Place,
            IssuedAtUtc = refusal.At,
            DeskName = basis.DeskName,
            DossierCode = basis.Code,
            ApplicantName = dossier.Applicant.FullName,
            RequestedContent = basis.Procedure.Name,
            Reason = ReasonOf(refusal) ?? refusal.Note ?? "",
            OfficerName = await FormLookups.UserNameAsync(db, refusal.ActorId, ct),
        };
    }

    private static string? ReasonOf(DossierHistoryEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Data))
        {
            return null;
        }

        using var json = JsonDocument.Parse(entry.Data);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("reason", out var reason)
            && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null;
    }
}
