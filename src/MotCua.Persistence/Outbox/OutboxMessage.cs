namespace MotCua.Persistence.Outbox;

/// <summary>
/// One notification waiting to be sent, written in the same transaction as the business change that caused it
/// (transactional outbox) and delivered at least once by the outbox processor (MotCua.Web/Outbox).
/// </summary>
/// <remarks>
/// A row is pending while <see cref="SentAt"/> and <see cref="DeadLetteredAt"/> are both null. A processor claims it by
/// writing <see cref="LockedBy"/> and <see cref="LockedUntil"/> (a lease): a node that dies mid-send simply lets the
/// lease run out and another node sends again, with the same <see cref="IdempotencyKey"/> and so the same Message-ID.
/// </remarks>
public sealed class OutboxMessage
{
    /// <summary>Longest idempotency key (the Message-ID is derived from it).</summary>
    public const int IdempotencyKeyMaxLength = 200;

    /// <summary>Longest recipient: an e-mail address (RFC 5321 allows 254) or a phone number.</summary>
    public const int RecipientMaxLength = 320;

    /// <summary>Longest subject (one RFC 5322 header line before folding).</summary>
    public const int SubjectMaxLength = 998;

    /// <summary>Longest stored error text.</summary>
    public const int LastErrorMaxLength = 500;

    /// <summary>Longest node name in <see cref="LockedBy"/>.</summary>
    public const int LockedByMaxLength = 200;

    /// <summary>Longest transport identifier in <see cref="MessageId"/>.</summary>
    public const int MessageIdMaxLength = 500;

    public Guid Id { get; set; }

    /// <summary>Identifies the message across retries; unique, so enqueuing the same key twice keeps one row.
    /// No personal data: it appears in logs and in the Message-ID header.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>The channel's name (<c>Email</c> or <c>Sms</c>, as MotCua.Web's NotificationChannel spells it).</summary>
    public string Channel { get; set; } = "";

    /// <summary>E-mail address or phone number. Personal data: never logged.</summary>
    public string Recipient { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    /// <summary>When the row was written (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The earliest instant the next attempt may start (UTC); moved forward by back-off after a transient failure.</summary>
    public DateTime AvailableAt { get; set; }

    /// <summary>How many times a processor claimed the row to send it (including attempts cut short by a crash).</summary>
    public int Attempts { get; set; }

    /// <summary>The node holding the lease, or null.</summary>
    public string? LockedBy { get; set; }

    /// <summary>When the lease ends (UTC); after it another node may claim the row.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>When the transport accepted the message (UTC).</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>The transport's identifier (the e-mail Message-ID, or the SMS gateway's reference).</summary>
    public string? MessageId { get; set; }

    /// <summary>The last failure's error code and message: never the recipient, subject or body.</summary>
    public string? LastError { get; set; }

    /// <summary>When the row was given up on (permanent failure or too many attempts), for staff to review (UTC).</summary>
    public DateTime? DeadLetteredAt { get; set; }

    /// <summary>The body carries a secret (a survey invitation's token, which the store otherwise keeps only hashed): once
    /// the transport accepted the message or the row was given up on, the processor blanks <see cref="Recipient"/>,
    /// <see cref="TextBody"/> and <see cref="HtmlBody"/>, so that only the key, the dates and the outcome stay for
    /// audit.</summary>
    public bool PurgeAfterSend { get; set; }
}
