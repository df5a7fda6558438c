using MotCua.Domain.Catalogue;
using MotCua.Web.Forms;

namespace MotCua.IntegrationTests.Forms;

/// <summary>Realistic filled-in forms; each test overrides only what it checks.</summary>
internal static class FormSamples
{
    public const string Code = "000.00.01.H26-260205-0012";

    public static readonly AgencyHeading Agency = new("UBND TỈNH BẮC NINH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG");

    // 08:30 on 5 February 2026 in Vietnam.
    public static readonly DateTime ReceivedAt = new(2026, 2, 5, 1, 30, 0, DateTimeKind.Utc);

    // 16:00 on 12 February 2026 in Vietnam.
    public static readonly DateTime AppointmentAt = new(2026, 2, 12, 9, 0, 0, DateTimeKind.Utc);

    public static ReceiptSlipModel ReceiptSlip() => new()
    {
        Agency = Agency,
        PlaceName = "Bắc Ninh",
        DeskName = "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh",
        DossierCode = Code,
        ApplicantName = "Nguyễn Văn An",
        ApplicantAddress = "Số 12 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh",
        ApplicantPhone = "0912 345 678",
        ApplicantEmail = "nguyenvanan@example.vn",
        RequestedContent = "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        Documents =
        [
            new("Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)", DocumentForms.Original, 1),
            new("Giấy chứng nhận quyền sử dụng đất", DocumentForms.CertifiedCopy, 1),
            new("Bản vẽ thiết kế xây dựng", DocumentForms.Original, 2),
            new("Căn cước công dân của chủ hộ", DocumentForms.Copy, 1),
        ],
        NumberOfSets = 1,
        LegalProcessingTime = "05 ngày làm việc",
        ReceivedAtUtc = ReceivedAt,
        AppointmentAtUtc = AppointmentAt,
        ReturnPlace = "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh",
        RegisterBook = "01/2026",
        RegisterNumber = 125,
        ReceivingOfficerName = "Trần Thị Bình",
    };

    public static SupplementRequestModel SupplementRequest() => new()
    {
        Agency = Agency,
        PlaceName = "Bắc Ninh",
        IssuedAtUtc = new DateTime(2026, 2, 6, 3, 15, 0, DateTimeKind.Utc),
        DeskName = "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh",
        DossierCode = Code,
        ApplicantName = "Nguyễn Văn An",
        RequestedContent = "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        Items =
        [
            "Bản vẽ mặt bằng móng công trình (thiếu chữ ký của người thiết kế)",
            "Bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất (bản đã nộp bị mờ)",
        ],
        Reason = "Hồ sơ chưa đủ thành phần theo quy định tại Điều 95 Luật Xây dựng.",
        GuidanceContact = "bà Lê Thị Cúc, số điện thoại 0222 3822 123",
        OfficerName = "Lê Thị Cúc",
    };

    public static RefusalModel Refusal() => new()
    {
        Agency = Agency,
        PlaceName = "Bắc Ninh",
        IssuedAtUtc = ReceivedAt,
        DeskName = "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh",
        DossierCode = Code,
        ApplicantName = "Nguyễn Văn An",
        RequestedContent = "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        Reason = "Thửa đất nằm trong khu vực đã có quyết định thu hồi đất để thực hiện dự án.",
        OfficerName = "Trần Thị Bình",
    };

    public static ApologyModel Apology() => new()
    {
        Agency = Agency,
        PlaceName = "Bắc Ninh",
        IssuedAtUtc = new DateTime(2026, 2, 11, 2, 0, 0, DateTimeKind.Utc),
        DocumentNumber = "07/PXL-TTPVHCC",
        RecipientName = "Ông Nguyễn Văn An",
        AgencyNameInText = "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh",
        ReceivedAtUtc = ReceivedAt,
        DossierCode = Code,
        OriginalAppointmentAtUtc = AppointmentAt,
        Reason = "Cần lấy ý kiến của Sở Tài nguyên và Môi trường về ranh giới thửa đất.",
        // 10:00 on 9 March 2026 in Vietnam.
        NewAppointmentAtUtc = new DateTime(2026, 3, 9, 3, 0, 0, DateTimeKind.Utc),
        SignerTitleLines = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        SignerName = "Phạm Văn Dũng",
    };

    public static ControlSheetModel ControlSheet() => new()
    {
        Agency = Agency,
        DossierCode = Code,
        ProcessingAgency = "Sở Xây dựng tỉnh Bắc Ninh",
        CoordinatingAgencies = ["Sở Tài nguyên và Môi trường"],
        Rows =
        [
            new("Bộ phận TN&TKQ", "Phòng Quản lý xây dựng", new DateTime(2026, 2, 5, 7, 0, 0, DateTimeKind.Utc),
                "Trần Thị Bình", "Hoàng Văn Em", HandoverResult.Early, null),
            new("Phòng Quản lý xây dựng", "Lãnh đạo Sở", new DateTime(2026, 2, 10, 2, 0, 0, DateTimeKind.Utc),
                "Hoàng Văn Em", "Phạm Văn Dũng", HandoverResult.OnTime, null),
            new("Lãnh đạo Sở", "Bộ phận TN&TKQ", new DateTime(2026, 3, 6, 8, 45, 0, DateTimeKind.Utc),
                "Phạm Văn Dũng", "Trần Thị Bình", HandoverResult.Late, "Chờ ý kiến Sở TN&MT"),
        ],
    };

    public static RegisterBookModel RegisterBook(int rows = 3) => new()
    {
        Agency = Agency,
        Year = 2026,
        BookNumber = "01",
        Rows = [.. Enumerable.Range(0, rows).Select(RegisterRow)],
    };

    private static RegisterBookRow RegisterRow(int index) => new()
    {
        Number = 124 + index,
        DossierCode = $"000.00.01.H26-260205-{11 + index:0000}",
        ProcedureName = index % 2 == 0 ? "Cấp giấy phép xây dựng nhà ở riêng lẻ" : "Đăng ký khai sinh",
        NumberOfSets = 1,
        ApplicantName = index % 2 == 0 ? "Nguyễn Văn An" : "Đỗ Thị Hoa",
        ApplicantContact = "Phường Kinh Bắc, Bắc Ninh; 0912 345 678",
        HandlingAgency = "Sở Xây dựng",
        ReceivedAtUtc = ReceivedAt.AddMinutes(15 * index),
        AppointmentAtUtc = AppointmentAt,
        HandedToAgencyAtUtc = ReceivedAt.AddHours(6),
        HandedToAgencySignedBy = "Hoàng Văn Em",
        ResultReceivedAtUtc = index == 0 ? AppointmentAt.AddHours(-3) : null,
        ReturnedAtUtc = index == 0 ? AppointmentAt : null,
        Note = index == 0 ? "Trả qua bưu chính" : null,
    };
}
