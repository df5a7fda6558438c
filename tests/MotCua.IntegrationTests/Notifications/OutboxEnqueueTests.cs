using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using static MotCua.IntegrationTests.Notifications.OutboxFixtures;

namespace MotCua.IntegrationTests.Notifications;

public sealed class OutboxEnqueueTests
{
    private static readonly DateTime Now = Start.UtcDateTime;

    [Theory, AllDatabases]
    public async Task Enqueue_WithBusinessChange_CommitsOrRollsBackTogether(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);

        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.OrganisationalUnits.Add(Unit("000.00.01.H56"));
            Outbox.Enqueue(db, Email("rolled-back.1"), Now);
            await db.SaveChangesAsync(ct);
            await transaction.RollbackAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.Add(Unit("000.00.02.H56"));
            Outbox.Enqueue(db, Email("committed.1"), Now);
            await db.SaveChangesAsync(ct);
        }

        await using var check = database.CreateContext();
        Assert.Equal(["committed.1"], await check.OutboxMessages.Select(m => m.IdempotencyKey).ToListAsync(ct));
        Assert.Equal(1, await check.OrganisationalUnits.CountAsync(ct));
        var row = await check.OutboxMessages.SingleAsync(ct);
        Assert.Equal((Now, Now, 0, "Email"), (row.CreatedAt, row.AvailableAt, row.Attempts, row.Channel));
    }

    [Theory, AllDatabases]
    public async Task Enqueue_SameKeyTwiceInOneUnitOfWork_AddsOneRow(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var db = database.CreateContext();

        var first = Outbox.Enqueue(db, Email("twice.1"), Now);
        var second = Outbox.Enqueue(db, Email("twice.1", to: "khac@example.vn"), Now.AddSeconds(1));
        await db.SaveChangesAsync(ct);

        Assert.Same(first, second);
        Assert.Equal("cong.dan@example.vn", (await db.OutboxMessages.AsNoTracking().SingleAsync(ct)).Recipient);
    }

    [Theory, AllDatabases]
    public async Task Enqueue_KeyCommittedByAnotherTransaction_SaveChangesFailsAsDuplicateKey(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using (var db = database.CreateContext())
        {
            Outbox.Enqueue(db, Email("dup.1"), Now);
            await db.SaveChangesAsync(ct);
        }

        await using var second = database.CreateContext();
        Outbox.Enqueue(second, Email("dup.1"), Now);
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(ct));

        Assert.True(Outbox.IsDuplicateKey(error), error.InnerException?.Message);
    }

    [Theory, AllDatabases]
    public async Task EnqueueInTransactionAsync_SameKeyInSeparateTransactions_KeepsOneRow(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);

        var added = new List<bool>();
        foreach (var recipient in (string[])["first@example.vn", "second@example.vn"])
        {
            await using var db = database.CreateContext();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            added.Add(await Outbox.EnqueueInTransactionAsync(db, Email("digest.u.h.2026-02-20", recipient), Now, ct));
            await transaction.CommitAsync(ct);
        }

        await using var check = database.CreateContext();
        Assert.Equal([true, false], added);
        var row = await check.OutboxMessages.SingleAsync(ct);
        Assert.Equal("first@example.vn", row.Recipient);
        Assert.Equal(Now, row.AvailableAt);
        Assert.Null(row.SentAt);
    }

    [Theory, PostgresOnly]
    public async Task EnqueueInTransactionAsync_ConcurrentTransactions_BothCommitAndOneRowRemains(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        await using var firstTransaction = await first.Database.BeginTransactionAsync(ct);
        await using var secondTransaction = await second.Database.BeginTransactionAsync(ct);

        var firstAdded = await Outbox.EnqueueInTransactionAsync(first, Email("race.1"), Now, ct);
        // The second insert waits on the first transaction's uncommitted row, then finds the conflict.
        var secondInsert = Outbox.EnqueueInTransactionAsync(second, Email("race.1", "other@example.vn"), Now, ct);
        await firstTransaction.CommitAsync(ct);
        var secondAdded = await secondInsert;
        await secondTransaction.CommitAsync(ct);

        Assert.True(firstAdded);
        Assert.False(secondAdded);
        await using var check = database.CreateContext();
        Assert.Equal("cong.dan@example.vn", (await check.OutboxMessages.SingleAsync(ct)).Recipient);
    }

    [Theory, AllDatabases]
    public async Task EnqueueInTransactionAsync_NoTransaction_Throws(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Outbox.EnqueueInTransactionAsync(db, Email("no-tx"), Now, ct));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(ct));
    }

    [Fact]
    public void Enqueue_MalformedKeyOrLocalTime_Throws()
    {
        var db = (AppDbContext)null!;
        Assert.Throws<ArgumentException>(() => Outbox.ToRow(Email(""), Now));
        Assert.Throws<ArgumentException>(() => Outbox.ToRow(Email(new string('k', 201)), Now));
        Assert.Throws<ArgumentException>(() => Outbox.ToRow(Email("line\nbreak"), Now));
        Assert.Throws<ArgumentException>(() => Outbox.ToRow(Email("ok"), DateTime.SpecifyKind(Now, DateTimeKind.Local)));
        Assert.Throws<ArgumentNullException>(() => Outbox.Enqueue(db, Email("ok"), Now));
        Assert.Equal("ok", Outbox.ToRow(Email("ok"), Now).IdempotencyKey);
    }

    private static OrganisationalUnit Unit(string code) =>
        OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp tỉnh Sơn La", null, UnitLevel.ProvincialDepartment, code, null, new DateOnly(2025, 7, 1));
}
