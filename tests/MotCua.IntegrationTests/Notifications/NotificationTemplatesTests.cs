using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Notifications;
using MotCua.Web.Notifications.Templates;

namespace MotCua.IntegrationTests.Notifications;

public sealed class NotificationTemplatesTests
{
    private const string Code = "000.00.11.H57-260220-0007";

    // 09:30 UTC is 16:30 in Vietnam.
    private static readonly DateTime AppointmentUtc = new(2026, 2, 20, 9, 30, 0, DateTimeKind.Utc);

    private readonly NotificationTemplates _templates = new(Options.Create(new NotificationTemplateOptions
    {
        SystemName = "Hệ thống một cửa điện tử tỉnh Huế",
        SmsTag = "HUE-MOTCUA",
        LookupUrl = "https://dichvucong.hue.gov.vn/tra-cuu",
    }));

    [Fact]
    public void DossierReceived_Rendered_HasCodeProcedureAndAppointmentInVietnamTime()
    {
        var rendered = _templates.DossierReceived(new DossierReceivedNotice(
            "Nguyễn Thị Hằng", Code, "Đăng ký khai sinh", "Bộ phận Một cửa UBND phường Thuận Hóa",
            new DateTime(2026, 2, 10, 1, 5, 0, DateTimeKind.Utc), AppointmentUtc));

        Assert.Equal($"Đã tiếp nhận hồ sơ {Code}", rendered.Subject);
        Assert.Contains("Kính gửi: Nguyễn Thị Hằng,", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Mã hồ sơ: {Code}\n", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thủ tục: Đăng ký khai sinh\n", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thời gian tiếp nhận: 8 giờ 05, ngày 10/02/2026\n", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thời gian hẹn trả kết quả: 16 giờ 30, ngày 20/02/2026\n", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://dichvucong.hue.gov.vn/tra-cuu?ma={Code}", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hệ thống một cửa điện tử tỉnh Huế", rendered.TextBody, StringComparison.Ordinal);
        Assert.Equal($"HUE-MOTCUA: Da tiep nhan ho so {Code}. Hen tra ket qua 16h30 20/02/2026.", rendered.SmsText);
        Assert.Contains("16 giờ 30, ngày 20/02/2026", rendered.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void SupplementRequested_Rendered_ListsEveryItemNumberedWithReason()
    {
        var rendered = _templates.SupplementRequested(new SupplementRequestedNotice(
            "Trần Văn Đức", Code, "Cấp giấy phép xây dựng", "UBND xã Phú Vang",
            ["Bản vẽ thiết kế có chữ ký của chủ đầu tư", "Giấy tờ chứng minh quyền sử dụng đất"],
            "Hồ sơ thiếu thành phần theo quy định", "0234 3822 123"));

        Assert.Equal($"Yêu cầu bổ sung, hoàn thiện hồ sơ {Code}", rendered.Subject);
        Assert.Contains("1. Bản vẽ thiết kế có chữ ký của chủ đầu tư\n2. Giấy tờ chứng minh quyền sử dụng đất\n",
            rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lý do: Hồ sơ thiếu thành phần theo quy định", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Điện thoại liên hệ: 0234 3822 123", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("<ol>\n<li>Bản vẽ thiết kế có chữ ký của chủ đầu tư</li>", rendered.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("1) Ban ve thiet ke co chu ky cua chu dau tu; 2) Giay to chung minh quyen su dung dat", rendered.SmsText, StringComparison.Ordinal);
    }

    [Fact]
    public void SupplementRequested_NoItems_Throws()
    {
        var notice = new SupplementRequestedNotice("A", Code, "P", "U", [], "Lý do", null);

        Assert.Throws<ArgumentOutOfRangeException>(() => _templates.SupplementRequested(notice));
    }

    [Fact]
    public void Apology_Rendered_HasOriginalAndNewAppointmentAndReason()
    {
        var rendered = _templates.Apology(new ApologyNotice(
            "Lê Thị Mai", Code, "Chuyển mục đích sử dụng đất", "UBND tỉnh Huế",
            AppointmentUtc, new DateTime(2026, 2, 27, 2, 0, 0, DateTimeKind.Utc), "Cần xác minh thực địa"));

        Assert.Contains(Code, rendered.Subject, StringComparison.Ordinal);
        Assert.Contains("chân thành xin lỗi", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("thời gian hẹn trả kết quả 16 giờ 30, ngày 20/02/2026", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Thời gian hẹn trả kết quả mới: 9 giờ 00, ngày 27/02/2026", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lý do: Cần xác minh thực địa", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hen tra ket qua moi: 9h00 27/02/2026.", rendered.SmsText, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultReady_WithoutOpeningHours_OmitsThatLine()
    {
        var rendered = _templates.ResultReady(new ResultReadyNotice(
            "Phạm Văn Nam", Code, "Cấp bản sao trích lục hộ tịch", "Bộ phận Một cửa, 01 Lê Lợi, phường Thuận Hóa", null));

        Assert.Equal($"Hồ sơ {Code} đã có kết quả", rendered.Subject);
        Assert.Contains("Nơi nhận kết quả: Bộ phận Một cửa, 01 Lê Lợi, phường Thuận Hóa", rendered.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Thời gian làm việc", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Moi ong/ba den nhan tai: Bo phan Mot cua, 01 Le Loi, phuong Thuan Hoa.", rendered.SmsText, StringComparison.Ordinal);
    }

    [Fact]
    public void DailyDigest_MoreDossiersThanListed_SaysHowManyMore()
    {
        var rendered = _templates.DailyDigest(new DailyDigest(
            "Đồng chí Chủ tịch", "UBND xã Phú Vang", new DateOnly(2026, 2, 23), 2, 5,
            ["X-260220-0001", "X-260220-0002"], ["X-260210-0003", "X-260211-0004"]));

        Assert.Equal("Tổng hợp hồ sơ ngày 23/02/2026: 5 quá hạn, 2 sắp đến hạn", rendered.Subject);
        Assert.Contains("Hồ sơ quá hạn: 5\n- X-260210-0003\n- X-260211-0004\n- … và 3 hồ sơ khác\n", rendered.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ sắp đến hạn: 2\n- X-260220-0001\n- X-260220-0002\n", rendered.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("và 0 hồ sơ khác", rendered.TextBody, StringComparison.Ordinal);
        Assert.Equal("HUE-MOTCUA: UBND xa Phu Vang ngay 23/02/2026: 5 ho so qua han, 2 ho so sap den han.", rendered.SmsText);
    }

    [Fact]
    public void DailyDigest_NothingDue_SaysSo()
    {
        var rendered = _templates.DailyDigest(new DailyDigest("A", "UBND xã Phú Vang", new DateOnly(2026, 2, 23), 0, 0, [], []));

        Assert.Contains("Không có hồ sơ quá hạn hoặc sắp đến hạn.", rendered.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Hồ sơ quá hạn:", rendered.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void SurveyInvitation_WithALink_SendsIt_WithoutOne_TheCodeToType_SmsAscii()
    {
        const string Token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-_";
        var link = $"https://dichvucong.sonla.gov.vn/Portal/Survey?token={Token}";
        var notice = new SurveyInvitationNotice("Lò Văn Pọm", "Sở Tư pháp tỉnh Sơn La", "SIPAS 2026", new DateOnly(2026, 12, 31), link, Token);

        var linked = _templates.SurveyInvitation(notice);
        var coded = _templates.SurveyInvitation(notice with { Link = null });

        Assert.Contains(link, linked.TextBody, StringComparison.Ordinal);
        Assert.Contains(link, linked.SmsText, StringComparison.Ordinal);
        Assert.Contains("31/12/2026", linked.SmsText, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp tỉnh Sơn La", linked.TextBody, StringComparison.Ordinal);
        Assert.Contains("giữ bí mật", linked.TextBody, StringComparison.Ordinal);
        Assert.Contains($"mã: {Token}", coded.TextBody, StringComparison.Ordinal);
        Assert.Contains(Token, coded.SmsText, StringComparison.Ordinal);
        Assert.All(new[] { linked.SmsText, coded.SmsText }, sms => Assert.True(sms.All(char.IsAscii), sms));
    }

    [Fact]
    public void Html_ValuesWithMarkup_AreEncoded()
    {
        var rendered = _templates.ResultReady(new ResultReadyNotice(
            "<script>alert(1)</script>", Code, "P & Q", "Nơi \"nhận\"", null));

        Assert.DoesNotContain("<script>", rendered.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", rendered.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("P &amp; Q", rendered.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void SmsText_EveryTemplate_IsPlainAscii()
    {
        var texts = new[]
        {
            _templates.DossierReceived(new DossierReceivedNotice("Đặng Thị Ánh", Code, "Đăng ký kết hôn", "Ủy ban", AppointmentUtc, AppointmentUtc)).SmsText,
            _templates.SupplementRequested(new SupplementRequestedNotice("Ư", Code, "Ơ", "Ầ", ["Giấy chứng nhận quyền sử dụng đất"], "Thiếu bản gốc", null)).SmsText,
            _templates.Apology(new ApologyNotice("Ỹ", Code, "Ẵ", "Sở Tư pháp", AppointmentUtc, AppointmentUtc, "Chờ ý kiến cơ quan phối hợp")).SmsText,
            _templates.ResultReady(new ResultReadyNotice("Ỗ", Code, "Ợ", "Trung tâm Phục vụ hành chính công", null)).SmsText,
            _templates.DailyDigest(new DailyDigest("Ữ", "Sở Xây dựng", new DateOnly(2026, 2, 23), 1, 1, [Code], [Code])).SmsText,
        };

        Assert.All(texts, text => Assert.All(text, c => Assert.InRange(c, ' ', '~')));
    }

    [Theory]
    [InlineData("Đường Lê Lợi, Thành phố Huế", "Duong Le Loi, Thanh pho Hue")]
    [InlineData("ĐỒNG KHỞI", "DONG KHOI")]
    [InlineData("Hoà và Hòa, Thuỷ và Thủy", "Hoa va Hoa, Thuy va Thuy")]
    public void RemoveDiacritics_VietnameseText_KeepsCaseAndLetters(string input, string expected)
    {
        Assert.Equal(expected, NotificationTemplates.RemoveDiacritics(input));
    }

    [Fact]
    public async Task DossierReceived_SentThroughSmtp_ArrivesIntact()
    {
        await using var server = TestSmtpServer.Start();
        var sender = new NotificationSender(
            new SmtpEmailSender(
                Options.Create(new SmtpOptions { Host = TestSmtpServer.Host, Port = server.Port, From = "Một cửa <motcua@hue.gov.vn>" }),
                NullLogger<SmtpEmailSender>.Instance),
            new LoggingSmsSender(NullLogger<LoggingSmsSender>.Instance));
        var rendered = _templates.DossierReceived(new DossierReceivedNotice(
            "Nguyễn Thị Hằng", Code, "Đăng ký khai sinh", "Bộ phận Một cửa", AppointmentUtc, AppointmentUtc));

        var result = await sender.SendAsync(rendered.ToEmail("hang@example.vn", $"dossier-received.{Code}"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.ToString());
        var message = Assert.Single(server.Messages);
        Assert.Equal(rendered.Subject, message.Subject);
        Assert.Equal(rendered.TextBody.TrimEnd('\n'), message.TextBody?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        Assert.Equal(rendered.HtmlBody.TrimEnd('\n'), message.HtmlBody?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }
}
