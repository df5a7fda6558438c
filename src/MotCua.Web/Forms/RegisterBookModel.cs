namespace MotCua.Web.Forms;

/// <summary>Mẫu số 06: Sổ theo dõi hồ sơ (TT 01/2018/TT-VPCP), printed on A4 landscape.</summary>
public sealed record RegisterBookModel : FormDocument
{
    public required int Year { get; init; }

    /// <summary>"Quyển số".</summary>
    public required string BookNumber { get; init; }

    /// <summary>The entries in register order.</summary>
    public required IReadOnlyList<RegisterBookRow> Rows { get; init; }
}
