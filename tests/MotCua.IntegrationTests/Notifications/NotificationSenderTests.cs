using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Notifications;

namespace MotCua.IntegrationTests.Notifications;

public sealed class NotificationSenderTests : IAsyncDisposable
{
    private readonly TestSmtpServer _server = TestSmtpServer.Start();
    private readonly CapturingLogger<LoggingSmsSender> _smsLog = new();
    private readonly NotificationSender _sender;

    public NotificationSenderTests()
    {
        var email = new SmtpEmailSender(
            Options.Create(new SmtpOptions { Host = TestSmtpServer.Host, Port = _server.Port, From = "motcua@tinh.gov.vn" }),
            NullLogger<SmtpEmailSender>.Instance);
        _sender = new NotificationSender(email, new LoggingSmsSender(_smsLog));
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_EmailChannel_IsDeliveredOverSmtp()
    {
        var result = await _sender.SendAsync(
            new NotificationMessage(NotificationChannel.Email, " cong.dan@example.vn ", "Hồ sơ đã có kết quả", "Mời nhận.", null, "k-1"),
            TestContext.Current.CancellationToken);

        Assert.Equal(NotificationChannel.Email, result.Value.Channel);
        Assert.Equal("Hồ sơ đã có kết quả", Assert.Single(_server.Messages).Subject);
        Assert.Empty(_smsLog.Entries);
    }

    [Fact]
    public async Task SendAsync_SmsChannel_IsRecordedWithoutPhoneOrText()
    {
        var result = await _sender.SendAsync(
            new NotificationMessage(NotificationChannel.Sms, "0912 345 678", "", "MOTCUA: Ho so cua Nguyen Van Binh da co ket qua.", null, "sms-1"),
            TestContext.Current.CancellationToken);

        Assert.Equal(NotificationChannel.Sms, result.Value.Channel);
        var entry = Assert.Single(_smsLog.Entries);
        Assert.Contains("sms-1", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("345", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("Binh", entry, StringComparison.Ordinal);
        Assert.Empty(_server.Messages);
    }

    [Theory]
    [InlineData(NotificationChannel.Email, "not-an-address")]
    [InlineData(NotificationChannel.Email, "Nguyễn Văn A <a@example.vn>")]
    [InlineData(NotificationChannel.Email, "")]
    [InlineData(NotificationChannel.Sms, "12345")]
    [InlineData(NotificationChannel.Sms, "+1 202 555 0100")]
    [InlineData(NotificationChannel.Sms, "a@example.vn")]
    public async Task SendAsync_InvalidRecipient_ReturnsPermanentErrorAndSendsNothing(NotificationChannel channel, string recipient)
    {
        var result = await _sender.SendAsync(
            new NotificationMessage(channel, recipient, "Chủ đề", "Nội dung", null, "k-2"), TestContext.Current.CancellationToken);

        var error = Assert.IsType<InvalidRecipientError>(result.Error);
        Assert.False(error.IsTransient);
        Assert.Empty(_server.Messages);
        Assert.Empty(_smsLog.Entries);
    }

    [Theory]
    [InlineData("Chủ đề\r\nBcc: x@example.vn", "Nội dung", "k", "Subject")]
    [InlineData("", "Nội dung", "k", "Subject")]
    [InlineData("Chủ đề", " ", "k", "TextBody")]
    [InlineData("Chủ đề", "Nội dung", "", "IdempotencyKey")]
    [InlineData("Chủ đề", "Nội dung", "k\n2", "IdempotencyKey")]
    public async Task SendAsync_InvalidField_ReturnsInvalidNotificationNamingIt(string subject, string body, string key, string field)
    {
        var result = await _sender.SendAsync(
            new NotificationMessage(NotificationChannel.Email, "a@example.vn", subject, body, null, key),
            TestContext.Current.CancellationToken);

        Assert.Equal(new InvalidNotificationError(field), result.Error);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task SendAsync_KeyLongerThanLimit_IsInvalid()
    {
        var key = new string('k', NotificationMessage.MaxIdempotencyKeyLength + 1);

        var result = await _sender.SendAsync(
            new NotificationMessage(NotificationChannel.Email, "a@example.vn", "Chủ đề", "Nội dung", null, key),
            TestContext.Current.CancellationToken);

        Assert.Equal(new InvalidNotificationError("IdempotencyKey"), result.Error);
    }

    [Theory]
    [InlineData("0912345678", "84912345678")]
    [InlineData("0912 345 678", "84912345678")]
    [InlineData("+84 912.345.678", "84912345678")]
    [InlineData("84912345678", "84912345678")]
    [InlineData("(+84) 912-345-678", "84912345678")]
    [InlineData("+0912345678", null)]
    [InlineData("091234567", null)]
    [InlineData("840912345678", null)]
    [InlineData("09123456789", null)]
    [InlineData("0912+345678", null)]
    public void PhoneNumbers_Normalise_AcceptsVietnameseNumbersOnly(string input, string? expected)
    {
        Assert.Equal(expected, PhoneNumbers.Normalise(input));
    }

    [Fact]
    public void MessageIds_KeysDifferingOnlyInPunctuation_GiveDistinctValidIds()
    {
        var colon = MessageIds.FromIdempotencyKey("dossier:42", "tinh.gov.vn");
        var dot = MessageIds.FromIdempotencyKey("dossier.42", "tinh.gov.vn");
        var vietnamese = MessageIds.FromIdempotencyKey("hồ-sơ", "tinh.gov.vn");

        Assert.Equal("<motcua.dossier=3A42@tinh.gov.vn>", colon);
        Assert.Equal("<motcua.dossier=2E42@tinh.gov.vn>", dot);
        Assert.Equal("<motcua.h=E1=BB=93-s=C6=A1@tinh.gov.vn>", vietnamese);
    }

    [Theory]
    [InlineData(160, 'a', 1, "GSM-7")]
    [InlineData(161, 'a', 2, "GSM-7")]
    [InlineData(306, 'a', 2, "GSM-7")]
    [InlineData(307, 'a', 3, "GSM-7")]
    [InlineData(70, 'ộ', 1, "UCS-2")]
    [InlineData(71, 'ộ', 2, "UCS-2")]
    [InlineData(80, '€', 1, "GSM-7")]
    [InlineData(81, '€', 2, "GSM-7")]
    public void SmsSegments_Count_FollowsGsmLimits(int length, char c, int segments, string encoding)
    {
        Assert.Equal((segments, encoding), SmsSegments.Count(new string(c, length)));
    }
}
