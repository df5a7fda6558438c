using Microsoft.EntityFrameworkCore;
using MotCua.Persistence;
using MotCua.Persistence.Outbox;

namespace MotCua.Web.Notifications;

/// <summary>
/// Writes notifications to the transactional outbox, so that they commit or roll back with the business change that
/// caused them; <see cref="OutboxProcessor"/> delivers them later (at least once, see README.md).
/// </summary>
public static class Outbox
{
    private static readonly UniqueTarget IdempotencyKeyIndex = new("IX_OutboxMessages_IdempotencyKey", "OutboxMessages.IdempotencyKey");

    /// <summary>
    /// Adds a row to <paramref name="db"/>'s unit of work: it is inserted by the caller's <c>SaveChanges</c>, in the same
    /// transaction as the business change. A key already added to this context is not added twice.
    /// </summary>
    /// <remarks>
    /// If another transaction committed the same key first, the caller's <c>SaveChanges</c> fails with a unique
    /// violation on <c>IX_OutboxMessages_IdempotencyKey</c> (see <see cref="IsDuplicateKey"/>), and the business change
    /// rolls back with it. Where the same message can be enqueued by concurrent transactions (scheduled jobs, retried
    /// requests), use <see cref="EnqueueInTransactionAsync"/> instead, which keeps one row and never fails on a duplicate.
    /// </remarks>
    /// <returns>The row to be inserted, or the one already tracked with the same key.</returns>
    /// <exception cref="ArgumentException">The message is malformed (a bug in the caller).</exception>
    public static OutboxMessage Enqueue(AppDbContext db, NotificationMessage message, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = ToRow(message, nowUtc);
        var tracked = db.ChangeTracker.Entries<OutboxMessage>()
            .FirstOrDefault(e => e.State != EntityState.Deleted && e.Entity.IdempotencyKey == row.IdempotencyKey);
        if (tracked is not null)
        {
            return tracked.Entity;
        }

        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>
    /// Inserts a row at once inside the caller's open transaction, unless a row with the same key exists or is being
    /// inserted by a concurrent transaction (<c>INSERT … ON CONFLICT DO NOTHING</c>, which waits for that transaction
    /// on PostgreSQL and is serialised by the single writer on SQLite). The row commits with the caller's transaction.
    /// </summary>
    /// <returns>True when this call added the row; false when the key was already there.</returns>
    /// <exception cref="InvalidOperationException">No transaction is open on <paramref name="db"/>: the row would
    /// commit on its own, apart from the business change.</exception>
    /// <exception cref="ArgumentException">The message is malformed (a bug in the caller).</exception>
    public static async Task<bool> EnqueueInTransactionAsync(AppDbContext db, NotificationMessage message, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("EnqueueInTransactionAsync needs the caller's transaction (Database.BeginTransactionAsync) so that the row commits with the business change.");
        }

        var row = ToRow(message, nowUtc);
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.IdempotencyKey == row.IdempotencyKey))
        {
            return false;
        }

        // Parameters go through the provider's own DateTime mapping: the same TEXT format as EF's on SQLite, and
        // timestamptz for the UTC values on PostgreSQL.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "OutboxMessages" ("Id", "IdempotencyKey", "Channel", "Recipient", "Subject", "TextBody", "HtmlBody", "CreatedAt", "AvailableAt", "Attempts", "PurgeAfterSend")
            VALUES ({row.Id}, {row.IdempotencyKey}, {row.Channel}, {row.Recipient}, {row.Subject}, {row.TextBody}, {row.HtmlBody}, {row.CreatedAt}, {row.AvailableAt}, 0, {row.PurgeAfterSend})
            ON CONFLICT ("IdempotencyKey") DO NOTHING
            """,
            ct);
        return inserted == 1;
    }

    /// <summary>Whether <paramref name="exception"/> is the unique violation of a second row with an existing key.</summary>
    public static bool IsDuplicateKey(DbUpdateException exception) => DatabaseErrors.IsUniqueViolation(exception, IdempotencyKeyIndex);
    internal static OutboxMessage ToRow(NotificationMessage message, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (nowUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("The instant must be UTC.", nameof(nowUtc));
        }

        if (!Enum.IsDefined(message.Channel))
        {
            throw new ArgumentException("Unknown channel.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.IdempotencyKey)
            || message.IdempotencyKey.Length > OutboxMessage.IdempotencyKeyMaxLength
            || message.IdempotencyKey.Any(char.IsControl))
        {
            throw new ArgumentException($"The idempotency key must be 1–{OutboxMessage.IdempotencyKeyMaxLength} characters without control characters.", nameof(message));
        }

        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(nowUtc)),
            IdempotencyKey = message.IdempotencyKey,
            Channel = message.Channel.ToString(),
            Recipient = message.Recipient ?? "",
            Subject = message.Subject ?? "",
            TextBody = message.TextBody ?? "",
            HtmlBody = message.HtmlBody,
            CreatedAt = nowUtc,
            AvailableAt = nowUtc,
            PurgeAfterSend = message.PurgeAfterSend,
        };
    }

    internal static NotificationMessage ToMessage(OutboxMessage row) =>
        new(Enum.TryParse<NotificationChannel>(row.Channel, out var channel) ? channel : 0,
            row.Recipient, row.Subject, row.TextBody, row.HtmlBody, row.IdempotencyKey);
}
