namespace MotCua.Domain.ParIndex;

/// <summary>One figure MotCua can compute for a unit and a year, named by a system-sourced sub-criterion.</summary>
/// <param name="Code">The stable code a framework names.</param>
/// <param name="Name">What it is, in Vietnamese.</param>
/// <param name="Source">Where MotCua takes it from.</param>
public sealed record ParSystemFormula(string Code, string Name, string Source);

/// <summary>The registry of figures a framework may source from MotCua (domain.md §11.3, "system-sourced"). The domain
/// takes the figure as a percentage (0–100) and converts it like a proportional sub-criterion; computing it from the
/// data is the web's business (a later slice pre-fills self-assessments with it).</summary>
public static class ParSystemFormulas
{
    /// <summary>Every known formula.</summary>
    public static IReadOnlyList<ParSystemFormula> All { get; } =
    [
        new("dossier.on_time_rate", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "Thống kê hồ sơ (chỉ số 2.1 của QĐ 766)"),
        new("dossier.online_share", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "Thống kê hồ sơ theo kênh tiếp nhận"),
        new("dossier.digitisation_rate", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", "Thành phần hồ sơ được số hóa"),
        new("dossier.electronic_result_rate", "Tỷ lệ kết quả giải quyết TTHC điện tử", "Kết quả giải quyết được cấp bản điện tử"),
        new("pakn.on_time_rate", "Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", "Phản ánh, kiến nghị (QĐ 766, chỉ số 5.2)"),
        new("rating.satisfaction_rate", "Tỷ lệ đánh giá hài lòng về giải quyết TTHC", "Đánh giá hài lòng từng hồ sơ"),
        new("serviceindex.total_percent", "Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766), quy ra %", "Bảng điểm QĐ 766"),
        new("survey.sipas_index", "Chỉ số hài lòng SIPAS của đơn vị", "Đợt khảo sát SIPAS đã công bố"),
        new("reports.on_time_rate", "Tỷ lệ báo cáo định kỳ nộp đúng hạn", "Báo cáo định kỳ"),
    ];

    /// <summary>The formula with <paramref name="code"/>, or <see langword="null"/>.</summary>
    public static ParSystemFormula? Find(string? code) =>
        All.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.Ordinal));
}
