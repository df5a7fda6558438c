using System.ComponentModel.DataAnnotations;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Surveys;

/// <summary>One question as sent: <c>factor</c> <c>AccessToService</c>, <c>Procedure</c>, <c>CivilServant</c>,
/// <c>ServiceResult</c>, <c>FeedbackHandling</c> or <c>Overall</c>; <c>kind</c> <c>Perception</c>, <c>Satisfaction</c>,
/// <c>Expectation</c> or <c>Overall</c>; <c>format</c> <c>Likert5</c>, <c>SingleChoice</c> (with <c>options</c>) or
/// <c>FreeText</c>; <c>order</c> from 1 (default: its position); <c>required</c> (default true).</summary>
public sealed record SurveyQuestionInput(
    [property: MaxLength(Questionnaire.MaxCodeLength)] string? Code,
    [property: MaxLength(AppDbContext.EnumMaxLength)] string? Factor,
    [property: MaxLength(AppDbContext.EnumMaxLength)] string? Kind,
    [property: MaxLength(Questionnaire.MaxQuestionTextLength)] string? Text,
    [property: MaxLength(AppDbContext.EnumMaxLength)] string? Format,
    int? Order = null,
    bool? Required = null,
    [property: MaxLength(Questionnaire.MaxOptions), EachMaxLength(Questionnaire.MaxOptionLength)] IReadOnlyList<string>? Options = null);

/// <summary>A new questionnaire (version 1, draft). <c>demographics</c>: any of <c>AgeBand</c>, <c>Gender</c>,
/// <c>EthnicMinority</c>, <c>Disability</c>.</summary>
public sealed record QuestionnaireDraftRequest(
    [property: MaxLength(Questionnaire.MaxCodeLength)] string? Code,
    [property: MaxLength(Questionnaire.MaxTitleLength)] string? Title,
    [property: MaxLength(Questionnaire.MaxMethodDecisionLength)] string? MethodDecision,
    [property: MaxLength(Questionnaire.MaxQuestions)] IReadOnlyList<SurveyQuestionInput>? Questions,
    [property: MaxLength(4), EachMaxLength(AppDbContext.EnumMaxLength)] IReadOnlyList<string>? Demographics = null);

/// <summary>A draft's new content, at the <c>revision</c> the caller read.</summary>
public sealed record QuestionnaireRevisionRequest(
    int? Revision,
    [property: MaxLength(Questionnaire.MaxTitleLength)] string? Title,
    [property: MaxLength(Questionnaire.MaxMethodDecisionLength)] string? MethodDecision,
    [property: MaxLength(Questionnaire.MaxQuestions)] IReadOnlyList<SurveyQuestionInput>? Questions,
    [property: MaxLength(4), EachMaxLength(AppDbContext.EnumMaxLength)] IReadOnlyList<string>? Demographics = null);

/// <summary>The revision the caller read, for publishing.</summary>
public sealed record QuestionnairePublishRequest(int? Revision);

public sealed record SurveyQuestionView(
    string Code, string Factor, string Kind, string Text, string Format, IReadOnlyList<string> Options, bool Required, int Order);

public sealed record QuestionnaireView(
    Guid Id, string Code, int Version, string Title, string MethodDecision, string Status, int? CopiedFromVersion, DateTime CreatedAt,
    DateTime? PublishedAt, int Revision, IReadOnlyList<SurveyQuestionView> Questions, IReadOnlyList<string> Demographics,
    IReadOnlyList<string> MeasuredFactors);

public sealed record QuestionnaireRow(Guid Id, string Code, int Version, string Title, string Status, DateTime CreatedAt, DateTime? PublishedAt);

internal static class QuestionnaireMapping
{
    public static QuestionnaireView ToView(Questionnaire q) => new(
        q.Id, q.Code, q.Version, q.Title, q.MethodDecision, q.Status.ToString(), q.CopiedFromVersion, q.CreatedAt, q.PublishedAt, q.Revision,
        [.. q.Questions.Select(ToView)], [.. q.Demographics.Select(d => d.ToString())], [.. q.MeasuredFactors.Select(f => f.ToString())]);

    public static SurveyQuestionView ToView(SurveyQuestion q) =>
        new(q.Code, q.Factor.ToString(), q.Kind.ToString(), q.Text, q.Format.ToString(), q.Options, q.Required, q.Order);

    public static QuestionnaireRow ToRow(Questionnaire q) => new(q.Id, q.Code, q.Version, q.Title, q.Status.ToString(), q.CreatedAt, q.PublishedAt);

    /// <summary>The domain's content, or the fields whose names do not parse; the domain checks everything else.</summary>
    public static MotCua.Domain.Common.Result<QuestionnaireContent> Content(
        string? title, string? methodDecision, IReadOnlyList<SurveyQuestionInput>? questions, IReadOnlyList<string>? demographics)
    {
        var errors = new Dictionary<string, FieldMessage[]>();
        var specs = new List<QuestionSpec>();
        foreach (var (input, i) in (questions ?? []).Select((q, i) => (q, i)))
        {
            var path = $"questions[{i}]";
            if (!SurveyInput.TryEnum<SurveyFactor>(input.Factor, out var factor))
            {
                errors[$"{path}.factor"] = [new FieldMessage("survey.factor_invalid", "Yếu tố: AccessToService, Procedure, CivilServant, ServiceResult, FeedbackHandling hoặc Overall.")];
            }

            if (!SurveyInput.TryEnum<QuestionKind>(input.Kind, out var kind))
            {
                errors[$"{path}.kind"] = [new FieldMessage("survey.question_kind_invalid", "Loại câu hỏi: Perception (nhận định), Satisfaction (sự hài lòng), Expectation (mong đợi) hoặc Overall (hài lòng chung).")];
            }

            if (!SurveyInput.TryEnum<AnswerFormat>(input.Format, out var format))
            {
                errors[$"{path}.format"] = [new FieldMessage("survey.answer_format_invalid", "Cách trả lời: Likert5 (thang 5 mức), SingleChoice (chọn một) hoặc FreeText (tự ghi).")];
            }

            specs.Add(new QuestionSpec(input.Code ?? "", factor, kind, input.Text ?? "", format, input.Order ?? i + 1, input.Required ?? true, input.Options));
        }

        var items = new List<DemographicItem>();
        foreach (var text in demographics ?? [])
        {
            if (SurveyInput.TryEnum<DemographicItem>(text, out var item))
            {
                items.Add(item);
            }
            else
            {
                errors["demographics"] = [new FieldMessage("survey.demographic_item_invalid", "Thông tin người trả lời: AgeBand, Gender, EthnicMinority hoặc Disability.")];
            }
        }

        return errors.Count > 0 ? new ValidationFailed(errors) : new QuestionnaireContent(title ?? "", methodDecision ?? "", specs, items);
    }
}
