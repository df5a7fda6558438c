using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>A self-assessment, its entries (inputs, explanation, evidence) and its audit trail round-trip on both
/// databases; one assessment per (framework, unit).</summary>
public sealed class ParAssessmentPersistenceTests
{
    private static readonly DateTime At = new DateTime(2026, 11, 20, 2, 30, 15, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task ParAssessment_RoundTrips_WithEntriesAndAuditTrail(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var province = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var justice = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp", null, UnitLevel.ProvincialDepartment, "000.00.03.H56", province.Id, new DateOnly(2025, 7, 1));
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), province.Id, DemoParIndexSeeder.Load("framework-department-2026.json"), 1, At);
        Assert.True(framework.Issue("2712/QĐ-UBND", null, At).IsSuccess);
        var (officer, head) = (Guid.NewGuid(), Guid.NewGuid());
        var assessment = ParUnitAssessment.Create(Guid.NewGuid(), framework, justice.Id, officer, At).Value;
        var evidence = new ParEvidence[]
        {
            new(ParEvidenceKind.Document, new string('0', 63) + "f"), new(ParEvidenceKind.Dossier, Guid.NewGuid().ToString()),
            new(ParEvidenceKind.Url, "https://sonla.gov.vn/quyet-dinh/2712"),
        };
        Assert.True(assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a"]), null, evidence, null, officer, At).IsSuccess);
        Assert.True(assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b", "c"]), "Chưa bố trí kinh phí", evidence, "Bổ sung", officer, At.AddHours(1)).IsSuccess);
        Assert.True(assessment.Save(framework, "1.1.2", new ParScoreInput(NotApplicable: true), "Không áp dụng", [], null, officer, At).IsSuccess);
        Assert.True(assessment.Submit(framework, head, At.AddDays(1)).IsSuccess);
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.AddRange(province, justice);
            db.ParFrameworks.Add(framework);
            db.ParAssessments.Add(assessment);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.ParAssessments.Include(a => a.Changes).SingleAsync(a => a.Id == assessment.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, assessment, loaded);
            Assert.Equal(DateTimeKind.Utc, loaded.SubmittedAt!.Value.Kind);
            var entry = loaded.Items[0];
            Assert.Equal(("1.1.1", "Chưa bố trí kinh phí"), (entry.SubCriterion, entry.Explanation));
            Assert.Equal(["a", "b", "c"], entry.Input.CheckedRows!);
            Assert.Equal(evidence, entry.Evidence);
            Assert.True(loaded.Items[1].Input.NotApplicable);
            var changes = loaded.Changes.OrderBy(c => c.At).ThenBy(c => c.SubCriterion, StringComparer.Ordinal).ToList();
            Assert.Equal(3, changes.Count);
            foreach (var (saved, read) in assessment.Changes.OrderBy(c => c.At).ThenBy(c => c.SubCriterion, StringComparer.Ordinal).Zip(changes))
            {
                EntityAssert.AllMappedPropertiesEqual(db, saved, read);
            }

            Assert.Equal((0.25m, 0.75m, "Bổ sung"), (changes[2].OldPoints, changes[2].NewPoints, changes[2].Reason));
            Assert.Equal(assessment.Score(framework).Result!.Total, loaded.Score(framework).Result!.Total);

            // One assessment per framework and unit.
            db.ParAssessments.Add(ParUnitAssessment.Create(Guid.NewGuid(), framework, justice.Id, officer, At).Value);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }
}
