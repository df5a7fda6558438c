using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence.Seeding.Dossiers;

namespace MotCua.Persistence.Seeding;

/// <summary>
/// The demo preset's SIPAS questionnaire (domain.md §9.1), published, so that a newcomer signed in as <c>noivu@</c> can
/// create a campaign at once. It asks about the five factors of the 2017 Đề án (QĐ 2640/QĐ-BNV): access to the service,
/// the administrative procedure, the civil servants, the result, and the receiving and handling of feedback; each with
/// statements (perceptions) and satisfaction questions on the five-point scale, then one overall question, what to
/// improve first, and the optional items about the respondent. The wording follows the published sheets' pattern; it
/// is demo content, not the text of QĐ 1001/QĐ-BNV (which was not found, domain.md §9.1). Built through the domain, so
/// it passes the same rules as one written on the editor page. Idempotent: skipped when the code exists.
/// </summary>
public static class DemoSurveySeeder
{
    /// <summary>The demo questionnaire's code.</summary>
    public const string Code = "SIPAS-SONLA";

    /// <summary>Its version 1.</summary>
    public static Guid QuestionnaireId { get; } = DeterministicGuid.Create($"demo-questionnaire:{Code}:1");

    /// <summary>Seeds the questionnaire unless its code exists; returns how many versions were added (0 or 1).</summary>
    public static async Task<int> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.SurveyQuestionnaires.AnyAsync(q => q.Code == Code, ct))
        {
            return 0;
        }

        // Published a few weeks before the demo's "today", as Home Affairs would before the year's campaign.
        var publishedAt = DemoDossierSeeder.TodayUtc.AddDays(-20);
        var draft = Questionnaire.CreateDraft(QuestionnaireId, Code, Content, publishedAt.AddDays(-3));
        if (draft.IsFailure)
        {
            throw new InvalidOperationException("The demo questionnaire breaks a questionnaire rule: " + draft.Error.Message);
        }

        var questionnaire = draft.Value;
        questionnaire.Publish(publishedAt);
        db.SurveyQuestionnaires.Add(questionnaire);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return 1;
    }

    private static readonly string[] YesNo = ["Có", "Không"];

    /// <summary>The questionnaire's content.</summary>
    public static QuestionnaireContent Content { get; } = new(
        "Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước tỉnh Sơn La",
        "Đề án QĐ 2640/QĐ-BNV (5 yếu tố); QĐ 1001/QĐ-BNV",
        [
            // 1. Tiếp cận dịch vụ
            new("TC1", SurveyFactor.AccessToService, QuestionKind.Perception,
                "Nơi tiếp nhận hồ sơ có đủ chỗ ngồi chờ và trang thiết bị phục vụ người dân (bàn viết, máy tra cứu, nước uống)?",
                AnswerFormat.SingleChoice, 1, Options: YesNo),
            new("TC2", SurveyFactor.AccessToService, QuestionKind.Satisfaction,
                "Ông/Bà hài lòng thế nào về nơi ngồi chờ và trang thiết bị phục vụ tại nơi giải quyết thủ tục hành chính?",
                AnswerFormat.Likert5, 2),
            new("TC3", SurveyFactor.AccessToService, QuestionKind.Satisfaction,
                "Ông/Bà hài lòng thế nào về việc tìm hiểu thông tin thủ tục hành chính (niêm yết tại nơi tiếp nhận, Cổng dịch vụ công)?",
                AnswerFormat.Likert5, 3),

            // 2. Thủ tục hành chính
            new("TT1", SurveyFactor.Procedure, QuestionKind.Perception,
                "Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác (thành phần hồ sơ, phí, lệ phí, thời hạn giải quyết)?",
                AnswerFormat.SingleChoice, 4, Options: YesNo),
            new("TT2", SurveyFactor.Procedure, QuestionKind.Satisfaction,
                "Ông/Bà hài lòng thế nào về thành phần hồ sơ phải nộp?", AnswerFormat.Likert5, 5),
            new("TT3", SurveyFactor.Procedure, QuestionKind.Satisfaction,
                "Ông/Bà hài lòng thế nào về mức phí, lệ phí phải nộp?", AnswerFormat.Likert5, 6),
            new("TT4", SurveyFactor.Procedure, QuestionKind.Satisfaction,
                "Ông/Bà hài lòng thế nào về thời hạn giải quyết theo quy định?", AnswerFormat.Likert5, 7),

            // 3. Công chức trực tiếp giải quyết công việc
            new("CC1", SurveyFactor.CivilServant, QuestionKind.Perception,
                "Công chức có gây phiền hà, sách nhiễu hoặc yêu cầu thêm giấy tờ ngoài quy định không?",
                AnswerFormat.SingleChoice, 8, Options: ["Không", "Có"]),
            new("CC2", SurveyFactor.CivilServant, QuestionKind.Satisfaction,
                "Ông/Bà hài lòng thế nào về thái độ giao tiếp, tinh thần phục vụ của công chức?", AnswerFormat.Likert5, 9),
            new("CC3", SurveyFactor.CivilServant, QuestionKind.Satisfaction,
                "Ông/Bà hài lòng thế nào về việc công chức hướng dẫn kê khai, bổ sung hồ sơ đầy đủ, dễ hiểu, một lần?",
                AnswerFormat.Likert5, 10),

            // 4. Kết quả dịch vụ
            new("KQ1", SurveyFactor.ServiceResult, QuestionKind.Perception,
                "Ông/Bà nhận được kết quả đúng hẹn?", AnswerFormat.SingleChoice, 11, Options: ["Đúng hoặc sớm hơn hẹn", "Trễ hẹn"]),
            new("KQ2", SurveyFactor.ServiceResult, QuestionKind.Satisfaction,
                "Ông/Bà hài lòng thế nào về kết quả nhận được (đúng quy định, thông tin đầy đủ, chính xác)?", AnswerFormat.Likert5, 12),

            // 5. Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị
            new("PA1", SurveyFactor.FeedbackHandling, QuestionKind.Perception,
                "Ông/Bà có góp ý, phản ánh, kiến nghị trong quá trình giải quyết hồ sơ không?",
                AnswerFormat.SingleChoice, 13, Options: YesNo),
            new("PA2", SurveyFactor.FeedbackHandling, QuestionKind.Satisfaction,
                "Nếu có: Ông/Bà hài lòng thế nào về việc tiếp nhận, xử lý và trả lời góp ý, phản ánh, kiến nghị?",
                AnswerFormat.Likert5, 14, Required: false),

            // Hài lòng chung và mong đợi
            new("HL", SurveyFactor.Overall, QuestionKind.Overall,
                "Nhìn chung, Ông/Bà hài lòng thế nào về sự phục vụ của cơ quan hành chính nhà nước?", AnswerFormat.Likert5, 15),
            new("MD1", SurveyFactor.Overall, QuestionKind.Expectation,
                "Theo Ông/Bà, cơ quan cần ưu tiên cải thiện nội dung nào nhất?", AnswerFormat.SingleChoice, 16, Required: false,
                Options:
                [
                    "Mở rộng dịch vụ công trực tuyến",
                    "Giảm thành phần hồ sơ, giấy tờ",
                    "Rút ngắn thời gian giải quyết",
                    "Nâng cao thái độ phục vụ của công chức",
                    "Cải thiện nơi tiếp nhận, trả kết quả",
                ]),
            new("MD2", SurveyFactor.Overall, QuestionKind.Expectation,
                "Ý kiến khác của Ông/Bà để cơ quan phục vụ tốt hơn (nếu có).", AnswerFormat.FreeText, 17, Required: false),
        ],
        [DemographicItem.AgeBand, DemographicItem.Gender, DemographicItem.EthnicMinority, DemographicItem.Disability]);
}
