using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Persistence;
using MotCua.Persistence.Outbox;

namespace MotCua.Web.Notifications;

/// <summary>
/// Delivers the outbox: claims due rows with a lease, sends each outside any database transaction through
/// <see cref="INotificationSender"/>, then marks it sent, schedules a retry with exponential back-off (transient
/// failure) or dead-letters it (permanent failure, or too many attempts).
/// </summary>
/// <remarks>
/// <para>Claiming is one statement. On PostgreSQL, <c>UPDATE … WHERE "Id" IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING *</c>:
/// concurrent nodes skip each other's rows instead of waiting or claiming them twice. On SQLite the same
/// <c>UPDATE … RETURNING</c> runs under the database's single writer lock, so the condition on <c>LockedUntil</c> is
/// checked and the lease written atomically.</para>
/// <para>Delivery is at least once: a node that dies after the transport accepted a message and before the row is
/// marked leaves the lease to expire, and another node sends it again with the same idempotency key, so the same
/// e-mail Message-ID (README.md, "Delivery guarantee").</para>
/// </remarks>
public sealed partial class OutboxProcessor
{
    private readonly INotificationSender _sender;
    private readonly TimeProvider _clock;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxProcessor> _logger;

    public OutboxProcessor(INotificationSender sender, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _sender = sender;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        NodeId = string.IsNullOrWhiteSpace(_options.NodeId)
            ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"
            : _options.NodeId.Trim();
        if (NodeId.Length > OutboxMessage.LockedByMaxLength)
        {
            NodeId = NodeId[..OutboxMessage.LockedByMaxLength];
        }
    }

    /// <summary>The name this processor writes into <c>LockedBy</c>.</summary>
    public string NodeId { get; }

