using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using static MotCua.IntegrationTests.Notifications.OutboxFixtures;

namespace MotCua.IntegrationTests.Notifications;

public sealed class OutboxProcessorTests : IAsyncDisposable
{
    private readonly TestSmtpServer _smtp = TestSmtpServer.Start();
    private readonly ManualClock _clock = new(Start);

    public async ValueTask DisposeAsync() => await _smtp.DisposeAsync();

    [Theory, AllDatabases]
    public async Task ProcessAsync_EnqueuedEmail_DeliveredExactlyOnceAndMarkedSent(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await EnqueueAsync(database, "dossier-received.0001.1.email");
        var processor = Processor(Smtp(_smtp), _clock, "node-a");

        await using var db = database.CreateContext();
        var first = await processor.ProcessAsync(db, ct);
        var second = await processor.ProcessAsync(db, ct);

        Assert.Equal(new OutboxRunResult(1, 1, 0, 0, 0), first);
        Assert.Equal(OutboxRunResult.Empty, second);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["cong.dan@example.vn"], mail.Recipients);
        Assert.Equal("Đã tiếp nhận hồ sơ dossier-received.0001.1.email", mail.Subject);
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(ct);
        Assert.Equal(_clock.UtcNow, row.SentAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(mail.MessageId, row.MessageId);
        Assert.Contains("dossier-received=2E0001=2E1=2Eemail", row.MessageId, StringComparison.Ordinal);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LockedBy);
        Assert.Null(row.LockedUntil);
        Assert.Null(row.DeadLetteredAt);
    }

    [Theory, AllDatabases]
    public async Task ProcessAsync_Smtp451ThenRecovers_WaitsForBackOffThenDelivers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await EnqueueAsync(database, "result-ready.0002.7.email");
        var processor = Processor(Smtp(_smtp), _clock, "node-a");
        await using var db = database.CreateContext();

        _smtp.FailureMode = SmtpFailureMode.TemporaryFailureAfterData;
        var failed = await processor.ProcessAsync(db, ct);
        _smtp.FailureMode = SmtpFailureMode.None;
        var beforeBackOff = await processor.ProcessAsync(db, ct);
        var retryRow = await db.OutboxMessages.AsNoTracking().SingleAsync(ct);
        _clock.Advance(new OutboxOptions().RetryBaseDelay);
        var delivered = await processor.ProcessAsync(db, ct);

        Assert.Equal(new OutboxRunResult(1, 0, 1, 0, 0), failed);
        Assert.Equal(OutboxRunResult.Empty, beforeBackOff);
        Assert.StartsWith("notification.email_failed", retryRow.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("cong.dan", retryRow.LastError, StringComparison.Ordinal);
        Assert.Equal(Start.UtcDateTime + new OutboxOptions().RetryBaseDelay, retryRow.AvailableAt, TimeSpan.FromMilliseconds(1));
        Assert.Null(retryRow.LockedBy);
        Assert.Equal(new OutboxRunResult(1, 1, 0, 0, 0), delivered);
        Assert.Single(_smtp.Messages);
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(ct);
        Assert.Equal(2, row.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LastError);
    }

    [Theory, AllDatabases]
    public async Task ProcessAsync_ConnectionDroppedMidDataTwice_BacksOffExponentiallyThenDelivers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await EnqueueAsync(database, "apology.0003.4.email");
        var processor = Processor(Smtp(_smtp), _clock, "node-a", o => o.RetryBaseDelay = TimeSpan.FromSeconds(10));
        await using var db = database.CreateContext();
        _smtp.FailureMode = SmtpFailureMode.DropConnectionDuringData;

        await processor.ProcessAsync(db, ct);
        var afterFirst = (await db.OutboxMessages.AsNoTracking().SingleAsync(ct)).AvailableAt;
        _clock.Advance(TimeSpan.FromSeconds(10));
        await processor.ProcessAsync(db, ct);
        var afterSecond = (await db.OutboxMessages.AsNoTracking().SingleAsync(ct)).AvailableAt;
        _smtp.FailureMode = SmtpFailureMode.None;
        _clock.Advance(TimeSpan.FromSeconds(19));
        var tooEarly = await processor.ProcessAsync(db, ct);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var delivered = await processor.ProcessAsync(db, ct);

        Assert.Equal(Start.UtcDateTime.AddSeconds(10), afterFirst, TimeSpan.FromMilliseconds(1));
        Assert.Equal(Start.UtcDateTime.AddSeconds(10 + 20), afterSecond, TimeSpan.FromMilliseconds(1));
        Assert.Equal(OutboxRunResult.Empty, tooEarly);
        Assert.Equal(1, delivered.Sent);
        Assert.Single(_smtp.Messages);
        Assert.Equal(3, (await db.OutboxMessages.AsNoTracking().SingleAsync(ct)).Attempts);
    }

    [Theory, AllDatabases]
    public async Task ProcessAsync_RecipientRejected550_DeadLettersAndNeverRetries(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await EnqueueAsync(database, "dossier-received.0004.1.email");
        var processor = Processor(Smtp(_smtp), _clock, "node-a");
        await using var db = database.CreateContext();
        _smtp.FailureMode = SmtpFailureMode.RejectRecipients;

        var result = await processor.ProcessAsync(db, ct);
        _smtp.FailureMode = SmtpFailureMode.None;
        _clock.Advance(TimeSpan.FromDays(2));
        var later = await processor.ProcessAsync(db, ct);

        Assert.Equal(new OutboxRunResult(1, 0, 0, 1, 0), result);
        Assert.Equal(OutboxRunResult.Empty, later);
        Assert.Empty(_smtp.Messages);
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(ct);
        Assert.Equal(Start.UtcDateTime, row.DeadLetteredAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.StartsWith("notification.email_rejected", row.LastError, StringComparison.Ordinal);
        Assert.Null(row.SentAt);
        Assert.Null(row.LockedBy);
    }

    [Theory, AllDatabases]
    public async Task ProcessAsync_TransientFailureUpToMaxAttempts_DeadLetters(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await EnqueueAsync(database, "supplement.0005.2.email");
        var processor = Processor(Smtp(_smtp), _clock, "node-a", o => o.MaxAttempts = 2);
        await using var db = database.CreateContext();
        _smtp.FailureMode = SmtpFailureMode.TemporaryFailureAfterData;

        var first = await processor.ProcessAsync(db, ct);
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await processor.ProcessAsync(db, ct);

        Assert.Equal(1, first.Retrying);
        Assert.Equal(1, second.DeadLettered);
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(ct);
        Assert.NotNull(row.DeadLetteredAt);
        Assert.Equal(2, row.Attempts);
    }

    [Theory, AllDatabases]
    public async Task ProcessAsync_NodeDiesMidSend_SecondNodeResendsAfterLeaseWithSameMessageId(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await EnqueueAsync(database, "result-ready.0006.9.email");
        var sender = Smtp(_smtp);
        var nodeA = Processor(sender, _clock, "node-a");
        var nodeB = Processor(sender, _clock, "node-b");

        // Node A claims and the relay accepts the message, then A dies before marking the row.
        await using (var dbA = database.CreateContext())
        {
            var claimed = Assert.Single(await nodeA.ClaimAsync(dbA, ct));
            Assert.True((await sender.SendAsync(Outbox.ToMessage(claimed), ct)).IsSuccess);
        }

        await using var dbB = database.CreateContext();
        var whileLeased = await nodeB.ProcessAsync(dbB, ct);
        var leased = await dbB.OutboxMessages.AsNoTracking().SingleAsync(ct);
        _clock.Advance(new OutboxOptions().LeaseDuration);
        var afterLease = await nodeB.ProcessAsync(dbB, ct);

        Assert.Equal(OutboxRunResult.Empty, whileLeased);
        Assert.Equal("node-a", leased.LockedBy);
        Assert.Equal(1, afterLease.Sent);
        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Equal(_smtp.Messages[0].MessageId, _smtp.Messages[1].MessageId);
        var row = await dbB.OutboxMessages.AsNoTracking().SingleAsync(ct);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(_smtp.Messages[1].MessageId, row.MessageId);
        Assert.Null(row.LockedBy);
    }

    [Theory, AllDatabases]
    public async Task ProcessAsync_TwoNodesConcurrently_SendEveryMessageExactlyOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var keys = Enumerable.Range(1, 60).Select(i => $"bulk.{i:D3}.email").ToList();
        await using (var db = database.CreateContext())
        {
            foreach (var key in keys)
            {
                Outbox.Enqueue(db, Email(key), _clock.UtcNow);
            }

            await db.SaveChangesAsync(ct);
        }

        var sender = new RecordingSender();
        string[] names = ["node-a", "node-b"];
        var nodes = names.Select(n => Processor(sender, _clock, n, o => (o.BatchSize, o.MaxBatchesPerRun) = (5, 100))).ToList();
        var results = await Task.WhenAll(nodes.Select(async node =>
        {
            await using var db = database.CreateContext();
            return await node.ProcessAsync(db, ct);
        }));

        Assert.Equal(keys.Order(), sender.Keys.Order());
        Assert.Equal(60, results.Sum(r => r.Sent));
        await using var check = database.CreateContext();
        Assert.Equal(60, await check.OutboxMessages.CountAsync(m => m.SentAt != null && m.Attempts == 1, ct));
    }

    [Theory, PostgresOnly]
    public async Task ClaimAsync_RowsLockedByAnotherClaimer_SkipsThemWithoutWaiting(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using (var db = database.CreateContext())
        {
            for (var i = 0; i < 10; i++)
            {
                Outbox.Enqueue(db, Email($"locked.{i}"), _clock.UtcNow.AddSeconds(i));
            }

            await db.SaveChangesAsync(ct);
        }

        // Another node's claim in flight: it holds row locks on the four oldest rows until it commits.
        await using var other = database.CreateContext();
        await using var otherTransaction = await other.Database.BeginTransactionAsync(ct);
        var locked = await other.OutboxMessages
            .FromSql($"""SELECT * FROM "OutboxMessages" ORDER BY "AvailableAt" LIMIT 4 FOR UPDATE""")
            .AsNoTracking().Select(m => m.IdempotencyKey).ToListAsync(ct);
        _clock.Advance(TimeSpan.FromMinutes(1));

        await using var db2 = database.CreateContext();
        using var hangGuard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        hangGuard.CancelAfter(TimeSpan.FromSeconds(30));
        var claimed = await Processor(new RecordingSender(), _clock, "node-b", o => o.BatchSize = 10).ClaimAsync(db2, hangGuard.Token);

        Assert.Equal(4, locked.Count);
        Assert.Equal(6, claimed.Count);
        Assert.Empty(claimed.Select(c => c.IdempotencyKey).Intersect(locked));
        Assert.All(claimed, c => Assert.Equal("node-b", c.LockedBy));
    }

    private async Task EnqueueAsync(TestDatabase database, string key)
    {
        await using var db = database.CreateContext();
        Outbox.Enqueue(db, Email(key), _clock.UtcNow);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
