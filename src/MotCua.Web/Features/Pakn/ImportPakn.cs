using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Administration;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Pakn;

/// <summary>Bulk receipt of PAKN from a CSV file (ND 20/2008 Art. 6, 9(1)(b); issue 9 §2): the national PAKN system's
/// export or a paper register typed into a spreadsheet, logged by a desk officer of the receiving unit with the channel
/// <c>Import</c> and each case's own date of receipt (its clock starts then).
/// <list type="bullet">
/// <item>POST /api/v1/pakn/import?receivingUnitId&amp;mode&amp;notify, body <c>text/csv</c> (UTF-8): the report, row by
/// row; the page <c>/Work/Pakn/Import</c> uploads the file to the same handler.</item>
/// </list>
/// Every row goes through the portal's and the desk's checks (<see cref="SubmitPakn.Handler.BuildAsync"/>). <c>mode</c>
/// <c>AllOrNothing</c> (default) writes nothing unless every row is valid; <c>Partial</c> writes the valid rows and
/// reports the others, with the rejected rows as a CSV to correct and upload again. Re-uploading is safe: a row whose
/// source identifier (<c>Mã nguồn</c>) or tracking code is already stored is skipped, not added twice.</summary>
public static class ImportPakn
{
    /// <summary>Largest file: about 2000 long rows.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Most rows per file.</summary>
    public const int MaxRows = 2000;

    public const string AllOrNothing = "AllOrNothing";
    public const string Partial = "Partial";

    /// <summary>How to import: <c>mode</c> <c>AllOrNothing</c> or <c>Partial</c>; <c>notify</c>: send each submitter
    /// the receipt with the tracking code (SMS, e-mail), off by default because an exported case was usually
    /// acknowledged by the system it came from.</summary>
    public sealed record ImportOptions(Guid? ReceivingUnitId, string? Mode, bool Notify);

    /// <summary>What was wrong with one column of a row (the column as headed in the file), in Vietnamese; a page shows
    /// <see cref="Detail"/> in its own language.</summary>
    public sealed record RowError(string Column, string Message)
    {
        [System.Text.Json.Serialization.JsonIgnore]
        public FieldMessage? Detail { get; init; }

        public static RowError Of(string column, FieldMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            return new RowError(column, message.Text) { Detail = message };
        }
    }

    /// <summary>One row: its line in the file, <c>Imported</c>, <c>Skipped</c> (already stored), <c>Rejected</c>, or
    /// <c>Valid</c> (would have been imported, but an all-or-nothing import wrote nothing); the tracking code given or
    /// found.</summary>
    public sealed record ImportRow(int Line, string Status, string? TrackingCode, string? ExternalId, IReadOnlyList<RowError> Errors);

