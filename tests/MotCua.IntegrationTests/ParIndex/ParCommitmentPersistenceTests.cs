using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>A commitment, its targets and its audit trail (opening, change, signature, reopening with a reason) round-trip
/// on both databases; one commitment per (framework, unit).</summary>
public sealed class ParCommitmentPersistenceTests
{
    private static readonly DateTime At = new DateTime(2026, 1, 15, 2, 30, 15, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task ParCommitment_RoundTrips_WithTargetsAndAuditTrail(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var province = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var justice = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp", null, UnitLevel.ProvincialDepartment, "000.00.03.H56", province.Id, new DateOnly(2025, 7, 1));
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), province.Id, DemoParIndexSeeder.Load("framework-department-2026.json"), 1, At);
        Assert.True(framework.Issue("2712/QĐ-UBND", null, At).IsSuccess);
        var (officer, head, homeAffairs) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var commitment = ParCommitment.Create(Guid.NewGuid(), framework, justice.Id, officer, At).Value;
        var targets = commitment.Targets.Select(t => t.Area == "8" ? t with { Percent = 96.25m } : t).ToList();
        Assert.True(commitment.SetTargets(framework, targets, officer, At.AddHours(1)).IsSuccess);
        Assert.True(commitment.Sign(head, At.AddDays(1)).IsSuccess);
        Assert.True(commitment.Reopen("Ghi nhầm chỉ tiêu lĩnh vực 8", homeAffairs, At.AddDays(2)).IsSuccess);
        Assert.True(commitment.Sign(head, At.AddDays(3)).IsSuccess);
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.AddRange(province, justice);
            db.ParFrameworks.Add(framework);
            db.ParCommitments.Add(commitment);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.ParCommitments.Include(c => c.Events).SingleAsync(c => c.Id == commitment.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, commitment, loaded);
            Assert.Equal(DateTimeKind.Utc, loaded.SignedAt!.Value.Kind);
            Assert.Equal(commitment.Targets, loaded.Targets);
            Assert.Equal(96.25m, loaded.Targets.Single(t => t.Area == "8").Percent);
            var events = loaded.Events.OrderBy(e => e.At).ToList();
            Assert.Equal(5, events.Count);
            foreach (var (saved, read) in commitment.Events.OrderBy(e => e.At).Zip(events))
            {
                EntityAssert.AllMappedPropertiesEqual(db, saved, read);
            }

            Assert.Equal((ParCommitmentEventKind.Reopened, homeAffairs, "Ghi nhầm chỉ tiêu lĩnh vực 8"), (events[3].Kind, events[3].UserId, events[3].Reason));

            // One commitment per framework and unit.
            db.ParCommitments.Add(ParCommitment.Create(Guid.NewGuid(), framework, justice.Id, officer, At).Value);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }
}
