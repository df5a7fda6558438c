using MotCua.Domain.Catalogue;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Domain.Units;
using static MotCua.Domain.Feedback.Surveys.AnswerFormat;
using static MotCua.Domain.Feedback.Surveys.QuestionKind;
using static MotCua.Domain.Feedback.Surveys.SurveyFactor;

namespace MotCua.Domain.Tests.Feedback.Surveys;

/// <summary>Questionnaires, units and campaigns in a known state, for the SIPAS tests.</summary>
internal static class SurveyFixture
{
    public static readonly DateTime Now = new(2026, 9, 1, 2, 0, 0, DateTimeKind.Utc);

    public static readonly SurveyPeriod Served = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 8, 31));

    public static readonly SurveyPeriod Collection = new(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31));

    public static readonly DateOnly CollectionDay = new(2026, 9, 15);

    public static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static int _unitNumber;

    /// <summary>A full questionnaire: every question kind and format, the five factors, an overall question and the
    /// four demographic items.</summary>
    public static QuestionnaireContent FullContent() => new(
        "Phiếu khảo sát sự hài lòng về sự phục vụ hành chính năm 2026", "QĐ 1001/QĐ-BNV",
        [
            new("TC1", AccessToService, Perception, "Nơi ngồi chờ có đủ chỗ ngồi.", SingleChoice, 1, Options: ["Có", "Không"]),
            new("TC2", AccessToService, Satisfaction, "Ông/Bà hài lòng về việc tiếp cận dịch vụ.", Likert5, 2),
            new("TT1", SurveyFactor.Procedure, Satisfaction, "Ông/Bà hài lòng về thủ tục hành chính.", Likert5, 3),
            new("CC1", CivilServant, Satisfaction, "Ông/Bà hài lòng về công chức giải quyết hồ sơ.", Likert5, 4),
            new("KQ1", ServiceResult, Satisfaction, "Ông/Bà hài lòng về kết quả nhận được.", Likert5, 5),
            new("PA1", FeedbackHandling, Satisfaction, "Ông/Bà hài lòng về việc giải quyết góp ý, phản ánh.", Likert5, 6, Required: false),
            new("HL", SurveyFactor.Overall, QuestionKind.Overall, "Nhìn chung, Ông/Bà hài lòng về sự phục vụ.", Likert5, 7),
            new("MD1", SurveyFactor.Overall, Expectation, "Cơ quan cần ưu tiên cải thiện nội dung nào?", SingleChoice, 8, Required: false,
                Options: ["Thái độ phục vụ", "Thời gian giải quyết", "Công khai thông tin"]),
            new("GY", SurveyFactor.Overall, Expectation, "Góp ý khác của Ông/Bà.", FreeText, 9, Required: false),
        ],
        [DemographicItem.AgeBand, DemographicItem.Gender, DemographicItem.EthnicMinority, DemographicItem.Disability]);

    /// <summary>The questionnaire of the index tests: Procedure with two satisfaction questions (TT2 optional), the
    /// civil servant with one, the overall question, gender asked.</summary>
    public static QuestionnaireContent IndexContent() => new(
        "Phiếu khảo sát", "QĐ 1001/QĐ-BNV",
        [
            new("TT1", SurveyFactor.Procedure, Satisfaction, "Hài lòng về thủ tục.", Likert5, 1),
            new("TT2", SurveyFactor.Procedure, Satisfaction, "Hài lòng về phí, lệ phí.", Likert5, 2, Required: false),
            new("CC1", CivilServant, Satisfaction, "Hài lòng về công chức.", Likert5, 3),
            new("HL", SurveyFactor.Overall, QuestionKind.Overall, "Hài lòng chung.", Likert5, 4),
        ],
        [DemographicItem.Gender]);

    public static Questionnaire Draft(QuestionnaireContent? content = null, string code = "SIPAS-XA")
    {
        var draft = Questionnaire.CreateDraft(Guid.NewGuid(), code, content ?? FullContent(), Now);
        Assert.True(draft.IsSuccess, draft.IsFailure ? draft.Error.Message : null);
        return draft.Value;
    }

    public static Questionnaire Published(QuestionnaireContent? content = null)
    {
        var questionnaire = Draft(content);
        Assert.True(questionnaire.Publish(Now).IsSuccess);
        return questionnaire;
    }

    /// <summary>A commune People's Committee existing since the 2025 reform, with a fresh identifier code.</summary>
    public static OrganisationalUnit Commune(string name = "Ủy ban nhân dân xã Mai Sơn") =>
        OrganisationalUnit.Create(Guid.NewGuid(), name, null, UnitLevel.Commune,
            $"000.{Interlocked.Increment(ref _unitNumber) % 100:00}.21.H56", null, new DateOnly(2025, 7, 1));

    public static SurveyCampaignSpec Spec(IReadOnlyList<SurveyUnitQuota> units, SurveyIndexMethod? method = null) =>
        new(2026, "SIPAS 2026 cấp xã", ProcedureLevel.Commune, Served, Collection, units, IndexMethod: method);

    public static SurveyCampaign Campaign(
        Questionnaire questionnaire, SurveyCampaignStatus status, SurveyIndexMethod? method = null, params SurveyUnitQuota[] units)
    {
        var scope = units.Length > 0 ? units : [new SurveyUnitQuota(Commune(), 10)];
        var created = SurveyCampaign.Create(Guid.NewGuid(), Spec(scope, method), questionnaire, Now);
        Assert.True(created.IsSuccess, created.IsFailure ? created.Error.Message : null);
        var campaign = created.Value;
        if (status >= SurveyCampaignStatus.Sampling)
        {
            Assert.True(campaign.StartSampling(20260901, Now).IsSuccess);
        }

        if (status >= SurveyCampaignStatus.Collecting)
        {
            Assert.True(campaign.StartCollecting(Now).IsSuccess);
        }

        if (status >= SurveyCampaignStatus.Closed)
        {
            Assert.True(campaign.Close(Now).IsSuccess);
        }

        if (status >= SurveyCampaignStatus.Published)
        {
            Assert.True(campaign.Publish(Now).IsSuccess);
        }

        Assert.Equal(status, campaign.Status);
        return campaign;
    }
}
