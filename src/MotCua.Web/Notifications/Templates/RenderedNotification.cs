namespace MotCua.Web.Notifications.Templates;

/// <summary>A rendered template: e-mail subject and bodies, and a short SMS text without diacritics.</summary>
public sealed record RenderedNotification(string Subject, string TextBody, string HtmlBody, string SmsText)
{
    /// <summary>The e-mail to put in the outbox.</summary>
    public NotificationMessage ToEmail(string address, string idempotencyKey) =>
        new(NotificationChannel.Email, address, Subject, TextBody, HtmlBody, idempotencyKey);

    /// <summary>The SMS to put in the outbox; use a key distinct from the e-mail's.</summary>
    public NotificationMessage ToSms(string phoneNumber, string idempotencyKey) =>
        new(NotificationChannel.Sms, phoneNumber, Subject, SmsText, null, idempotencyKey);
}
