namespace MotCua.Web.Forms;

/// <summary>Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (TT 01/2018/TT-VPCP).</summary>
public sealed record ReceiptSlipModel : FormDocument
{
    /// <summary>The place in the "…, ngày … tháng … năm …" line, e.g. "Bắc Ninh".</summary>
    public required string PlaceName { get; init; }

    /// <summary>The desk that received the dossier, e.g. "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh".</summary>
    public required string DeskName { get; init; }

    public required string DossierCode { get; init; }

    public required string ApplicantName { get; init; }

    public string? ApplicantAddress { get; init; }

    public string? ApplicantPhone { get; init; }

    public string? ApplicantEmail { get; init; }

    /// <summary>"Nội dung yêu cầu giải quyết": usually the procedure's name.</summary>
    public required string RequestedContent { get; init; }

    public IReadOnlyList<ReceivedDocument> Documents { get; init; } = [];

    /// <summary>"Số lượng hồ sơ: … (bộ)".</summary>
    public int NumberOfSets { get; init; } = 1;

    /// <summary>The legal processing time as printed, e.g. "05 ngày làm việc".</summary>
    public required string LegalProcessingTime { get; init; }

    public required DateTime ReceivedAtUtc { get; init; }

    public required DateTime AppointmentAtUtc { get; init; }

    /// <summary>"Đăng ký nhận kết quả tại": the desk, or the applicant's address for postal return.</summary>
    public required string ReturnPlace { get; init; }

    /// <summary>"Quyển số" of the register book (Form 06).</summary>
    public required string RegisterBook { get; init; }

    /// <summary>"Số thứ tự" in the register book, continuous through the year.</summary>
    public required int RegisterNumber { get; init; }

    public required string ReceivingOfficerName { get; init; }

    /// <summary>The no-login rating page for this dossier, printed as a QR code (issue 9; TT 01/2018 Art. 12); none when
    /// the portal's address is not known.</summary>
    public string? RatingUrl { get; init; }
}
