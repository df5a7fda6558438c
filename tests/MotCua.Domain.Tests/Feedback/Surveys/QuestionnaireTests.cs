using MotCua.Domain.Feedback.Surveys;
using static MotCua.Domain.Feedback.Surveys.AnswerFormat;
using static MotCua.Domain.Feedback.Surveys.QuestionKind;
using static MotCua.Domain.Feedback.Surveys.SurveyFactor;

namespace MotCua.Domain.Tests.Feedback.Surveys;

/// <summary>SIPAS questionnaire versions (domain.md §9.1): content rules, and versioning (a published version is
/// immutable; a change is a new draft copied from it).</summary>
public sealed class QuestionnaireTests
{
    [Fact]
    public void CreateDraft_FullContent_KeepsQuestionsInOrderAndTheMeasuredFactors()
    {
        var questionnaire = SurveyFixture.Draft();

        Assert.Equal(1, questionnaire.Version);
        Assert.Equal(QuestionnaireStatus.Draft, questionnaire.Status);
        Assert.Equal("QĐ 1001/QĐ-BNV", questionnaire.MethodDecision);
        Assert.Equal(["TC1", "TC2", "TT1", "CC1", "KQ1", "PA1", "HL", "MD1", "GY"], questionnaire.Questions.Select(q => q.Code));
        Assert.Equal(SurveyFactors.Measured, questionnaire.MeasuredFactors);
        Assert.Equal("HL", questionnaire.OverallQuestion?.Code);
        Assert.Equal(["Có", "Không"], questionnaire.Find("tc1")!.Options);
        Assert.Empty(questionnaire.Find("TC2")!.Options);
        Assert.Equal(5, questionnaire.Find("TC2")!.MaxValue);
        Assert.Equal(3, questionnaire.Find("MD1")!.MaxValue);
        Assert.Null(questionnaire.Find("GY")!.MaxValue);
    }

    [Fact]
    public void CreateDraft_QuestionsGivenOutOfOrder_AreSortedByOrderAndTrimmed()
    {
        var content = new QuestionnaireContent("  Phiếu  ", " QĐ 12/QĐ-UBND ",
        [
            new("B", CivilServant, Satisfaction, " Câu hai ", Likert5, 2),
            new(" A ", CivilServant, Perception, "Câu một", SingleChoice, 1, Options: [" Có ", "Không"]),
        ]);

        var questionnaire = SurveyFixture.Draft(content);

        Assert.Equal("Phiếu", questionnaire.Title);
        Assert.Equal("QĐ 12/QĐ-UBND", questionnaire.MethodDecision);
        Assert.Equal(["A", "B"], questionnaire.Questions.Select(q => q.Code));
        Assert.Equal("Câu hai", questionnaire.Questions[1].Text);
        Assert.Equal(["Có", "Không"], questionnaire.Questions[0].Options);
        Assert.Equal([CivilServant], questionnaire.MeasuredFactors);
        Assert.Null(questionnaire.OverallQuestion);
    }

    [Fact]
    public void CreateDraft_DuplicateQuestionCode_IsRefusedEvenByCase()
    {
        var content = Content(
            new QuestionSpec("CC1", CivilServant, Satisfaction, "Một", Likert5, 1),
            new QuestionSpec("cc1", CivilServant, Satisfaction, "Hai", Likert5, 2));

        var result = Questionnaire.CreateDraft(Guid.NewGuid(), "SIPAS", content, SurveyFixture.Now);

        var error = Assert.IsType<DuplicateQuestionCode>(result.Error);
        Assert.Equal("survey.duplicate_question_code", error.Code);
    }

