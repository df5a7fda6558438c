namespace MotCua.Web.Forms;

/// <summary>Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (TT 01/2018/TT-VPCP); with
/// <see cref="RefusingAgencyName"/>, the refusal after appraisal (Phiếu từ chối giải quyết hồ sơ, ND 61/2018
/// Art. 19(8)), which is the dossier's result.</summary>
public sealed record RefusalModel : FormDocument
{
    /// <summary>The signer's role at the desk (the default).</summary>
    public const string DeskOfficerRole = "Người tiếp nhận hồ sơ";

    public required string PlaceName { get; init; }

    public required DateTime IssuedAtUtc { get; init; }

    public required string DeskName { get; init; }

    /// <summary>The dossier code; null when the dossier was refused at the desk before it got one.</summary>
    public string? DossierCode { get; init; }

    public required string ApplicantName { get; init; }

    public required string RequestedContent { get; init; }

    public required string Reason { get; init; }

    public required string OfficerName { get; init; }

    /// <summary>The signer's role; a refusal after appraisal is signed by the handling officer or the agency head.</summary>
    public string OfficerRole { get; init; } = DeskOfficerRole;

    /// <summary>The competent agency that refuses after appraisal; <see langword="null"/> for a refusal at receipt.</summary>
    public string? RefusingAgencyName { get; init; }

    /// <summary>Whether this is the refusal after appraisal (T19) rather than at receipt (T4, T8).</summary>
    public bool AfterAppraisal => RefusingAgencyName is not null;
}
