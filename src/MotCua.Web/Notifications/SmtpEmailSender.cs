using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Options;
using MotCua.Domain.Common;

namespace MotCua.Web.Notifications;

/// <summary>
/// Sends e-mail with <see cref="SmtpClient"/> (MailKit does not restore here). One connection per message: the outbox
/// sends a trickle, and a fresh connection never carries state from a failed send.
/// </summary>
/// <remarks>Logs the idempotency key and SMTP status codes only, never addresses, subjects or bodies. The Date header
/// is System.Net.Mail's own (it overwrites any set by the caller), so this class needs no clock.</remarks>
public sealed partial class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions _options;
    private readonly MailAddress _from;
    private readonly string _messageIdDomain;
    private readonly ILogger<SmtpEmailSender> _logger;

    /// <exception cref="FormatException"><see cref="SmtpOptions.From"/> is not an address (a configuration bug).</exception>
    public SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _from = new MailAddress(_options.From);
        _messageIdDomain = string.IsNullOrWhiteSpace(_options.MessageIdDomain) ? _from.Host : _options.MessageIdDomain.Trim();
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task<Result<NotificationSent>> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(_options.Host) && string.IsNullOrWhiteSpace(_options.PickupDirectory))
        {
            return Fail(message, new EmailNotConfiguredError());
        }

        if (!MailAddress.TryCreate(message.To, out var to))
        {
            return Fail(message, new InvalidRecipientError(NotificationChannel.Email));
        }

        var messageId = MessageIds.FromIdempotencyKey(message.IdempotencyKey, _messageIdDomain);
        using var mail = CreateMail(message, to, messageId);
        using var client = CreateClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            await client.SendMailAsync(mail, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(message, new EmailDeliveryFailedError(SmtpStatusCode.GeneralFailure));
        }
        catch (SmtpException e)
        {
            // 5xx is final (RFC 5321 §4.2.1); 4xx and broken connections (GeneralFailure) may pass on a retry.
            return Fail(message, (int)e.StatusCode >= 500
                ? new EmailRejectedError(e.StatusCode)
                : new EmailDeliveryFailedError(e.StatusCode));
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            return Fail(message, new EmailDeliveryFailedError(SmtpStatusCode.GeneralFailure));
        }

        LogSent(message.IdempotencyKey);
        return new NotificationSent(NotificationChannel.Email, messageId);
    }

    private MailMessage CreateMail(EmailMessage message, MailAddress to, string messageId)
    {
        var mail = new MailMessage
        {
            From = _from,
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        mail.To.Add(to);
        mail.Headers.Add("Message-ID", messageId);
        if (!string.IsNullOrEmpty(message.HtmlBody))
        {
            var html = AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.Base64;
            mail.AlternateViews.Add(html);
        }

        return mail;
    }

    private SmtpClient CreateClient()
    {
        var client = new SmtpClient { Timeout = checked(_options.TimeoutSeconds * 1000) };
        if (string.IsNullOrWhiteSpace(_options.Host))
        {
            var folder = Path.GetFullPath(_options.PickupDirectory!);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
            return client;
        }

        client.DeliveryMethod = SmtpDeliveryMethod.Network;
        client.Host = _options.Host;
        client.Port = _options.Port;
        client.EnableSsl = _options.EnableSsl;
        client.UseDefaultCredentials = false;
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }

        return client;
    }

    private NotificationError Fail(EmailMessage message, NotificationError error)
    {
        LogFailed(message.IdempotencyKey, error.Code, error.IsTransient);
        return error;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {IdempotencyKey} sent")]
    private partial void LogSent(string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {IdempotencyKey} not sent: {ErrorCode} (transient: {IsTransient})")]
    private partial void LogFailed(string idempotencyKey, string errorCode, bool isTransient);
}