    [Fact]
    public void CreateDraft_FactorAskedWithoutSatisfactionQuestion_IsRefused()
    {
        var content = Content(
            new QuestionSpec("CC1", CivilServant, Satisfaction, "Hài lòng về công chức", Likert5, 1),
            new QuestionSpec("TC1", AccessToService, Perception, "Có chỗ ngồi chờ", SingleChoice, 2, Options: ["Có", "Không"]));

        var result = Questionnaire.CreateDraft(Guid.NewGuid(), "SIPAS", content, SurveyFixture.Now);

        var error = Assert.IsType<FactorWithoutSatisfactionQuestion>(result.Error);
        Assert.Equal(AccessToService, error.Factor);
        Assert.Equal("survey.factor_without_satisfaction", error.Code);
        Assert.Contains("Tiếp cận dịch vụ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateDraft_TwoOverallQuestions_AreRefused_NoneIsAllowed()
    {
        var two = Content(
            new QuestionSpec("CC1", CivilServant, Satisfaction, "Công chức", Likert5, 1),
            new QuestionSpec("HL1", SurveyFactor.Overall, QuestionKind.Overall, "Hài lòng chung", Likert5, 2),
            new QuestionSpec("HL2", SurveyFactor.Overall, QuestionKind.Overall, "Hài lòng chung nữa", Likert5, 3));

        var result = Questionnaire.CreateDraft(Guid.NewGuid(), "SIPAS", two, SurveyFixture.Now);

        Assert.Equal(2, Assert.IsType<TooManyOverallQuestions>(result.Error).Count);
        Assert.True(Questionnaire.CreateDraft(Guid.NewGuid(), "SIPAS", Content(two.Questions[0]), SurveyFixture.Now).IsSuccess);
    }

    [Fact]
    public void CreateDraft_NoSatisfactionQuestionAtAll_IsRefused()
    {
        var content = Content(new QuestionSpec("HL", SurveyFactor.Overall, QuestionKind.Overall, "Hài lòng chung", Likert5, 1));

        var result = Questionnaire.CreateDraft(Guid.NewGuid(), "SIPAS", content, SurveyFixture.Now);

        Assert.Equal("questions", Assert.IsType<QuestionnaireInvalid>(result.Error).Field);
    }

    public static TheoryData<QuestionSpec, string> BadQuestions() => new()
    {
        { new("CC 1", CivilServant, Satisfaction, "Công chức", Likert5, 1), "questions[0].code" },
        { new("", CivilServant, Satisfaction, "Công chức", Likert5, 1), "questions[0].code" },
        { new(new string('C', Questionnaire.MaxCodeLength + 1), CivilServant, Satisfaction, "Công chức", Likert5, 1), "questions[0].code" },
        { new("CC1", CivilServant, Satisfaction, "   ", Likert5, 1), "questions[0].text" },
        { new("CC1", CivilServant, Satisfaction, new string('a', Questionnaire.MaxQuestionTextLength + 1), Likert5, 1), "questions[0].text" },
        { new("CC1", CivilServant, Satisfaction, "Công\u0000chức", Likert5, 1), "questions[0].text" },
        { new("CC1", CivilServant, Satisfaction, "Công chức", Likert5, 0), "questions[0].order" },
        { new("CC1", (SurveyFactor)9, Satisfaction, "Công chức", Likert5, 1), "questions[0]" },
        { new("CC1", CivilServant, Satisfaction, "Công chức", SingleChoice, 1, Options: ["Có", "Không"]), "questions[0]" },
        { new("CC1", CivilServant, QuestionKind.Overall, "Hài lòng chung", Likert5, 1), "questions[0]" },
        { new("CC1", SurveyFactor.Overall, Satisfaction, "Hài lòng", Likert5, 1), "questions[0]" },
        { new("CC1", CivilServant, Perception, "Nhận định", FreeText, 1), "questions[0]" },
        { new("CC1", CivilServant, Expectation, "Mong đợi", Likert5, 1), "questions[0]" },
        { new("CC1", CivilServant, Satisfaction, "Công chức", Likert5, 1, Options: ["Có", "Không"]), "questions[0].options" },
        { new("CC1", CivilServant, Perception, "Nhận định", SingleChoice, 1, Options: ["Có"]), "questions[0].options" },
        { new("CC1", CivilServant, Perception, "Nhận định", SingleChoice, 1, Options: ["Có", "có"]), "questions[0].options[1]" },
        { new("CC1", CivilServant, Perception, "Nhận định", SingleChoice, 1, Options: ["Có", " "]), "questions[0].options[1]" },
    };

    [Theory, MemberData(nameof(BadQuestions))]
    public void CreateDraft_BadQuestion_IsRefusedNamingTheField(QuestionSpec bad, string field)
    {
        // A valid civil-servant question keeps the coverage rule out of the way.
        var content = Content(bad, new QuestionSpec("ZZ", CivilServant, Satisfaction, "Hài lòng", Likert5, 99));

        var result = Questionnaire.CreateDraft(Guid.NewGuid(), "SIPAS", content, SurveyFixture.Now);

        var error = Assert.IsType<QuestionnaireInvalid>(result.Error);
        Assert.Equal(field, error.Field);
        Assert.Equal("survey.questionnaire_invalid", error.Code);
    }

    [Fact]
    public void CreateDraft_BadHeaderFields_AreRefused()
    {
        var valid = SurveyFixture.FullContent();

        Assert.Equal("code", Invalid(Questionnaire.CreateDraft(Guid.NewGuid(), "SIPAS XÃ", valid, SurveyFixture.Now)));
        Assert.Equal("title", Invalid(Questionnaire.CreateDraft(Guid.NewGuid(), "S", valid with { Title = " " }, SurveyFixture.Now)));
        Assert.Equal("methodDecision", Invalid(Questionnaire.CreateDraft(
            Guid.NewGuid(), "S", valid with { MethodDecision = new string('x', Questionnaire.MaxMethodDecisionLength + 1) }, SurveyFixture.Now)));
        Assert.Equal("questions", Invalid(Questionnaire.CreateDraft(Guid.NewGuid(), "S", valid with { Questions = [] }, SurveyFixture.Now)));
        Assert.Equal("demographics", Invalid(Questionnaire.CreateDraft(
            Guid.NewGuid(), "S", valid with { Demographics = [DemographicItem.Gender, DemographicItem.Gender] }, SurveyFixture.Now)));
        Assert.Equal("questions[1].order", Invalid(Questionnaire.CreateDraft(Guid.NewGuid(), "S", Content(
            new QuestionSpec("A", CivilServant, Satisfaction, "Một", Likert5, 1),
            new QuestionSpec("B", CivilServant, Satisfaction, "Hai", Likert5, 1)), SurveyFixture.Now)));
    }

    [Fact]
    public void Revise_Draft_ReplacesContent_PublishedIsImmutable()
    {
        var questionnaire = SurveyFixture.Draft();
        var revised = questionnaire.Revise(SurveyFixture.IndexContent());
        Assert.True(revised.IsSuccess);
        Assert.Equal(["TT1", "TT2", "CC1", "HL"], questionnaire.Questions.Select(q => q.Code));
        Assert.Equal(1, questionnaire.Revision);

        Assert.True(questionnaire.Publish(SurveyFixture.Now).IsSuccess);
        Assert.Equal(SurveyFixture.Now, questionnaire.PublishedAt);

        var again = questionnaire.Revise(SurveyFixture.FullContent());
        var error = Assert.IsType<QuestionnaireAlreadyPublished>(again.Error);
        Assert.Equal("survey.questionnaire_published", error.Code);
        Assert.Equal(["TT1", "TT2", "CC1", "HL"], questionnaire.Questions.Select(q => q.Code));
        Assert.IsType<QuestionnaireAlreadyPublished>(questionnaire.Publish(SurveyFixture.Now).Error);
    }

    [Fact]
    public void Revise_InvalidContent_LeavesTheDraftUnchanged()
    {
        var questionnaire = SurveyFixture.Draft();

        var result = questionnaire.Revise(SurveyFixture.FullContent() with { Title = "" });

        Assert.True(result.IsFailure);
        Assert.Equal(9, questionnaire.Questions.Count);
        Assert.Equal(0, questionnaire.Revision);
    }

    [Fact]
    public void NewDraftVersion_FromPublished_CopiesEverythingWithTheNextNumber_AndLeavesTheOriginalAlone()
    {
        var v1 = SurveyFixture.Published();

        var v2 = v1.NewDraftVersion(Guid.NewGuid(), latestVersion: 1, SurveyFixture.Now).Value;

        Assert.Equal(v1.Code, v2.Code);
        Assert.Equal(2, v2.Version);
        Assert.Equal(1, v2.CopiedFromVersion);
        Assert.Equal(QuestionnaireStatus.Draft, v2.Status);
        Assert.Null(v2.PublishedAt);
        Assert.Equal(v1.Questions, v2.Questions);
        Assert.Equal(v1.Demographics, v2.Demographics);
        Assert.Equal(v1.MethodDecision, v2.MethodDecision);

        var edited = v2.ToContent() with { Questions = [.. v2.ToContent().Questions.Where(q => q.Code != "GY")] };
        Assert.True(v2.Revise(edited).IsSuccess);

        Assert.Equal(8, v2.Questions.Count);
        Assert.Equal(9, v1.Questions.Count);
        Assert.Equal(QuestionnaireStatus.Published, v1.Status);
    }

    [Fact]
    public void NewDraftVersion_FromAnOlderVersion_TakesTheNumberAfterTheLatest_AndNeedsAPublishedSource()
    {
        var v1 = SurveyFixture.Published();

        Assert.Equal(4, v1.NewDraftVersion(Guid.NewGuid(), latestVersion: 3, SurveyFixture.Now).Value.Version);
        Assert.Throws<ArgumentOutOfRangeException>(() => v1.NewDraftVersion(Guid.NewGuid(), latestVersion: 0, SurveyFixture.Now));

        var draft = SurveyFixture.Draft();
        var error = Assert.IsType<QuestionnaireNotPublished>(draft.NewDraftVersion(Guid.NewGuid(), 1, SurveyFixture.Now).Error);
        Assert.Equal("survey.questionnaire_not_published", error.Code);
    }

    [Fact]
    public void LikertScale_LabelsAreTheVietnameseFivePointScale_TopTwoBoxFrom4()
    {
        Assert.Equal("Rất không hài lòng", LikertScale.Label(1));
        Assert.Equal("Bình thường", LikertScale.Label(3));
        Assert.Equal("Rất hài lòng", LikertScale.Label(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => LikertScale.Label(6));
        Assert.False(LikertScale.IsSatisfied(3));
        Assert.True(LikertScale.IsSatisfied(4));
    }

    private static QuestionnaireContent Content(params QuestionSpec[] questions) => new("Phiếu", "QĐ 1001/QĐ-BNV", questions);

    private static string Invalid(MotCua.Domain.Common.Result<Questionnaire> result) =>
        Assert.IsType<QuestionnaireInvalid>(result.Error).Field;
}
