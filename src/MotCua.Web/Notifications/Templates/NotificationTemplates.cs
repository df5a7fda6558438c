using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Notifications.Templates;

/// <summary>
/// The Vietnamese texts of the citizen notifications (receipt, supplement request, apology, result ready) and of the
/// agency head's daily digest. Input is plain records, so any caller (outbox writer, seed, preview page) can render.
/// </summary>
/// <remarks>Times are shown in Vietnam time. SMS texts are written without diacritics: brand-name SMS templates are
/// registered that way, and diacritics force UCS-2, which more than halves the characters per segment.</remarks>
public sealed class NotificationTemplates(IOptions<NotificationTemplateOptions> options)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private readonly NotificationTemplateOptions _options = options.Value;

    /// <summary>Receipt with the appointment (after Form 01 is issued).</summary>
    public RenderedNotification DossierReceived(DossierReceivedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = $"Đã tiếp nhận hồ sơ {notice.DossierCode}";
        var body = Greeting(notice.ApplicantName)
            .Paragraph($"{notice.ReceivingUnitName} đã tiếp nhận hồ sơ của Ông/Bà.")
            .Fields(
                ("Mã hồ sơ", notice.DossierCode),
                ("Thủ tục", notice.ProcedureName),
                ("Thời gian tiếp nhận", FormatInstant(notice.ReceivedAtUtc)),
                ("Thời gian hẹn trả kết quả", FormatInstant(notice.AppointmentAtUtc)));
        AddLookup(body, notice.DossierCode);
        var sms = $"Da tiep nhan ho so {notice.DossierCode}. Hen tra ket qua {FormatSmsInstant(notice.AppointmentAtUtc)}.";
        return Render(subject, body, sms);
    }

    /// <summary>Online submission (or resubmission) received, before the desk's check; no code yet.</summary>
    public RenderedNotification SubmissionReceived(SubmissionReceivedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var when = FormatInstant(notice.SubmittedAtUtc);
        var subject = notice.Resubmitted ? $"Đã nhận hồ sơ bổ sung: {notice.ProcedureName}" : $"Đã nhận hồ sơ trực tuyến: {notice.ProcedureName}";
        var body = Greeting(notice.ApplicantName)
            .Paragraph(notice.Resubmitted
                ? $"{notice.ReceivingUnitName} đã nhận hồ sơ Ông/Bà gửi lại sau khi bổ sung, hoàn thiện."
                : $"{notice.ReceivingUnitName} đã nhận hồ sơ Ông/Bà nộp trực tuyến.")
            .Fields(("Thủ tục", notice.ProcedureName), ("Thời gian nộp", when))
            .Paragraph("Bộ phận Một cửa sẽ kiểm tra hồ sơ và thông báo cho Ông/Bà việc tiếp nhận hoặc yêu cầu bổ sung, "
                + "hoàn thiện hồ sơ. Mã số hồ sơ và thời gian hẹn trả kết quả được cấp khi hồ sơ được tiếp nhận.");
        var sms = (notice.Resubmitted ? "Da nhan ho so bo sung" : "Da nhan ho so truc tuyen")
            + $" ({notice.ProcedureName}) luc {FormatSmsInstant(notice.SubmittedAtUtc)}. Bo phan Mot cua se kiem tra va thong bao.";
        return Render(subject, body, sms);
    }

    /// <summary>The desk returns an online dossier for completion, listing everything at once (ND 61 Art. 17(2)(a)).</summary>
    public RenderedNotification CompletionRequested(CompletionRequestedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ItemsRequest(
            $"Yêu cầu bổ sung, hoàn thiện hồ sơ nộp trực tuyến: {notice.ProcedureName}",
            notice.ApplicantName,
            $"Hồ sơ Ông/Bà nộp trực tuyến lúc {FormatInstant(notice.SubmittedAtUtc)} ({notice.ProcedureName}) chưa đầy đủ, "
                + $"hợp lệ. {notice.ReceivingUnitName} hướng dẫn Ông/Bà bổ sung, hoàn thiện các nội dung sau:",
            notice.Items,
            notice.Reason,
            "Sau khi bổ sung, hoàn thiện, Ông/Bà gửi lại hồ sơ trực tuyến để được tiếp nhận.",
            null,
            $"Ho so nop truc tuyen ({notice.ProcedureName})");
    }

    /// <summary>The supplement is complete: the new appointment.</summary>
    public RenderedNotification SupplementCompleted(SupplementCompletedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = $"Đã nhận đủ hồ sơ bổ sung {notice.DossierCode}";
        var body = Greeting(notice.ApplicantName)
            .Paragraph($"{notice.UnitName} đã nhận đủ hồ sơ bổ sung của Ông/Bà.")
            .Fields(
                ("Mã hồ sơ", notice.DossierCode),
                ("Thủ tục", notice.ProcedureName),
                ("Thời gian nhận đủ hồ sơ", FormatInstant(notice.CompletedAtUtc)),
                ("Thời gian hẹn trả kết quả", FormatInstant(notice.AppointmentAtUtc)))
            .Paragraph(notice.Restarted
                ? "Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ."
                : "Thời gian hẹn trả kết quả được lùi tương ứng với thời gian bổ sung hồ sơ.");
        AddLookup(body, notice.DossierCode);
        var sms = $"Da nhan du ho so bo sung {notice.DossierCode}. Hen tra ket qua {FormatSmsInstant(notice.AppointmentAtUtc)}.";
        return Render(subject, body, sms);
    }

    /// <summary>Refusal with its reason: at receipt (Form 03) or after appraisal (the refusal notice, ND 61 Art. 19(8)).</summary>
    public RenderedNotification Refusal(RefusalNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = notice.AfterAppraisal
            ? $"Thông báo từ chối giải quyết hồ sơ {notice.DossierCode}"
            : $"Thông báo từ chối tiếp nhận hồ sơ: {notice.ProcedureName}";
        var body = Greeting(notice.ApplicantName);
        if (notice.AfterAppraisal)
        {
            body.Paragraph($"Qua thẩm định, {notice.UnitName} từ chối giải quyết hồ sơ {notice.DossierCode} ({notice.ProcedureName}) "
                + "của Ông/Bà.");
        }
        else
        {
            body.Paragraph($"{notice.UnitName} từ chối tiếp nhận hồ sơ Ông/Bà nộp lúc {FormatInstant(notice.SubmittedAtUtc)} "
                + $"({notice.ProcedureName}).");
        }

        body.Fields(("Lý do", notice.Reason));
        if (notice.AfterAppraisal)
        {
            body.Paragraph("Phiếu từ chối giải quyết hồ sơ được trả cho Ông/Bà tại Bộ phận Một cửa như kết quả giải quyết.");
        }

        var sms = notice.AfterAppraisal
            ? $"Ho so {notice.DossierCode} bi tu choi giai quyet. Ly do: {notice.Reason}."
            : $"Ho so nop luc {FormatSmsInstant(notice.SubmittedAtUtc)} ({notice.ProcedureName}) bi tu choi tiep nhan. Ly do: {notice.Reason}.";
        return Render(subject, body, sms);
    }

    /// <summary>Supplement request listing every missing item and the reason, once and completely (Form 02).</summary>
    public RenderedNotification SupplementRequested(SupplementRequestedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ItemsRequest(
            $"Yêu cầu bổ sung, hoàn thiện hồ sơ {notice.DossierCode}",
            notice.ApplicantName,
            $"Hồ sơ {notice.DossierCode} ({notice.ProcedureName}) chưa đầy đủ. "
                + $"{notice.UnitName} đề nghị Ông/Bà bổ sung, hoàn thiện các nội dung sau:",
            notice.Items,
            notice.Reason,
            "Sau khi nhận đủ hồ sơ bổ sung, cơ quan sẽ thông báo lại thời gian hẹn trả kết quả.",
            notice.ContactPhone,
            $"Ho so {notice.DossierCode}");
    }

    /// <summary>Apology and new appointment (Form 04).</summary>
    public RenderedNotification Apology(ApologyNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = $"Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {notice.DossierCode}";
        var body = Greeting(notice.ApplicantName)
            .Paragraph($"{notice.AgencyName} chân thành xin lỗi Ông/Bà vì hồ sơ {notice.DossierCode} ({notice.ProcedureName}) "
                + $"không giải quyết xong theo thời gian hẹn trả kết quả {FormatInstant(notice.OriginalAppointmentAtUtc)}.")
            .Fields(
                ("Lý do", notice.Reason),
                ("Thời gian hẹn trả kết quả mới", FormatInstant(notice.NewAppointmentAtUtc)))
            .Paragraph($"{notice.AgencyName} sẽ khẩn trương giải quyết và trả kết quả cho Ông/Bà theo thời gian hẹn mới. "
                + "Rất mong Ông/Bà thông cảm.");
        var sms = $"Xin loi ong/ba: ho so {notice.DossierCode} chua giai quyet xong dung hen. Ly do: {notice.Reason}. "
            + $"Hen tra ket qua moi: {FormatSmsInstant(notice.NewAppointmentAtUtc)}.";
        return Render(subject, body, sms);
    }

    /// <summary>Result ready, with where to collect it.</summary>
    public RenderedNotification ResultReady(ResultReadyNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = $"Hồ sơ {notice.DossierCode} đã có kết quả";
        var body = Greeting(notice.ApplicantName)
            .Paragraph($"Hồ sơ {notice.DossierCode} ({notice.ProcedureName}) đã có kết quả giải quyết.")
            .Fields(("Nơi nhận kết quả", notice.CollectionPlace), ("Thời gian làm việc", notice.OpeningHours))
            .Paragraph("Khi đến nhận kết quả, Ông/Bà vui lòng mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả "
                + "và giấy tờ tùy thân.");
        if (notice.RatingUrl is { } ratingUrl)
        {
            body.Paragraph($"Sau khi nhận kết quả, mời Ông/Bà đánh giá mức độ hài lòng tại: {ratingUrl}");
        }

        var sms = $"Ho so {notice.DossierCode} da co ket qua. Moi ong/ba den nhan tai: {notice.CollectionPlace}.";
        return Render(subject, body, sms);
    }

    /// <summary>A PAKN received and logged (ND 20/2008 Art. 9(1)(c)), with its tracking code and handling deadline.</summary>
    public RenderedNotification PaknReceived(PaknNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = $"Đã tiếp nhận phản ánh, kiến nghị {notice.TrackingCode}";
        var body = Greeting(notice.SubmitterName)
            .Paragraph($"{notice.UnitName} đã tiếp nhận phản ánh, kiến nghị của Ông/Bà.")
            .Fields(
                ("Mã theo dõi", notice.TrackingCode),
                ("Tiêu đề", notice.Subject),
                ("Hạn xử lý", FormatInstant(notice.DueAtUtc)))
            .Paragraph("Ông/Bà dùng mã theo dõi và 4 chữ số cuối số điện thoại đã khai để tra cứu tiến độ trên Cổng dịch vụ công.");
        var sms = $"Da tiep nhan phan anh, kien nghi {notice.TrackingCode}. Han xu ly {FormatSmsInstant(notice.DueAtUtc)}.";
        return Render(subject, body, sms);
    }

    /// <summary>The PAKN needs more from the submitter, with what is missing.</summary>
    public RenderedNotification PaknSupplementRequested(PaknNotice notice, string request)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = $"Đề nghị bổ sung phản ánh, kiến nghị {notice.TrackingCode}";
        var body = Greeting(notice.SubmitterName)
            .Paragraph($"Để xử lý phản ánh, kiến nghị {notice.TrackingCode}, {notice.UnitName} đề nghị Ông/Bà bổ sung:")
            .Paragraph(request)
            .Paragraph("Ông/Bà gửi phần bổ sung tại trang tra cứu phản ánh, kiến nghị trên Cổng dịch vụ công.");
        var sms = $"De nghi bo sung phan anh, kien nghi {notice.TrackingCode}. Xem chi tiet tren Cong dich vu cong.";
        return Render(subject, body, sms);
    }

    /// <summary>The answer is published (ND 20/2008 Art. 19): the submitter is told and can say whether it satisfies them.</summary>
    public RenderedNotification PaknAnswered(PaknNotice notice, string answer)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = $"Trả lời phản ánh, kiến nghị {notice.TrackingCode}";
        var body = Greeting(notice.SubmitterName)
            .Paragraph($"{notice.UnitName} đã trả lời phản ánh, kiến nghị {notice.TrackingCode} của Ông/Bà:")
            .Paragraph(answer)
            .Paragraph("Nếu chưa hài lòng với nội dung trả lời, Ông/Bà cho biết ý kiến tại trang tra cứu phản ánh, kiến nghị; "
                + "phản ánh, kiến nghị sẽ được xem xét lại.");
        var sms = $"Phan anh, kien nghi {notice.TrackingCode} da duoc tra loi. Xem noi dung tren Cong dich vu cong.";
        return Render(subject, body, sms);
    }

    /// <summary>An invitation to the satisfaction survey (ND 61/2018 Art. 29): anonymous, optional, with the link (or
    /// the code to type) and the last day.</summary>
    public RenderedNotification SurveyInvitation(SurveyInvitationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var until = notice.CollectTo.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var subject = "Mời tham gia khảo sát sự hài lòng về sự phục vụ hành chính";
        var body = Greeting(notice.ApplicantName)
            .Paragraph($"Ông/Bà đã được chọn ngẫu nhiên để cho ý kiến về sự phục vụ của {notice.UnitName} "
                + $"trong đợt khảo sát \"{notice.CampaignName}\". Phiếu khảo sát không hỏi tên, số điện thoại hay địa chỉ; "
                + "ý kiến của Ông/Bà được giữ bí mật và chỉ dùng để tính chỉ số hài lòng.");
        body.Paragraph(notice.Link is { } link
            ? $"Mời Ông/Bà trả lời trước hết ngày {until} tại: {link}"
            : $"Mời Ông/Bà trả lời trước hết ngày {until} tại trang Khảo sát sự hài lòng trên Cổng dịch vụ công, với mã: {notice.Token}");
        body.Paragraph("Đường dẫn (mã) này chỉ dùng được một lần; xin không chuyển cho người khác.");
        var sms = notice.Link is { } smsLink
            ? $"Moi ong/ba cho y kien (an danh) ve su phuc vu hanh chinh truoc {until}: {smsLink}"
            : $"Moi ong/ba cho y kien (an danh) ve su phuc vu hanh chinh truoc {until} tai trang Khao sat tren Cong dich vu cong, ma: {notice.Token}";
        return Render(subject, body, sms);
    }

    /// <summary>The agency head's daily digest of overdue and due-soon dossiers.</summary>
    public RenderedNotification DailyDigest(DailyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var date = digest.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var subject = $"Tổng hợp hồ sơ ngày {date}: {digest.OverdueCount} quá hạn, {digest.DueSoonCount} sắp đến hạn";
        var body = Greeting(digest.RecipientName)
            .Paragraph($"Tình hình hồ sơ đang giải quyết của {digest.UnitName} ngày {date}:");
        if (digest.OverdueCount == 0 && digest.DueSoonCount == 0)
        {
            body.Paragraph("Không có hồ sơ quá hạn hoặc sắp đến hạn.");
        }
        else
        {
            body.Section($"Hồ sơ quá hạn: {Count(digest.OverdueCount)}", ListedCodes(digest.OverdueCodes, digest.OverdueCount))
                .Section($"Hồ sơ sắp đến hạn: {Count(digest.DueSoonCount)}", ListedCodes(digest.DueSoonCodes, digest.DueSoonCount));
        }

        var sms = $"{digest.UnitName} ngay {date}: {digest.OverdueCount} ho so qua han, {digest.DueSoonCount} ho so sap den han.";
        return Render(subject, body, sms);
    }

    /// <summary>A unit's PAR Index self-assessment is not submitted yet: the deadline and the days left (or overdue).</summary>
    public RenderedNotification ParSelfAssessmentReminder(ParSelfAssessmentReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var deadline = reminder.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var left = reminder.Deadline.DayNumber - reminder.Date.DayNumber;
        var when = left switch
        {
            > 0 => $"còn {Count(left)} ngày",
            0 => "hạn nộp là hôm nay",
            _ => $"đã quá hạn {Count(-left)} ngày",
        };
        var subject = $"Nhắc nộp bản tự đánh giá Chỉ số CCHC năm {reminder.Year}: {when}";
        var body = Greeting(reminder.RecipientName)
            .Paragraph($"Bản tự đánh giá {reminder.FrameworkName} của {reminder.UnitName} chưa được lãnh đạo đơn vị ký nộp.")
            .Fields(("Hạn nộp", deadline), ("Tình trạng", reminder.Opened ? "Đang chấm (dự thảo)" : "Chưa mở"), ("Thời hạn", when))
            .Paragraph("Đề nghị đơn vị hoàn thành việc tự chấm điểm, đính kèm tài liệu kiểm chứng và ký nộp trên MotCua.");
        var sms = RemoveDiacritics($"{reminder.UnitName}: chua nop ban tu danh gia Chi so CCHC nam {reminder.Year}, han {deadline}.");
        return Render(subject, body, sms);
    }

    /// <summary>A reminder to the owner of a remediation item due soon or overdue.</summary>
    public RenderedNotification ParRemediationReminder(ParRemediationReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var deadline = reminder.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var left = reminder.Deadline.DayNumber - reminder.Date.DayNumber;
        var when = left switch
        {
            > 0 => $"còn {Count(left)} ngày",
            0 => "hạn là hôm nay",
            _ => $"đã quá hạn {Count(-left)} ngày",
        };
        var subject = $"Nhắc thực hiện kế hoạch khắc phục Chỉ số CCHC năm {reminder.Year}, tiêu chí {reminder.Code}: {when}";
        var body = Greeting(reminder.RecipientName)
            .Paragraph($"Nội dung khắc phục tiêu chí {reminder.Code} ({reminder.Name}) trong kế hoạch của {reminder.UnitName} do đồng chí phụ trách chưa hoàn thành.")
            .Fields(("Giải pháp", reminder.Actions ?? ""), ("Thời hạn", deadline), ("Tình trạng", reminder.InProgress ? "Đang thực hiện" : "Chưa thực hiện"), ("Còn lại", when))
            .Paragraph("Đề nghị cập nhật tiến độ và minh chứng kết quả trên MotCua.");
        var sms = RemoveDiacritics($"{reminder.UnitName}: ke hoach khac phuc CCHC, tieu chi {reminder.Code}, han {deadline}.");
        return Render(subject, body, sms);
    }

    /// <summary>Vietnam time as forms write it: "16 giờ 30, ngày 20/02/2026".</summary>
    internal static string FormatInstant(DateTime utc)
    {
        var local = VietnamTime.ToLocal(utc);
        return local.ToString("H 'giờ' mm', ngày' dd/MM/yyyy", Vietnamese);
    }

    internal static string FormatSmsInstant(DateTime utc) =>
        VietnamTime.ToLocal(utc).ToString("H'h'mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Removes Vietnamese diacritics, keeping case: "Đã tiếp nhận" → "Da tiep nhan".</summary>
    internal static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // đ/Đ are letters of their own, not d with a combining mark.
                builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // A request to supplement or complete (Form 02): every item at once, with the reason (ND 61 Art. 17(2)(a), 19(4)).
    private RenderedNotification ItemsRequest(
        string subject, string applicantName, string intro, IReadOnlyList<string> items, string reason, string closing, string? contactPhone,
        string smsDossier)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count, nameof(items));
        var body = Greeting(applicantName)
            .Paragraph(intro)
            .NumberedList(items)
            .Fields(("Lý do", reason))
            .Paragraph(closing)
            .Fields(("Điện thoại liên hệ", contactPhone));
        var list = string.Join("; ", items.Select((item, i) => $"{i + 1}) {item}"));
        return Render(subject, body, $"{smsDossier} can bo sung: {list}. Ly do: {reason}.");
    }

    private static MessageBuilder Greeting(string name) => new MessageBuilder().Paragraph($"Kính gửi: {name},");

    private void AddLookup(MessageBuilder body, string dossierCode)
    {
        if (!string.IsNullOrWhiteSpace(_options.LookupUrl))
        {
            var url = $"{_options.LookupUrl}{(_options.LookupUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}ma={Uri.EscapeDataString(dossierCode)}";
            body.Fields(("Tra cứu tình trạng hồ sơ tại", url));
        }
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> ListedCodes(IReadOnlyList<string> codes, int total)
    {
        foreach (var code in codes)
        {
            yield return code;
        }

        if (total > codes.Count)
        {
            yield return $"… và {total - codes.Count} hồ sơ khác";
        }
    }

    private RenderedNotification Render(string subject, MessageBuilder body, string sms)
    {
        body.Paragraph("Trân trọng,")
            .Paragraph(_options.SystemName)
            .Paragraph("Thư này được gửi tự động, vui lòng không trả lời.");
        return new RenderedNotification(
            subject, body.RenderText(), body.RenderHtml(subject), RemoveDiacritics($"{_options.SmsTag}: {sms}"));
    }
}
