namespace MotCua.Web.Forms;

/// <summary>Mẫu số 05: Phiếu kiểm soát quá trình giải quyết hồ sơ (TT 01/2018/TT-VPCP).</summary>
public sealed record ControlSheetModel : FormDocument
{
    public required string DossierCode { get; init; }

    /// <summary>"Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số"; the dossier code when null.</summary>
    public string? ReceiptSlipNumber { get; init; }

    /// <summary>"Cơ quan (bộ phận) giải quyết hồ sơ".</summary>
    public required string ProcessingAgency { get; init; }

    /// <summary>"Cơ quan phối hợp giải quyết hồ sơ"; empty when none.</summary>
    public IReadOnlyList<string> CoordinatingAgencies { get; init; } = [];

    /// <summary>Hand-overs in order: the first from the desk, the last back to it.</summary>
    public required IReadOnlyList<ControlSheetRow> Rows { get; init; }
}