    /// <summary>The outcome: whether anything was written, the counts, every row, and the rejected rows as CSV (the
    /// file's header plus a last column <c>Lỗi</c>), or null when none was rejected.</summary>
    public sealed record ImportReport(
        string Mode, bool Saved, int Rows, int Imported, int Skipped, int Rejected, IReadOnlyList<ImportRow> Results, string? RejectedCsv);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/import", async (HttpRequest request, Guid? receivingUnitId, string? mode, bool? notify, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
            {
                if (request.ContentLength > MaxBytes)
                {
                    return TooLarge().ToProblem();
                }

                var text = await ReadAsync(request.Body, ct);
                return text is null
                    ? NotUtf8().ToProblem()
                    : (await handler.ImportAsync(text, new ImportOptions(receivingUnitId, mode, notify ?? false), user, ct)).ToHttpResult(TypedResults.Ok);
            })
            .Accepts<string>("text/csv")
            .WithName("ImportPakn")
            .WithSummary("Log many PAKN from a CSV file (desk officers of the receiving unit); AllOrNothing or Partial; re-uploading skips what is stored")
            .Produces<ImportReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The file as UTF-8 text, or <see langword="null"/> when it is not UTF-8 (a spreadsheet saved in a legacy
    /// code page) or longer than <see cref="MaxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(Stream body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    public static ValidationFailed TooLarge() => ValidationFailed.One("file",
        new FieldMessage("pakn.import.too_large", "Tệp quá lớn (tối đa {0} MB, {1} dòng); hãy chia thành nhiều tệp.", MaxBytes / 1024 / 1024, MaxRows));

    public static ValidationFailed NotUtf8() => ValidationFailed.One("file",
        new FieldMessage("pakn.import.not_utf8",
            "Tệp không đọc được dưới dạng CSV UTF-8 (hoặc lớn hơn {0} MB). Trong Excel, chọn Lưu thành → “CSV UTF-8 (phân cách bằng dấu phẩy)”.",
            MaxBytes / 1024 / 1024));

    /// <summary>The columns, each with its Vietnamese header (as in the template) and the other headers accepted.</summary>
    public static readonly IReadOnlyList<(string Key, string Header, bool Required, string[] Aliases)> Columns =
    [
        ("externalId", "Mã nguồn", false, ["externalId", "Mã ngoài", "Số hiệu"]),
        ("trackingCode", "Mã theo dõi", false, ["trackingCode"]),
        ("kind", "Loại", true, ["kind", "Phân loại"]),
        ("subject", "Tiêu đề", true, ["subject"]),
        ("content", "Nội dung", true, ["content"]),
        ("fullName", "Họ tên", true, ["fullName", "Họ và tên"]),
        ("address", "Địa chỉ", true, ["address"]),
        ("phone", "Điện thoại", true, ["phone", "Số điện thoại"]),
        ("email", "Email", false, ["Thư điện tử"]),
        ("receivedAt", "Ngày nhận", false, ["receivedAt", "Ngày tiếp nhận"]),
        ("dossierCode", "Mã hồ sơ", false, ["dossierCode"]),
        ("procedureCode", "Mã thủ tục", false, ["procedureCode"]),
        ("categories", "Nội dung theo Điều 5", false, ["categories"]),
        ("note", "Ghi chú", false, ["note"]),
        // The last column of the rejected-rows file: read back and ignored, so a corrected file uploads as it is.
        ("errors", "Lỗi", false, ["errors"]),
    ];

    /// <summary>An empty template with the Vietnamese headers and one example row.</summary>
    public static string Template() =>
        PaknCsv.Line(Columns.Where(c => c.Key != "errors").Select(c => c.Header))
        + PaknCsv.Line(["DVCQG-2026-000123", "", "Kiến nghị", "Đề nghị bỏ yêu cầu bản sao giấy khai sinh",
            "Đề nghị không yêu cầu nộp bản sao giấy khai sinh vì dữ liệu dân cư đã được kết nối.", "Nguyễn Văn An", "Bản Cọ, phường Tô Hiệu",
            "0912 345 678", "", "15/11/2026 09:30", "", "", "2;7", "Sổ tiếp nhận trang 12"]);

    public sealed class Handler(AppDbContext db, DossierAccess access, SubmitPakn.Handler submit, PaknContexts contexts, PaknNotifier notifier,
        AdminAuditLog audit)
    {
        /// <summary>The units whose register the caller may import into (their desk-officer units), by name.</summary>
        public async Task<IReadOnlyList<(Guid Id, string Name)>> UnitsAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return [];
            }

            var ids = (await access.UnitsWithRoleAsync(userId, StaffRole.DeskOfficer, ct)).ToList();
            var units = await db.OrganisationalUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
            return [.. units.OrderBy(u => VietnameseText.Fold(u.Name), StringComparer.Ordinal).Select(u => (u.Id, u.Name))];
        }

        public async Task<Result<ImportReport>> ImportAsync(string csv, ImportOptions options, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(csv);
            ArgumentNullException.ThrowIfNull(options);
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            if (options.ReceivingUnitId is not { } unitId)
            {
                return ValidationFailed.One("receivingUnitId", new FieldMessage("pakn.import.unit_required", "Chọn đơn vị tiếp nhận."));
            }

            if (!(await access.UnitsWithRoleAsync(userId, StaffRole.DeskOfficer, ct)).Contains(unitId))
            {
                return new OutOfScope("chỉ cán bộ một cửa của đơn vị tiếp nhận được nhập phản ánh, kiến nghị vào sổ");
            }

            var mode = options.Mode is null or "" ? AllOrNothing : options.Mode;
            if (mode is not (AllOrNothing or Partial))
            {
                return ValidationFailed.One("mode",
                    new FieldMessage("pakn.import.mode", "Cách nhập: AllOrNothing (chỉ ghi khi mọi dòng hợp lệ) hoặc Partial (ghi các dòng hợp lệ)."));
            }

            var parsed = Parse(csv);
            if (parsed.IsFailure)
            {
                return parsed.Error;
            }

            // Two imports of the same file at once, or a tracking code drawn twice: the unique indexes let one through;
            // the import is redone from a fresh read, which now finds the stored rows and skips them.
            for (var attempt = 1; ; attempt++)
            {
                var report = await ImportOnceAsync(parsed.Value, unitId, userId, mode, options.Notify, ct);
                if (report is not null || attempt == 3)
                {
                    return report is null ? new StaleVersion(0, 1) : report;
                }
            }
        }

        private async Task<ImportReport?> ImportOnceAsync(ParsedFile file, Guid unitId, Guid userId, string mode, bool notify, CancellationToken ct)
        {
            var actor = new PaknActor(userId, PaknActorRole.ReceptionOfficer);
            var context = await contexts.ForAsync(unitId, actor, ct);
            var externalIds = file.Rows.Select(r => r.ExternalId).OfType<string>().Distinct().ToList();
            var codes = file.Rows.Select(r => r.TrackingCode).OfType<PaknTrackingCode>().Distinct().ToList();
            var storedByExternal = await db.PaknCases.AsNoTracking().Where(c => c.ExternalId != null && externalIds.Contains(c.ExternalId))
                .Select(c => new { c.ExternalId, c.TrackingCode }).ToDictionaryAsync(c => c.ExternalId!, c => c.TrackingCode, ct);
            var storedCodes = (await db.PaknCases.AsNoTracking().Where(c => codes.Contains(c.TrackingCode)).Select(c => c.TrackingCode).ToListAsync(ct)).ToHashSet();

            var results = new List<ImportRow>();
            var created = new List<PaknCase>();
            var seenExternal = new HashSet<string>(StringComparer.Ordinal);
            var seenCodes = new HashSet<PaknTrackingCode>();
            foreach (var row in file.Rows)
            {
                var errors = new List<RowError>();
                if (row.ExternalId is { } external && !seenExternal.Add(external))
                {
                    errors.Add(RowError.Of(file.Header("externalId"), DuplicateInFile()));
                }

                if (row.TrackingCode is { } code && !seenCodes.Add(code))
                {
                    errors.Add(RowError.Of(file.Header("trackingCode"), DuplicateInFile()));
                }

                // A row already stored is skipped whatever else it says: the file is being uploaded again, and the
                // stored case is the one the staff work on.
                if (errors.Count == 0 && row.ExternalId is { } known && storedByExternal.TryGetValue(known, out var storedCode))
                {
                    results.Add(new ImportRow(row.Line, "Skipped", storedCode.Format(), row.ExternalId, []));
                    continue;
                }

                if (errors.Count == 0 && row.TrackingCode is { } given && storedCodes.Contains(given))
                {
                    results.Add(new ImportRow(row.Line, "Skipped", given.Format(), row.ExternalId, []));
                    continue;
                }

                errors.AddRange(row.Errors);

                if (errors.Count == 0)
                {
                    var built = await submit.BuildAsync(row.Submission with { ReceivingUnitId = unitId }, PaknChannel.Import, actor, null, row.ReceivedAt,
                        row.Note, ct, row.TrackingCode, row.ExternalId, context);
                    if (built.IsSuccess)
                    {
                        created.Add(built.Value);
                        results.Add(new ImportRow(row.Line, "Imported", built.Value.TrackingCode.Format(), row.ExternalId, []));
                        continue;
                    }

                    errors.AddRange(Explain(built.Error, file));
                }

                results.Add(new ImportRow(row.Line, "Rejected", row.TrackingCode?.Format(), row.ExternalId, errors));
            }

            var rejected = results.Count(r => r.Status == "Rejected");
            var save = created.Count > 0 && (mode == Partial || rejected == 0);
            if (!save)
            {
                results = [.. results.Select(r => r.Status == "Imported" ? r with { Status = "Valid", TrackingCode = null } : r)];
            }
            else
            {
                db.PaknCases.AddRange(created);
                if (notify)
                {
                    foreach (var pakn in created)
                    {
                        await notifier.ReceivedAsync(pakn, pakn.RecordedAt, ct);
                    }
                }

                audit.Add(userId, "pakn.import", unitId, unitId,
                    new { imported = created.Count, skipped = results.Count(r => r.Status == "Skipped"), rejected, mode });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
                {
                    db.ChangeTracker.Clear();
                    return null;
                }
            }

            return new ImportReport(mode, save, file.Rows.Count, save ? created.Count : 0, results.Count(r => r.Status == "Skipped"), rejected,
                results, rejected == 0 ? null : RejectedCsv(file, results));
        }

        /// <summary>The row's errors against the columns they concern, in the words of the rule that refused it.</summary>
        private static IEnumerable<RowError> Explain(Error error, ParsedFile file) => error switch
        {
            ValidationFailed invalid => invalid.Fields.SelectMany(e => e.Value.Select(m => RowError.Of(Columns.Any(c => c.Key == e.Key) ? file.Header(e.Key) : "", m))),
            PaknSubmitterInvalid submitter => submitter.Problems.Select(p => RowError.Of(file.Header(p.Key), p.Value)),
            PaknInvalidValue invalid => [Field(file, invalid.Field, invalid.Reason)],
            PaknFieldRequired required => [Field(file, required.Field, new FieldMessage("pakn.import.missing", "chưa nhập"))],
            PaknInvalidTime => [RowError.Of(file.Header("receivedAt"), FieldMessage.From(error))],
            PaknCategoriesInvalid => [RowError.Of(file.Header("categories"), FieldMessage.From(error))],
            _ => [RowError.Of("", FieldMessage.From(error))],
        };

        // The domain names fields by label; those that are columns are reported under the column.
        private static RowError Field(ParsedFile file, FieldMessage field, FieldMessage reason) => field.Code switch
        {
            "pakn.label.subject" => RowError.Of(file.Header("subject"), reason),
            "pakn.label.content" => RowError.Of(file.Header("content"), reason),
            "pakn.label.note" => RowError.Of(file.Header("note"), reason),
            "pakn.label.external_id" => RowError.Of(file.Header("externalId"), reason),
            "pakn.label.procedure_code" => RowError.Of(file.Header("procedureCode"), reason),
            _ => RowError.Of("", new FieldMessage("pakn.import.field_reason", "{0}: {1}", field, reason)),
        };

        private static string RejectedCsv(ParsedFile file, List<ImportRow> results)
        {
            var rejected = results.Where(r => r.Status == "Rejected").ToDictionary(r => r.Line);
            var text = new System.Text.StringBuilder("\uFEFF");
            text.Append(PaknCsv.Line([.. file.Headers, "Lỗi"], file.Separator));
            foreach (var record in file.Records.Where(r => rejected.ContainsKey(r.Line)))
            {
                var errors = string.Join(" ", rejected[record.Line].Errors.Select(e => e.Column.Length == 0 ? e.Message : $"{e.Column}: {e.Message}"));
                text.Append(PaknCsv.Line([.. record.Fields, errors], file.Separator));
            }

            return text.ToString();
        }
    }

    /// <summary>One data row as read: what the handler needs, or what is wrong with the columns it parses itself.</summary>
    internal sealed record ParsedRow(
        int Line, SubmitPakn.PaknSubmission Submission, DateTime? ReceivedAt, string? ExternalId, PaknTrackingCode? TrackingCode, string? Note,
        IReadOnlyList<RowError> Errors);

    internal sealed record ParsedFile(
        IReadOnlyList<string> Headers, IReadOnlyDictionary<string, int> Index, char Separator, IReadOnlyList<PaknCsv.Record> Records,
        IReadOnlyList<ParsedRow> Rows)
    {
        /// <summary>The column's header as the file spells it, or the template's.</summary>
        public string Header(string key) =>
            Index.TryGetValue(key, out var i) ? Headers[i] : Columns.First(c => c.Key == key).Header;
    }

    /// <summary>The file's header and rows, or a file-level problem (not CSV, no rows, unknown or missing columns).</summary>
    internal static Result<ParsedFile> Parse(string csv)
    {
        var (records, separator, error) = PaknCsv.Read(csv);
        if (error is not null)
        {
            return ValidationFailed.One("file", error);
        }

        if (records.Count < 2)
        {
            return ValidationFailed.One("file", new FieldMessage("pakn.import.no_rows", "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."));
        }

        if (records.Count - 1 > MaxRows)
        {
            return TooLarge();
        }

        var headers = records[0].Fields.Select(h => h.Trim()).ToList();
        while (headers.Count > 1 && headers[^1].Length == 0)
        {
            // A spreadsheet's trailing empty columns.
            headers.RemoveAt(headers.Count - 1);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<FieldMessage>();
        for (var i = 0; i < headers.Count; i++)
        {
            var key = Columns.FirstOrDefault(c => Same(c.Header, headers[i]) || c.Key == headers[i] || c.Aliases.Any(a => Same(a, headers[i]))).Key;
            if (key is null)
            {
                problems.Add(new FieldMessage("pakn.import.unknown_column", "Dòng tiêu đề: không nhận ra cột “{0}”.", headers[i]));
            }
            else if (!index.TryAdd(key, i))
            {
                problems.Add(new FieldMessage("pakn.import.repeated_column", "Dòng tiêu đề: cột “{0}” bị lặp.", headers[i]));
            }
        }

        problems.AddRange(Columns.Where(c => c.Required && !index.ContainsKey(c.Key))
            .Select(c => new FieldMessage("pakn.import.missing_column", "Dòng tiêu đề: thiếu cột “{0}”.", c.Header)));
        if (problems.Count > 0)
        {
            problems.Add(new FieldMessage("pakn.import.columns", "Các cột dùng được: {0}.",
                string.Join(", ", Columns.Where(c => c.Key != "errors").Select(c => c.Header))));
            return new ValidationFailed(new Dictionary<string, FieldMessage[]> { ["file"] = [.. problems] });
        }

        var file = new ParsedFile(headers, index, separator, records, []);
        return file with { Rows = [.. records.Skip(1).Select(r => Row(r, file))] };
    }

    private static ParsedRow Row(PaknCsv.Record record, ParsedFile file)
    {
        var errors = new List<RowError>();
        // Fewer fields is a row whose last (optional) cells were left out; more is a value with no column.
        if (record.Fields.Skip(file.Headers.Count).Any(f => f.Trim().Length > 0))
        {
            errors.Add(RowError.Of("", new FieldMessage("pakn.import.extra_fields",
                "dòng có {0} cột, nhiều hơn {1} cột của dòng tiêu đề (thiếu dấu ngoặc kép quanh một giá trị có dấu phân cách?).", record.Fields.Count, file.Headers.Count)));
        }

        string? Value(string key) =>
            file.Index.TryGetValue(key, out var i) && i < record.Fields.Count && Unescape(record.Fields[i].Trim()) is { Length: > 0 } text ? text : null;

        var kindText = VietnameseText.Fold(Value("kind"));
        var kind = kindText switch
        {
            "phan anh" or "feedback" => nameof(PaknKind.Feedback),
            "kien nghi" or "petition" => nameof(PaknKind.Petition),
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(RowError.Of(file.Header("kind"), new FieldMessage("pakn.import.kind", "ghi “Phản ánh” hoặc “Kiến nghị”.")));
        }

        DateTime? receivedAt = null;
        if (Value("receivedAt") is { } when)
        {
            receivedAt = ParseVietnamTime(when);
            if (receivedAt is null)
            {
                errors.Add(RowError.Of(file.Header("receivedAt"),
                    new FieldMessage("pakn.import.date", "ghi ngày theo dạng dd/mm/yyyy hoặc dd/mm/yyyy hh:mm (giờ Việt Nam).")));
            }
        }

        List<int>? categories = null;
        if (Value("categories") is { } list)
        {
            var parts = list.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            categories = [.. parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)];
            if (categories.Any(c => c is < 1 or > 8))
            {
                errors.Add(RowError.Of(file.Header("categories"), new FieldMessage("pakn.import.categories",
                    "ghi các số từ 1 đến 8 (nội dung theo Điều 5 Nghị định 20/2008/NĐ-CP), cách nhau bởi dấu chấm phẩy.")));
            }
        }

        PaknTrackingCode? code = null;
        if (Value("trackingCode") is { } tracking)
        {
            var parsed = PaknTrackingCode.Parse(tracking);
            if (parsed.IsSuccess)
            {
                code = parsed.Value;
            }
            else
            {
                errors.Add(RowError.Of(file.Header("trackingCode"), FieldMessage.From(parsed.Error)));
            }
        }

        var externalId = Value("externalId");
        if (externalId is { Length: > PaknFieldLimits.ExternalId })
        {
            errors.Add(RowError.Of(file.Header("externalId"), new FieldMessage("pakn.import.external_id_length", "tối đa {0} ký tự.", PaknFieldLimits.ExternalId)));
        }

        var submission = new SubmitPakn.PaknSubmission(kind, Value("subject"), Value("content"), Value("fullName"), Value("address"), Value("phone"),
            Value("email"), null, Value("dossierCode"), Value("procedureCode"), categories);
        return new ParsedRow(record.Line, submission, receivedAt, externalId, code, Value("note"), errors);
    }

    private static FieldMessage DuplicateInFile() => new FieldMessage("pakn.import.duplicate_in_file", "trùng với một dòng phía trên của tệp.");

    private static readonly string[] DateFormats =
        ["d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>A date (the start of that day) or a date and time, in Vietnam time, as UTC.</summary>
    private static DateTime? ParseVietnamTime(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year is >= 2000 and <= 2100
            ? VietnamTime.ToUtc(local)
            : null;

    // What Line wrote to stop a spreadsheet from running a value as a formula is read back as the value.
    private static string Unescape(string field) => field.Length > 1 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' ? field[1..] : field;

    private static bool Same(string a, string b) =>
        string.Equals(Compact(a), Compact(b), StringComparison.Ordinal);

    private static string Compact(string text) => new([.. VietnameseText.Fold(text).Where(char.IsAsciiLetterOrDigit)]);
}
