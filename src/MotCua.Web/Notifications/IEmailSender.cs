using MotCua.Domain.Common;

namespace MotCua.Web.Notifications;

/// <summary>Sends e-mail. Failures are values; only cancellation by the caller throws.</summary>
public interface IEmailSender
{
    /// <summary>Hands the message to the mail server; the Message-ID is derived from the idempotency key.</summary>
    Task<Result<NotificationSent>> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
