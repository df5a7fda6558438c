using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ProvinceAdmin;

/// <summary>The catalogue validator's problems (<see cref="CatalogueError"/>, written in English for the seed files) as
/// translatable messages, under the field names of <see cref="NewProcedureVersion.Edit"/>, for the administrator's form
/// and the API.</summary>
public static partial class CatalogueMessages
{
    /// <summary>A rejected version as a 400 with one message per field.</summary>
    public static ValidationFailed ToValidation(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var errors = error is CatalogueRejected rejected ? rejected.Errors : error is CatalogueError one ? [one] : [];
        if (errors.Count == 0)
        {
            return ValidationFailed.One("version", FieldMessage.From(error));
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

    private static FieldMessage MessageOf(CatalogueError error)
    {
        var label = Label(error.Field);
        return error switch
        {
            FieldRequired => new FieldMessage("catalogue.required", "{0}: không được để trống.", label),
            SlicesDoNotSumToLimit s => new FieldMessage("catalogue.slices_sum",
                "Quy trình nội bộ: tổng thời gian các bước là {0:0.##} nhưng thời hạn giải quyết là {1:0.##} ({2}); hai số phải bằng nhau (Thông tư 01/2018/TT-VPCP, Điều 8).",
                s.SliceTotal, s.Limit, UnitName(s.Unit)),
            OverlappingVersions o => new FieldMessage("catalogue.overlapping_versions", "Thời gian hiệu lực trùng với phiên bản {0} của thủ tục.", o.OtherVersion),
            DuplicateVersion d => new FieldMessage("catalogue.version_exists", "Phiên bản {0} đã có.", d.Version),
            _ => Invalid(error.Field, label),
        };
    }

    private static FieldMessage Invalid(string field, FieldMessage label) => Last(field) switch
    {
        "copies" => new FieldMessage("catalogue.copies", "{0}: phải từ 1 bản trở lên.", label),
        "forms" => new FieldMessage("catalogue.forms", "{0}: chọn ít nhất một hình thức (bản chính, bản sao có chứng thực, bản sao, bản chụp).", label),
        "amountVnd" or "slice" => new FieldMessage("catalogue.negative", "{0}: không được âm.", label),
        "agency" => new FieldMessage("catalogue.agency", "{0}: bước do cơ quan khác thực hiện phải ghi tên cơ quan đó.", label),
        "channels" => new FieldMessage("catalogue.channels", "Cách thức thực hiện: chọn ít nhất một (trực tiếp, trực tuyến, qua bưu chính)."),
        "onlineLevel" => new FieldMessage("catalogue.online_level", "Mức độ trực tuyến: chọn «một phần» hoặc «toàn trình» khi và chỉ khi có cách thức trực tuyến."),
        "value" => new FieldMessage("catalogue.processing_time", "{0}: phải lớn hơn 0 (thời hạn «trong ngày» luôn là 1).", label),
        "internalProcess" => new FieldMessage("catalogue.steps_numbering", "Quy trình nội bộ: các bước đánh số 1, 2, 3… không trùng, không thiếu."),
        "interAgency" => new FieldMessage("catalogue.inter_agency",
            "Quy trình nội bộ: thủ tục liên thông có ít nhất một bước do cơ quan khác thực hiện, và chỉ thủ tục liên thông mới có."),
        "supplementPolicy" => new FieldMessage("catalogue.supplement_policy", "Cách tính thời hạn khi bổ sung hồ sơ: chọn «tính lại từ đầu» hoặc «tạm dừng»."),
        "financialObligationPausesClock" => new FieldMessage("catalogue.payment_pause",
            "Chỉ tạm dừng thời hạn khi chờ nộp tiền nếu thủ tục có phí, lệ phí hoặc nghĩa vụ tài chính."),
        "validTo" => new FieldMessage("catalogue.valid_to", "Ngày hết hiệu lực không được trước ngày hiệu lực."),
        _ => new FieldMessage("catalogue.invalid", "{0}: giá trị không hợp lệ.", label),
    };

    /// <summary>The name of a validator field path, with the row number for list items.</summary>
    private static FieldMessage Label(string path)
    {
        var item = Item().Match(path);
        if (item.Success)
        {
            var row = int.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
            var part = item.Groups[3].Value switch
            {
                "name" => new FieldMessage("catalogue.part.name", "tên"),
                "copies" => new FieldMessage("catalogue.part.copies", "số bản"),
                "forms" => new FieldMessage("catalogue.part.forms", "hình thức"),
                "amountVnd" => new FieldMessage("catalogue.part.amount", "số tiền"),
                "role" => new FieldMessage("catalogue.part.role", "người thực hiện"),
                "slice" => new FieldMessage("catalogue.part.slice", "thời gian"),
                "agency" => new FieldMessage("catalogue.part.agency", "cơ quan thực hiện"),
                var other => new FieldMessage("catalogue.part.other", "{0}", other),
            };
            return item.Groups[1].Value switch
            {
                "requiredDocuments" => new FieldMessage("catalogue.label.document_row", "Thành phần hồ sơ dòng {0}, {1}", row, part),
                "fees" => new FieldMessage("catalogue.label.fee_row", "Phí, lệ phí dòng {0}, {1}", row, part),
                "internalProcess" => new FieldMessage("catalogue.label.step_row", "Bước {0} của quy trình nội bộ, {1}", row, part),
                var list => new FieldMessage("catalogue.label.list_row", "{0} dòng {1}, {2}", list, row, part),
            };
        }

        return path switch
        {
            "name" => new FieldMessage("catalogue.label.name", "Tên thủ tục"),
            "validFrom" => new FieldMessage("catalogue.label.valid_from", "Ngày hiệu lực"),
            "channels" => new FieldMessage("catalogue.label.channels", "Cách thức thực hiện"),
            "onlineLevel" => new FieldMessage("catalogue.label.online_level", "Mức độ trực tuyến"),
            "processingTime" or "processingTime.value" => new FieldMessage("catalogue.label.processing_time", "Thời hạn giải quyết"),
            "processingTime.unit" => new FieldMessage("catalogue.label.processing_time_unit", "Đơn vị thời hạn"),
            "requiredDocuments" => new FieldMessage("catalogue.label.required_documents", "Thành phần hồ sơ"),
            "internalProcess" => new FieldMessage("catalogue.label.internal_process", "Quy trình nội bộ"),
            "supplementPolicy" => new FieldMessage("catalogue.label.supplement_policy", "Cách tính thời hạn khi bổ sung hồ sơ"),
            "source" or "provenance" => new FieldMessage("catalogue.label.internal_note", "Ghi chú nội bộ về nguồn dữ liệu"),
            _ => new FieldMessage("catalogue.label.other", "{0}", path),
        };
    }

    private static FieldMessage UnitName(ProcessingTimeUnit unit) => unit switch
    {
        ProcessingTimeUnit.WorkingDay => new FieldMessage("catalogue.unit.working_day", "ngày làm việc"),
        ProcessingTimeUnit.WorkingHour => new FieldMessage("catalogue.unit.working_hour", "giờ làm việc"),
        ProcessingTimeUnit.CalendarDay => new FieldMessage("catalogue.unit.calendar_day", "ngày"),
        ProcessingTimeUnit.Month => new FieldMessage("catalogue.unit.month", "tháng"),
        _ => new FieldMessage("catalogue.unit.same_day", "trong ngày"),
    };

    private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"^(\w+)\[(\d+)\]\.(\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Item();
}
