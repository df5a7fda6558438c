using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Access;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Notifications;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Web.Jobs;
using MotCua.Web.Notifications.Templates;

namespace MotCua.IntegrationTests.Jobs;

public sealed class DailyDigestWriterTests
{
    // 07:00 in Vietnam on 20 February 2026.
    private static readonly DateTime SevenAm = new(2026, 2, 20, 0, 0, 0, DateTimeKind.Utc);

    [Theory, AllDatabases]
    public async Task EnqueueAsync_AgencyHeadWithDueWork_EnqueuesOneDigestPerDayAndItIsDelivered(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var seed = await SeedAsync(database, ct);
        var work = new FixedDueWork(seed.UnitId, new DueWork(2, 1, ["000.00.03.H56-260219-0002", "000.00.03.H56-260219-0003"], ["000.00.03.H56-260210-0001"]));

        int first, second;
        await using (var db = database.CreateContext())
        {
            first = await Writer(db, work).EnqueueAsync(SevenAm, ct);
            second = await Writer(db, work).EnqueueAsync(SevenAm.AddMinutes(5), ct);
        }

        await using var check = database.CreateContext();
        var row = await check.OutboxMessages.AsNoTracking().SingleAsync(ct);
        Assert.Equal((1, 0), (first, second));
        Assert.Equal($"digest.{seed.UnitId:N}.{seed.HeadId:N}.2026-02-20", row.IdempotencyKey);
        Assert.Equal("lanh.dao@sotuphap.example.vn", row.Recipient);
        Assert.Equal("Tổng hợp hồ sơ ngày 20/02/2026: 1 quá hạn, 2 sắp đến hạn", row.Subject);
        Assert.Contains("000.00.03.H56-260210-0001", row.TextBody, StringComparison.Ordinal);
        Assert.Equal("Email", row.Channel);

        var sender = new RecordingSender();
        var sent = await OutboxFixtures.Processor(sender, new ManualClock(SevenAm.AddMinutes(1)), "node-a").ProcessAsync(check, ct);
        Assert.Equal(1, sent.Sent);
        Assert.Equal([row.IdempotencyKey], sender.Keys);
        Assert.NotNull((await check.OutboxMessages.AsNoTracking().SingleAsync(ct)).SentAt);
    }

    [Theory, AllDatabases]
    public async Task EnqueueAsync_NothingDue_EnqueuesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await SeedAsync(database, ct);
        await using var db = database.CreateContext();

        var enqueued = await Writer(db, new NoDueWorkSource()).EnqueueAsync(SevenAm, ct);

        Assert.Equal(0, enqueued);
        Assert.Equal(0, await db.OutboxMessages.CountAsync(ct));
    }

    private static DailyDigestWriter Writer(AppDbContext db, IDueWorkSource source) =>
        new(db, source, new NotificationTemplates(Options.Create(new NotificationTemplateOptions())));

    /// <summary>One current agency head with e-mail, one whose assignment ended, and a handling officer: only the first gets a digest.</summary>
    private static async Task<(Guid UnitId, Guid HeadId)> SeedAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp tỉnh Sơn La", "Sở Tư pháp", UnitLevel.ProvincialDepartment, "000.03.00.H56", null, new DateOnly(2025, 7, 1));
        var head = User("Cầm Văn Dũng", "lanh.dao@sotuphap.example.vn");
        var formerHead = User("Lò Thị Mai", "cu@sotuphap.example.vn");
        var officer = User("Quàng Văn Tú", "chuyen.vien@sotuphap.example.vn");
        db.OrganisationalUnits.Add(unit);
        db.Users.AddRange(head, formerHead, officer);
        db.StaffRoleAssignments.AddRange(
            StaffRoleAssignment.Create(Guid.NewGuid(), head.Id, StaffRole.AgencyHead, unit.Id, false, new DateOnly(2025, 7, 1)),
            StaffRoleAssignment.Create(Guid.NewGuid(), formerHead.Id, StaffRole.AgencyHead, unit.Id, false, new DateOnly(2025, 7, 1), new DateOnly(2026, 2, 19)),
            StaffRoleAssignment.Create(Guid.NewGuid(), officer.Id, StaffRole.HandlingOfficer, unit.Id, false, new DateOnly(2025, 7, 1)));
        await db.SaveChangesAsync(ct);
        return (unit.Id, head.Id);
    }

    private static AppUser User(string name, string email) => new()
    {
        Id = Guid.NewGuid(),
        FullName = name,
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        SecurityStamp = Guid.NewGuid().ToString(),
    };

    private sealed class FixedDueWork(Guid unitId, DueWork work) : IDueWorkSource
    {
        public Task<DueWork> GetDueWorkAsync(Guid unitId1, DateTime nowUtc, CancellationToken ct = default) =>
            Task.FromResult(unitId1 == unitId ? work : DueWork.None);
    }
}
