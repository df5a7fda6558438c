using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>The appraisal round-trips on both databases: an assessment's appraised, answered and final inputs and its
/// staged audit trail, an area's assignment, an imported survey figure; one assignment per (framework, area).</summary>
public sealed class ParAppraisalPersistenceTests
{
    private static readonly DateTime At = new DateTime(2026, 12, 2, 2, 30, 15, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task Appraisal_RoundTrips_WithStagesAssignmentsAndSurveyFigures(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var province = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var justice = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp", null, UnitLevel.ProvincialDepartment, "000.00.03.H56", province.Id, new DateOnly(2025, 7, 1));
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), province.Id, DemoParIndexSeeder.Load("framework-department-2026.json"), 1, At);
        Assert.True(framework.Issue("2712/QĐ-UBND", null, At).IsSuccess);
        var (officer, head, appraiser, chair) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var evidence = new ParEvidence(ParEvidenceKind.Url, "https://sonla.gov.vn/quyet-dinh/12");
        var a = ParUnitAssessment.Create(Guid.NewGuid(), framework, justice.Id, officer, At).Value;
        Assert.True(a.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b", "c", "d"]), null, [evidence], null, officer, At).IsSuccess);
        Assert.True(a.Submit(framework, head, At).IsSuccess);
        Assert.True(a.Appraise(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b"]), "Thiếu kinh phí", appraiser, At).IsSuccess);
        Assert.True(a.MergeSurvey(framework, "8.2.1", 4.2m, "Điều tra XHH 2026", chair, At).IsSuccess);
        Assert.True(a.SendForClarification(chair, At.AddHours(1)).IsSuccess);
        Assert.True(a.Answer(framework, "1.1.1", "Đã bố trí kinh phí", [evidence], new ParScoreInput(CheckedRows: ["a", "b", "d"]), officer, At.AddHours(2)).IsSuccess);
        Assert.True(a.SubmitAnswer(head, At.AddHours(3)).IsSuccess);
        Assert.True(a.Decide(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b", "d"]), "Chấp nhận", chair, At.AddHours(4)).IsSuccess);
        Assert.True(a.Finalise(framework, chair, At.AddHours(5)).IsSuccess);
        Assert.True(a.Reopen("Sửa nhầm", chair, At.AddHours(6)).IsSuccess);
        var assignment = ParAppraisalAssignment.Create(Guid.NewGuid(), framework, "1", ParAppraisalKind.Council, [appraiser, chair], chair, chair, At).Value;
        var figure = ParSurveyFigure.Create(Guid.NewGuid(), framework, justice.Id, "8.2.1", 4.2m, "Điều tra XHH 2026", chair, At).Value;
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.AddRange(province, justice);
            db.ParFrameworks.Add(framework);
            db.ParAssessments.Add(a);
            db.ParAppraisalAssignments.Add(assignment);
            db.ParSurveyFigures.Add(figure);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.ParAssessments.Include(x => x.Changes).SingleAsync(x => x.Id == a.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, a, loaded);
            Assert.Equal(a.Items, loaded.Items);
            var entry = loaded.Items.Single(i => i.SubCriterion == "1.1.1");
            Assert.Equal(("Thiếu kinh phí", "Đã bố trí kinh phí", "Chấp nhận"), (entry.Appraised!.Reason, entry.Answer!.Text, entry.Council!.Reason));
            Assert.Equal(["a", "b", "d"], entry.Answer.Proposed!.CheckedRows!);
            Assert.Equal("Điều tra XHH 2026", loaded.Items.Single(i => i.SubCriterion == "8.2.1").Appraised!.Source);
            Assert.Equal(a.ScoreFinal(framework).Result!.Total, loaded.ScoreFinal(framework).Result!.Total);
            var stages = loaded.Changes.OrderBy(c => c.At).ThenBy(c => c.Stage).Select(c => c.Stage).ToList();
            Assert.Equal([ParChangeStage.Self, ParChangeStage.Appraisal, ParChangeStage.Appraisal, ParChangeStage.Clarification, ParChangeStage.Council,
                ParChangeStage.Reopen], stages);
            foreach (var (saved, read) in a.Changes.OrderBy(c => c.Id).Zip(loaded.Changes.OrderBy(c => c.Id)))
            {
                EntityAssert.AllMappedPropertiesEqual(db, saved, read);
            }

            EntityAssert.AllMappedPropertiesEqual(db, assignment, await db.ParAppraisalAssignments.SingleAsync(ct));
            EntityAssert.AllMappedPropertiesEqual(db, figure, await db.ParSurveyFigures.SingleAsync(ct));

            // One assignment per framework and area.
            db.ParAppraisalAssignments.Add(ParAppraisalAssignment.Create(Guid.NewGuid(), framework, "1", ParAppraisalKind.Appraisers, [appraiser], null, chair, At).Value);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }
}
