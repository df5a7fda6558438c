namespace MotCua.Web.Notifications;

/// <summary>One message to one recipient, as an outbox row holds it.</summary>
/// <param name="Channel">E-mail or SMS.</param>
/// <param name="Recipient">An e-mail address or a Vietnamese phone number. Personal data: never logged.</param>
/// <param name="Subject">The e-mail subject; ignored for SMS.</param>
/// <param name="TextBody">The plain-text body (the SMS text for SMS).</param>
/// <param name="HtmlBody">An optional HTML alternative for e-mail.</param>
/// <param name="IdempotencyKey">Identifies the message across retries (e.g. <c>dossier-received.{dossierId}.{entry}</c>);
/// the same key means the same message. It becomes the e-mail's Message-ID and appears in logs, so it must not contain
/// personal data. At most <see cref="MaxIdempotencyKeyLength"/> characters.</param>
public sealed record NotificationMessage(
    NotificationChannel Channel,
    string Recipient,
    string Subject,
    string TextBody,
    string? HtmlBody,
    string IdempotencyKey)
{
    /// <summary>The longest accepted idempotency key.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Whether the outbox blanks the recipient and body once the message is sent or given up on
    /// (<c>OutboxMessage.PurgeAfterSend</c>): for a body holding a secret the store must not keep.</summary>
    public bool PurgeAfterSend { get; init; }
}
