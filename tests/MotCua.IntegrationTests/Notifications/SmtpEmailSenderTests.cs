using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Notifications;

namespace MotCua.IntegrationTests.Notifications;

public sealed class SmtpEmailSenderTests : IAsyncDisposable
{
    private const string Subject = "Đã tiếp nhận hồ sơ 000.00.11.H01-260220-0001 — thủ tục Đăng ký khai sinh cho công dân Việt Nam";
    private const string TextBody = "Kính gửi: Nguyễn Thị Hằng,\n\nỦy ban nhân dân xã Phú Vang đã tiếp nhận hồ sơ.\n.Dòng bắt đầu bằng dấu chấm\n.\nTrân trọng.";
    private const string HtmlBody = "<p>Kính gửi: <strong>Nguyễn Thị Hằng</strong>,</p>\n<p>Hẹn trả kết quả: 16 giờ 30, ngày 20/02/2026.</p>";

    private readonly TestSmtpServer _server = TestSmtpServer.Start();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_VietnameseMessage_SubjectAndBodiesRoundTrip()
    {
        var result = await CreateSender().SendAsync(
            new EmailMessage("cong.dan@example.vn", Subject, TextBody, HtmlBody, "dossier-received-0001"),
            TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.ToString());
        var message = Assert.Single(_server.Messages);
        Assert.Equal("motcua@tinh.gov.vn", message.MailFrom);
        Assert.Equal(["cong.dan@example.vn"], message.Recipients);
        Assert.Equal(Subject, message.Subject);
        Assert.Equal(Normalise(TextBody), Normalise(message.TextBody));
        Assert.Equal(Normalise(HtmlBody), Normalise(message.HtmlBody));
        Assert.Contains("Một cửa điện tử", message.Header("From"), StringComparison.Ordinal);
        // SmtpClient folds the long subject into several encoded words; the server joins them back.
        Assert.True(message.RawData.Split("=?utf-8?B?").Length > 2, "expected a folded, multi-word subject");
    }

