namespace MotCua.Web.Forms;

/// <summary>Mẫu số 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (TT 01/2018/TT-VPCP).</summary>
public sealed record ApologyModel : FormDocument
{
    public required string PlaceName { get; init; }

    public required DateTime IssuedAtUtc { get; init; }

    /// <summary>The document number, e.g. "12/PXL-TTPVHCC"; left blank for hand numbering when null.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>"Kính gửi": the applicant.</summary>
    public required string RecipientName { get; init; }

    /// <summary>The agency named in the body ("… tiếp nhận hồ sơ của …"), in sentence case.</summary>
    public required string AgencyNameInText { get; init; }

    public required DateTime ReceivedAtUtc { get; init; }

    public required string DossierCode { get; init; }

    public required DateTime OriginalAppointmentAtUtc { get; init; }

    public required string Reason { get; init; }

    public required DateTime NewAppointmentAtUtc { get; init; }

    /// <summary>The signer's title block, e.g. "KT. GIÁM ĐỐC" then "PHÓ GIÁM ĐỐC", one line each.</summary>
    public required IReadOnlyList<string> SignerTitleLines { get; init; }

    public required string SignerName { get; init; }

    /// <summary>"Nơi nhận", one line each.</summary>
    public IReadOnlyList<string> CarbonCopies { get; init; } = ["Như trên;", "Lưu: VT."];
}
