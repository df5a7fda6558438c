using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>A remediation plan, its items (actions, owner, deadline, status, evidence, notes) and its audit trail round-trip
/// on both databases; one plan per (framework, unit).</summary>
public sealed class ParRemediationPersistenceTests
{
    private static readonly DateTime At = new DateTime(2027, 4, 15, 2, 30, 15, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task ParRemediationPlan_RoundTrips_WithItemsAndAuditTrail(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var province = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var justice = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp", null, UnitLevel.ProvincialDepartment, "000.00.03.H56", province.Id, new DateOnly(2025, 7, 1));
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), province.Id, DemoParIndexSeeder.Load("framework-department-2026.json"), 1, At);
        Assert.True(framework.Issue("2712/QĐ-UBND", null, At).IsSuccess);
        var (officer, head, homeAffairs) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var assessment = ParUnitAssessment.Create(Guid.NewGuid(), framework, justice.Id, officer, At).Value;
        Assert.True(assessment.Submit(framework, head, At).IsSuccess);
        var plan = ParRemediationPlan.Generate(Guid.NewGuid(), framework, assessment, 0m, officer, At).Value;
        var code = plan.Items[0].Code;
        Assert.True(plan.SaveItem(code, new ParRemediationItemEdit("Ban hành kế hoạch CCHC trước 15/12", officer, new DateOnly(2027, 6, 30),
            ParRemediationItemStatus.Done, [new ParEvidence(ParEvidenceKind.Document, new string('b', 64)), new ParEvidence(ParEvidenceKind.Url, "https://sonla.gov.vn/kh/1")],
            "Đã trình UBND tỉnh"), officer, At.AddHours(1)).IsSuccess);
        Assert.True(plan.Comment("Đề nghị gửi bản ký số", code, homeAffairs, At.AddDays(1)).IsSuccess);
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.AddRange(province, justice);
            db.ParFrameworks.Add(framework);
            db.ParAssessments.Add(assessment);
            db.ParRemediationPlans.Add(plan);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.ParRemediationPlans.Include(p => p.Events).SingleAsync(p => p.Id == plan.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, plan, loaded);
            Assert.Equal(plan.Items, loaded.Items);
            var item = loaded.Items[0];
            Assert.Equal((new DateOnly(2027, 6, 30), ParRemediationItemStatus.Done, 2, DateTimeKind.Utc), (item.Deadline, item.Status, item.Evidence.Count, item.CompletedAt!.Value.Kind));
            var events = loaded.Events.OrderBy(e => e.At).ToList();
            Assert.Equal(3, events.Count);
            foreach (var (saved, read) in plan.Events.OrderBy(e => e.At).Zip(events))
            {
                EntityAssert.AllMappedPropertiesEqual(db, saved, read);
            }

            Assert.Equal((ParRemediationEventKind.Commented, homeAffairs, code, "Đề nghị gửi bản ký số"), (events[2].Kind, events[2].UserId, events[2].ItemCode, events[2].Text));

            // One plan per framework and unit.
            db.ParRemediationPlans.Add(ParRemediationPlan.Generate(Guid.NewGuid(), framework, assessment, 0m, officer, At).Value);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }
}