    [Fact]
    public async Task SendAsync_Success_MessageIdHeaderContainsIdempotencyKey()
    {
        var result = await CreateSender().SendAsync(
            new EmailMessage("a@example.vn", "Thử", "Nội dung", null, "outbox-42_7f3c2a"), TestContext.Current.CancellationToken);

        var message = Assert.Single(_server.Messages);
        Assert.Contains("outbox-42_7f3c2a", message.MessageId, StringComparison.Ordinal);
        Assert.StartsWith("<", message.MessageId, StringComparison.Ordinal);
        Assert.EndsWith("@tinh.gov.vn>", message.MessageId, StringComparison.Ordinal);
        Assert.Equal(message.MessageId, result.Value.MessageId);
        Assert.Single(_server.Messages[0].Headers, h => h.Key.Equals("Message-ID", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_BothCopiesCarryTheSameMessageId()
    {
        var sender = CreateSender();
        var message = new EmailMessage("a@example.vn", "Thử", "Nội dung", null, "result-ready:9b1d");

        await sender.SendAsync(message, TestContext.Current.CancellationToken);
        await sender.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(2, _server.Messages.Count);
        Assert.Equal(_server.Messages[0].MessageId, _server.Messages[1].MessageId);
    }

    [Fact]
    public async Task SendAsync_ConnectionDroppedDuringData_ReturnsTransientErrorAndNothingIsDelivered()
    {
        _server.FailureMode = SmtpFailureMode.DropConnectionDuringData;

        var result = await CreateSender().SendAsync(
            new EmailMessage("a@example.vn", Subject, TextBody, HtmlBody, "drop-1"), TestContext.Current.CancellationToken);

        Assert.True(result.IsFailure);
        var error = Assert.IsType<EmailDeliveryFailedError>(result.Error);
        Assert.True(error.IsTransient);
        Assert.Empty(_server.Messages);
        Assert.Equal(1, _server.Connections);
    }

    [Fact]
    public async Task SendAsync_RetryAfterDroppedConnection_DeliversOnceWithTheKeysMessageId()
    {
        var sender = CreateSender();
        var message = new EmailMessage("a@example.vn", Subject, TextBody, null, "apology-77");
        _server.FailureMode = SmtpFailureMode.DropConnectionDuringData;
        var first = await sender.SendAsync(message, TestContext.Current.CancellationToken);

        _server.FailureMode = SmtpFailureMode.None;
        var second = await sender.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.True(first.IsFailure);
        Assert.True(second.IsSuccess);
        var delivered = Assert.Single(_server.Messages);
        Assert.Contains("apology-77", delivered.MessageId, StringComparison.Ordinal);
        Assert.Equal(Subject, delivered.Subject);
    }

    [Fact]
    public async Task SendAsync_RecipientRejected_ReturnsPermanentError()
    {
        _server.FailureMode = SmtpFailureMode.RejectRecipients;

        var result = await CreateSender().SendAsync(
            new EmailMessage("khong.ton.tai@example.vn", "Thử", "Nội dung", null, "k-1"), TestContext.Current.CancellationToken);

        var error = Assert.IsType<EmailRejectedError>(result.Error);
        Assert.False(error.IsTransient);
        Assert.Equal(SmtpStatusCode.MailboxUnavailable, error.StatusCode);
        Assert.DoesNotContain("khong.ton.tai", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerAnswers451AfterData_ReturnsTransientError()
    {
        _server.FailureMode = SmtpFailureMode.TemporaryFailureAfterData;

        var result = await CreateSender().SendAsync(
            new EmailMessage("a@example.vn", "Thử", "Nội dung", null, "k-2"), TestContext.Current.CancellationToken);

        var error = Assert.IsType<EmailDeliveryFailedError>(result.Error);
        Assert.True(error.IsTransient);
        Assert.Equal(SmtpStatusCode.LocalErrorInProcessing, error.StatusCode);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ReturnsTransientError()
    {
        var stopped = TestSmtpServer.Start();
        var port = stopped.Port;
        await stopped.DisposeAsync();

        var result = await CreateSender(port: port).SendAsync(
            new EmailMessage("a@example.vn", "Thử", "Nội dung", null, "k-3"), TestContext.Current.CancellationToken);

        var error = Assert.IsType<EmailDeliveryFailedError>(result.Error);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task SendAsync_AnyOutcome_LogsNeitherAddressNorSubjectNorBody()
    {
        var logger = new CapturingLogger<SmtpEmailSender>();
        var sender = CreateSender(logger: logger);
        await sender.SendAsync(new EmailMessage("nguyen.hang@example.vn", Subject, TextBody, null, "k-5"), TestContext.Current.CancellationToken);
        _server.FailureMode = SmtpFailureMode.RejectRecipients;
        await sender.SendAsync(new EmailMessage("nguyen.hang@example.vn", Subject, TextBody, null, "k-6"), TestContext.Current.CancellationToken);

        Assert.Equal(2, logger.Entries.Count);
        Assert.All(logger.Entries, entry =>
        {
            Assert.DoesNotContain("nguyen.hang", entry, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn", entry, StringComparison.Ordinal);
            Assert.DoesNotContain("khai sinh", entry, StringComparison.Ordinal);
        });
        Assert.Contains(logger.Entries, e => e.Contains("k-6", StringComparison.Ordinal) && e.Contains("notification.email_rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_NoHostButPickupDirectory_WritesEmlFileWithMessageId()
    {
        using var folder = new TempFolder();
        var sender = new SmtpEmailSender(
            Options.Create(new SmtpOptions { From = "motcua@tinh.gov.vn", PickupDirectory = folder.Path }),
            NullLogger<SmtpEmailSender>.Instance);

        var result = await sender.SendAsync(
            new EmailMessage("a@example.vn", "Thử", "Nội dung", null, "pickup-1"), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess);
        var file = Assert.Single(folder.Files());
        var parsed = SmtpReceivedMessage.Parse("", [], File.ReadAllBytes(Path.Combine(folder.Path, file)));
        Assert.Contains("pickup-1", parsed.MessageId, StringComparison.Ordinal);
        Assert.Equal("Nội dung", Normalise(parsed.TextBody));
    }

    [Fact]
    public async Task SendAsync_NeitherHostNorPickupDirectory_ReturnsNotConfigured()
    {
        var sender = new SmtpEmailSender(
            Options.Create(new SmtpOptions { From = "motcua@tinh.gov.vn" }), NullLogger<SmtpEmailSender>.Instance);

        var result = await sender.SendAsync(new EmailMessage("a@example.vn", "Thử", "Nội dung", null, "k-7"), TestContext.Current.CancellationToken);

        Assert.IsType<EmailNotConfiguredError>(result.Error);
    }

    private SmtpEmailSender CreateSender(int? port = null, CapturingLogger<SmtpEmailSender>? logger = null) =>
        new(Options.Create(new SmtpOptions
        {
            Host = TestSmtpServer.Host,
            Port = port ?? _server.Port,
            From = "Một cửa điện tử <motcua@tinh.gov.vn>",
            TimeoutSeconds = 30,
        }),
            logger ?? (ILogger<SmtpEmailSender>)NullLogger<SmtpEmailSender>.Instance);

    private static string? Normalise(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
