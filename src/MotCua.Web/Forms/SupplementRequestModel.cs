namespace MotCua.Web.Forms;

/// <summary>Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (TT 01/2018/TT-VPCP).</summary>
public sealed record SupplementRequestModel : FormDocument
{
    public required string PlaceName { get; init; }

    public required DateTime IssuedAtUtc { get; init; }

    public required string DeskName { get; init; }

    public required string DossierCode { get; init; }

    public required string ApplicantName { get; init; }

    public required string RequestedContent { get; init; }

    /// <summary>What the applicant must add or correct, one line each.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    public string? Reason { get; init; }

    /// <summary>Whom to ask for guidance, e.g. "bà Trần Thị B, số điện thoại 0222 3822 123".</summary>
    public string? GuidanceContact { get; init; }

    public required string OfficerName { get; init; }
}
