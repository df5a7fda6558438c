using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ProvinceAdmin;

/// <summary>The catalogue validator's problems (<see cref="CatalogueError"/>, written for the seed files) in Vietnamese, under
/// the field names of <see cref="NewProcedureVersion.Edit"/>, for the administrator's form and the API.</summary>
public static partial class CatalogueMessages
{
    /// <summary>A rejected version as a 400 with one Vietnamese message per field.</summary>
    public static ValidationFailed ToValidation(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var errors = error is CatalogueRejected rejected ? rejected.Errors : error is CatalogueError one ? [one] : [];
        if (errors.Count == 0)
        {
            return ValidationFailed.One("version", error.Message);
        }

        return new ValidationFailed(errors
            .Select(e => (Field: FieldOf(e.Field), Message: MessageOf(e)))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()));
    }

    /// <summary>The edit's field for a validator path: <c>internalProcess[1].slice</c> → <c>steps[1].slice</c>.</summary>
    public static string FieldOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path switch
        {
            "processingTime.value" => "processingTimeValue",
            "processingTime.unit" => "processingTimeUnit",
            "internalProcess" or "interAgency" => "steps",
            "source" or "provenance" => "internalNote",
            _ when path.StartsWith("internalProcess[", StringComparison.Ordinal) => "steps" + path["internalProcess".Length..],
            _ => path,
        };
    }

    private static string MessageOf(CatalogueError error)
    {
        var label = Label(error.Field);
        return error switch
        {
            FieldRequired => $"{label}: không được để trống.",
            SlicesDoNotSumToLimit s => string.Create(CultureInfo.GetCultureInfo("vi-VN"),
                $"Quy trình nội bộ: tổng thời gian các bước là {s.SliceTotal:0.##} nhưng thời hạn giải quyết là {s.Limit:0.##} ({UnitName(s.Unit)}); hai số phải bằng nhau (Thông tư 01/2018/TT-VPCP, Điều 8)."),
            OverlappingVersions o => $"Thời gian hiệu lực trùng với phiên bản {o.OtherVersion} của thủ tục.",
            DuplicateVersion d => $"Phiên bản {d.Version} đã có.",
            _ => Invalid(error.Field, label),
        };
    }

    private static string Invalid(string field, string label) => Last(field) switch
    {
        "copies" => $"{label}: phải từ 1 bản trở lên.",
        "forms" => $"{label}: chọn ít nhất một hình thức (bản chính, bản sao có chứng thực, bản sao, bản chụp).",
        "amountVnd" or "slice" => $"{label}: không được âm.",
        "agency" => $"{label}: bước do cơ quan khác thực hiện phải ghi tên cơ quan đó.",
        "channels" => "Cách thức thực hiện: chọn ít nhất một (trực tiếp, trực tuyến, qua bưu chính).",
        "onlineLevel" => "Mức độ trực tuyến: chọn «một phần» hoặc «toàn trình» khi và chỉ khi có cách thức trực tuyến.",
        "value" => $"{label}: phải lớn hơn 0 (thời hạn «trong ngày» luôn là 1).",
        "internalProcess" => "Quy trình nội bộ: các bước đánh số 1, 2, 3… không trùng, không thiếu.",
        "interAgency" => "Quy trình nội bộ: thủ tục liên thông có ít nhất một bước do cơ quan khác thực hiện, và chỉ thủ tục liên thông mới có.",
        "supplementPolicy" => "Cách tính thời hạn khi bổ sung hồ sơ: chọn «tính lại từ đầu» hoặc «tạm dừng».",
        "financialObligationPausesClock" => "Chỉ tạm dừng thời hạn khi chờ nộp tiền nếu thủ tục có phí, lệ phí hoặc nghĩa vụ tài chính.",
        "validTo" => "Ngày hết hiệu lực không được trước ngày hiệu lực.",
        _ => $"{label}: giá trị không hợp lệ.",
    };

    /// <summary>The Vietnamese name of a validator field path, with the row number for list items.</summary>
    private static string Label(string path)
    {
        var item = Item().Match(path);
        if (item.Success)
        {
            var row = int.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
            var part = item.Groups[3].Value switch
            {
                "name" => "tên",
                "copies" => "số bản",
                "forms" => "hình thức",
                "amountVnd" => "số tiền",
                "role" => "người thực hiện",
                "slice" => "thời gian",
                "agency" => "cơ quan thực hiện",
                var other => other,
            };
            return item.Groups[1].Value switch
            {
                "requiredDocuments" => $"Thành phần hồ sơ dòng {row}, {part}",
                "fees" => $"Phí, lệ phí dòng {row}, {part}",
                "internalProcess" => $"Bước {row} của quy trình nội bộ, {part}",
                var list => $"{list} dòng {row}, {part}",
            };
        }

        return path switch
        {
            "name" => "Tên thủ tục",
            "validFrom" => "Ngày hiệu lực",
            "channels" => "Cách thức thực hiện",
            "onlineLevel" => "Mức độ trực tuyến",
            "processingTime" or "processingTime.value" => "Thời hạn giải quyết",
            "processingTime.unit" => "Đơn vị thời hạn",
            "requiredDocuments" => "Thành phần hồ sơ",
            "internalProcess" => "Quy trình nội bộ",
            "supplementPolicy" => "Cách tính thời hạn khi bổ sung hồ sơ",
            "source" or "provenance" => "Ghi chú nội bộ về nguồn dữ liệu",
            _ => path,
        };
    }

    private static string UnitName(ProcessingTimeUnit unit) => unit switch
    {
        ProcessingTimeUnit.WorkingDay => "ngày làm việc",
        ProcessingTimeUnit.WorkingHour => "giờ làm việc",
        ProcessingTimeUnit.CalendarDay => "ngày",
        ProcessingTimeUnit.Month => "tháng",
        _ => "trong ngày",
    };

    private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"^(\w+)\[(\d+)\]\.(\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Item();
}
