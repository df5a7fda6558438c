using System.Net.Mail;
using MotCua.Domain.Common;

namespace MotCua.Web.Notifications;

/// <summary>Validates a <see cref="NotificationMessage"/> and routes it to the e-mail or SMS sender.</summary>
public sealed class NotificationSender(IEmailSender email, ISmsSender sms) : INotificationSender
{
    /// <inheritdoc/>
    public Task<Result<NotificationSent>> SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var invalid = Validate(message);
        if (invalid is not null)
        {
            return Task.FromResult(Result.Failure<NotificationSent>(invalid));
        }

        return message.Channel switch
        {
            NotificationChannel.Email => email.SendAsync(
                new EmailMessage(message.Recipient.Trim(), message.Subject, message.TextBody, message.HtmlBody, message.IdempotencyKey),
                cancellationToken),
            NotificationChannel.Sms => sms.SendAsync(
                new SmsMessage(PhoneNumbers.Normalise(message.Recipient)!, message.TextBody, message.IdempotencyKey),
                cancellationToken),
            _ => throw new InvalidOperationException("Validate accepts only known channels."),
        };
    }

    private static NotificationError? Validate(NotificationMessage message)
    {
        if (message.Channel is not (NotificationChannel.Email or NotificationChannel.Sms))
        {
            return new InvalidNotificationError(nameof(message.Channel));
        }

        if (string.IsNullOrWhiteSpace(message.IdempotencyKey)
            || message.IdempotencyKey.Length > NotificationMessage.MaxIdempotencyKeyLength
            || message.IdempotencyKey.Any(char.IsControl))
        {
            return new InvalidNotificationError(nameof(message.IdempotencyKey));
        }

        if (string.IsNullOrWhiteSpace(message.TextBody))
        {
            return new InvalidNotificationError(nameof(message.TextBody));
        }

        if (message.Channel == NotificationChannel.Sms)
        {
            return PhoneNumbers.Normalise(message.Recipient) is null ? new InvalidRecipientError(message.Channel) : null;
        }

        // A line break in a header would let the text inject headers; MailMessage throws on it.
        if (string.IsNullOrWhiteSpace(message.Subject) || message.Subject.Any(char.IsControl))
        {
            return new InvalidNotificationError(nameof(message.Subject));
        }

        return MailAddress.TryCreate(message.Recipient?.Trim(), out var address) && address.DisplayName.Length == 0
            ? null
            : new InvalidRecipientError(message.Channel);
    }
}
