namespace MotCua.Web.Forms;

/// <summary>Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (TT 01/2018/TT-VPCP).</summary>
public sealed record RefusalModel : FormDocument
{
    public required string PlaceName { get; init; }

    public required DateTime IssuedAtUtc { get; init; }

    public required string DeskName { get; init; }

    /// <summary>The dossier code; null when the dossier was refused at the desk before it got one.</summary>
    public string? DossierCode { get; init; }

    public required string ApplicantName { get; init; }

    public required string RequestedContent { get; init; }

    public required string Reason { get; init; }

    public required string OfficerName { get; init; }

    /// <summary>The signer's role; a refusal after receipt (ND 61/2018) is signed by the handling officer instead.</summary>
    public string OfficerRole { get; init; } = "Người tiếp nhận hồ sơ";
}