    /// <summary>Claims and delivers due rows, batch after batch, until none is due or
    /// <see cref="OutboxOptions.MaxBatchesPerRun"/> is reached.</summary>
    public async Task<OutboxRunResult> ProcessAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var total = OutboxRunResult.Empty;
        for (var batch = 0; batch < _options.MaxBatchesPerRun; batch++)
        {
            var claimed = await ClaimAsync(db, ct);
            if (claimed.Count == 0)
            {
                break;
            }

            total = total.Add(await DeliverAsync(db, claimed, ct));
            if (claimed.Count < _options.BatchSize)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Leases up to <see cref="OutboxOptions.BatchSize"/> due rows to this node and returns them.</summary>
    internal async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(AppDbContext db, CancellationToken ct)
    {
        var now = Now();
        var lockedUntil = now + _options.LeaseDuration;
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE "OutboxMessages"
            SET "LockedBy" = {0}, "LockedUntil" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "SentAt" IS NULL AND "DeadLetteredAt" IS NULL AND "AvailableAt" <= {2}
                  AND ("LockedUntil" IS NULL OR "LockedUntil" <= {2})
                ORDER BY "AvailableAt"
                LIMIT {3}
                {{skipLocked}})
            RETURNING *
            """;
        var rows = await db.OutboxMessages.FromSqlRaw(sql, NodeId, lockedUntil, now, _options.BatchSize)
            .AsNoTracking()
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.AvailableAt).ThenBy(r => r.Id)];
    }

    /// <summary>Sends each claimed row and records the outcome.</summary>
    internal async Task<OutboxRunResult> DeliverAsync(AppDbContext db, IReadOnlyList<OutboxMessage> claimed, CancellationToken ct)
    {
        int sent = 0, retrying = 0, deadLettered = 0, released = 0;
        var next = 0;
        try
        {
            for (; next < claimed.Count; next++)
            {
                var row = claimed[next];
                if (row.LockedUntil is not { } lockedUntil || lockedUntil - Now() < _options.LeaseSafetyMargin)
                {
                    // Sending now could overlap another node that claims the row when the lease runs out.
                    released += await ReleaseAsync(db, row);
                    continue;
                }

                var outcome = await SendAsync(row, ct);
                switch (outcome)
                {
                    case Outcome.Sent(var messageId):
                        await MarkSentAsync(db, row, messageId);
                        sent++;
                        break;
                    case Outcome.Failed(var code, var text, true) when row.Attempts < _options.MaxAttempts:
                        var delay = RetryDelay(row.Attempts);
                        await ScheduleRetryAsync(db, row, delay, $"{code}: {text}");
                        LogRetrying(row.IdempotencyKey, row.Attempts, code, delay);
                        retrying++;
                        break;
                    case Outcome.Failed(var code, var text, var transient):
                        await DeadLetterAsync(db, row, $"{code}: {text}");
                        LogDeadLettered(row.IdempotencyKey, row.Attempts, code, transient);
                        deadLettered++;
                        break;
                }
            }
        }
        finally
        {
            // Cancelled (shutdown) part-way: hand the rest back now rather than after the lease.
            for (; next < claimed.Count; next++)
            {
                released += await ReleaseAsync(db, claimed[next]);
            }
        }

        return new OutboxRunResult(claimed.Count, sent, retrying, deadLettered, released);
    }

    /// <summary>Back-off before attempt <paramref name="attempts"/> + 1: base × 2^(attempts − 1), capped.</summary>
    internal TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = _options.RetryBaseDelay.Ticks * (double)(1L << exponent);
        return ticks >= _options.RetryMaxDelay.Ticks ? _options.RetryMaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private async Task<Outcome> SendAsync(OutboxMessage row, CancellationToken ct)
    {
        try
        {
            var result = await _sender.SendAsync(Outbox.ToMessage(row), ct);
            if (result.IsSuccess)
            {
                return new Outcome.Sent(result.Value.MessageId);
            }

            var error = result.Error;
            return new Outcome.Failed(error.Code, error.Message, error is NotificationError { IsTransient: true });
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug in a sender must not stall the outbox on one row; the type name only, since a message could
            // quote the recipient. MaxAttempts ends the retries.
            LogSenderThrew(e, row.IdempotencyKey);
            return new Outcome.Failed("notification.sender_exception", e.GetType().Name, IsTransient: true);
        }
    }

    // The marks run to completion even during shutdown: a message the transport accepted should not be sent again
    // for want of one short UPDATE.
    private async Task MarkSentAsync(AppDbContext db, OutboxMessage row, string messageId)
    {
        var now = Now();
        var id = Truncate(messageId, OutboxMessage.MessageIdMaxLength);
        var marked = await db.OutboxMessages
            .Where(m => m.Id == row.Id && m.SentAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.MessageId, id)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.Recipient, m => m.PurgeAfterSend ? "" : m.Recipient)
                .SetProperty(m => m.TextBody, m => m.PurgeAfterSend ? "" : m.TextBody)
                .SetProperty(m => m.HtmlBody, m => m.PurgeAfterSend ? null : m.HtmlBody),
                CancellationToken.None);
        if (marked == 0)
        {
            LogAlreadyMarked(row.IdempotencyKey);
        }
    }

    private Task<int> ScheduleRetryAsync(AppDbContext db, OutboxMessage row, TimeSpan delay, string error)
    {
        var availableAt = Now() + delay;
        var text = Truncate(error, OutboxMessage.LastErrorMaxLength);
        return OwnedBy(db, row).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.AvailableAt, availableAt)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null),
            CancellationToken.None);
    }

    private Task<int> DeadLetterAsync(AppDbContext db, OutboxMessage row, string error)
    {
        var now = Now();
        var text = Truncate(error, OutboxMessage.LastErrorMaxLength);
        return OwnedBy(db, row).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DeadLetteredAt, now)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.Recipient, m => m.PurgeAfterSend ? "" : m.Recipient)
                .SetProperty(m => m.TextBody, m => m.PurgeAfterSend ? "" : m.TextBody)
                .SetProperty(m => m.HtmlBody, m => m.PurgeAfterSend ? null : m.HtmlBody),
            CancellationToken.None);
    }

    private Task<int> ReleaseAsync(AppDbContext db, OutboxMessage row) =>
        OwnedBy(db, row).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTime?)null),
            CancellationToken.None);

    /// <summary>The row while this node still holds its lease: after the lease was lost, the new holder decides.</summary>
    private IQueryable<OutboxMessage> OwnedBy(AppDbContext db, OutboxMessage row)
    {
        var node = NodeId;
        return db.OutboxMessages.Where(m => m.Id == row.Id && m.LockedBy == node && m.SentAt == null);
    }

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private abstract record Outcome
    {
        public sealed record Sent(string MessageId) : Outcome;

        public sealed record Failed(string Code, string Message, bool IsTransient) : Outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {IdempotencyKey}: attempt {Attempts} failed ({ErrorCode}); retrying in {Delay}")]
    private partial void LogRetrying(string idempotencyKey, int attempts, string errorCode, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {IdempotencyKey}: dead-lettered after {Attempts} attempt(s) ({ErrorCode}, transient: {IsTransient})")]
    private partial void LogDeadLettered(string idempotencyKey, int attempts, string errorCode, bool isTransient);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {IdempotencyKey}: the sender threw")]
    private partial void LogSenderThrew(Exception exception, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {IdempotencyKey}: already marked sent by another node (lease expired during the send)")]
    private partial void LogAlreadyMarked(string idempotencyKey);
}
