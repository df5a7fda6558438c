using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Persistence;

/// <summary>Round trips of a questionnaire version (questions as JSON), a campaign with its units and counts, an
/// invitation and a response on both databases; the store itself refuses a second invitation of a dossier in a
/// campaign and a second row with a token's hash.</summary>
public sealed class SurveyRoundTripTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Theory, AllDatabases]
    public async Task Survey_RoundTrips_AndInvitationsAreUnique(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân xã Mường Bú", null, UnitLevel.Commune, "000.00.61.H56", null, new DateOnly(2025, 7, 1));
        var questionnaire = Questionnaire.CreateDraft(Guid.NewGuid(), "SIPAS-XA", Content(), Now).Value;
        Assert.True(questionnaire.Publish(Now).IsSuccess);
        var spec = new SurveyCampaignSpec(2026, "SIPAS 2026 cấp xã", ProcedureLevel.Commune, new(new(2026, 1, 1), new(2026, 11, 30)),
            new(new(2026, 11, 1), new(2026, 12, 31)), [new SurveyUnitQuota(unit, 10)], IndexMethod: new SurveyIndexMethod(OverallIndexRule.Top2BoxOverallQuestion, FactorIndexRule.PooledAnswers, 3));
        var campaign = SurveyCampaign.Create(Guid.NewGuid(), spec, questionnaire, Now).Value;
        Assert.True(campaign.StartSampling(-42, Now).IsSuccess);
        var dossierId = Guid.NewGuid();
        var drawn = campaign.DrawSample([new SamplingCandidate(dossierId, unit.Id, new DateOnly(2026, 3, 2))]).Value.All.Single();
        var issued = SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn, Secret, new DateOnly(2026, 11, 24)).Value;
        Assert.True(campaign.StartCollecting(Now).IsSuccess);
        var input = new ResponseInput(
            [new AnswerInput("TT1", 4), new AnswerInput("HL", 5), new AnswerInput("GY", Text: "Cán bộ hướng dẫn tận tình, nhưng chỗ ngồi chờ còn thiếu.")],
            new RespondentProfile(AgeBand.From60, Gender.Female, EthnicMinority: true));
        var response = ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, questionnaire, issued.Invitation, input, new DateOnly(2026, 11, 25)).Value;
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.Add(unit);
            db.SurveyQuestionnaires.Add(questionnaire);
            db.SurveyCampaigns.Add(campaign);
            db.SurveyInvitations.Add(issued.Invitation);
            db.SurveyResponses.Add(response);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loadedQuestionnaire = await db.SurveyQuestionnaires.SingleAsync(q => q.Id == questionnaire.Id, ct);
            // A question's options are a list, which record equality compares by reference: compared by content here.
            Assert.Equal(
                (questionnaire.Code, questionnaire.Version, questionnaire.Title, questionnaire.MethodDecision, questionnaire.Status, questionnaire.CreatedAt,
                    questionnaire.PublishedAt, questionnaire.Revision, questionnaire.CopiedFromVersion),
                (loadedQuestionnaire.Code, loadedQuestionnaire.Version, loadedQuestionnaire.Title, loadedQuestionnaire.MethodDecision, loadedQuestionnaire.Status,
                    loadedQuestionnaire.CreatedAt, loadedQuestionnaire.PublishedAt, loadedQuestionnaire.Revision, loadedQuestionnaire.CopiedFromVersion));
            Assert.Equal(questionnaire.Demographics, loadedQuestionnaire.Demographics);
            Assert.Equal(questionnaire.Questions.Select(Flat), loadedQuestionnaire.Questions.Select(Flat));
            var loadedCampaign = await db.SurveyCampaigns.SingleAsync(c => c.Id == campaign.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, campaign, loadedCampaign);
            var loadedUnit = Assert.Single(loadedCampaign.Units);
            Assert.Equal((unit.Id, 10, 1, 0), (loadedUnit.UnitId, loadedUnit.Quota, loadedUnit.WebResponses, loadedUnit.PaperResponses));
            EntityAssert.AllMappedPropertiesEqual(db, issued.Invitation, await db.SurveyInvitations.SingleAsync(i => i.Id == issued.Invitation.Id, ct));
            var loadedResponse = await db.SurveyResponses.SingleAsync(r => r.Id == response.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, response, loadedResponse);
            Assert.Equal(response.Profile, loadedResponse.Profile);

            // The same dossier again in the campaign, and a copied token hash: both refused by unique indexes.
            var again = SurveyInvitation.Issue(Guid.NewGuid(), loadedCampaign, drawn, Secret, new DateOnly(2026, 11, 26)).Value;
            db.SurveyInvitations.Add(again.Invitation);
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
            Assert.True(DatabaseErrors.IsUniqueViolation(refused), refused.InnerException?.Message);
        }
    }

    private static string Flat(SurveyQuestion q) =>
        $"{q.Code}|{q.Factor}|{q.Kind}|{q.Text}|{q.Format}|{string.Join('/', q.Options)}|{q.Required}|{q.Order}";

    private static QuestionnaireContent Content() => new(
        "Phiếu khảo sát sự hài lòng năm 2026", "QĐ 1001/QĐ-BNV",
        [
            new("TT1", SurveyFactor.Procedure, QuestionKind.Satisfaction, "Ông/Bà hài lòng về thủ tục hành chính.", AnswerFormat.Likert5, 1),
            new("HL", SurveyFactor.Overall, QuestionKind.Overall, "Nhìn chung, Ông/Bà hài lòng về sự phục vụ.", AnswerFormat.Likert5, 2),
            new("MD1", SurveyFactor.Overall, QuestionKind.Expectation, "Cần ưu tiên cải thiện nội dung nào?", AnswerFormat.SingleChoice, 3, Required: false,
                Options: ["Thái độ phục vụ", "Thời gian giải quyết"]),
            new("GY", SurveyFactor.Overall, QuestionKind.Expectation, "Góp ý khác.", AnswerFormat.FreeText, 4, Required: false),
        ],
        [DemographicItem.AgeBand, DemographicItem.Gender, DemographicItem.EthnicMinority]);
}
