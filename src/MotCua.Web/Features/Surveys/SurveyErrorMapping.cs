using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Surveys;

/// <summary>Where the survey domain's errors land in HTTP: what the caller typed wrong is 400 with the field named
/// (answers by question code, so a form can show the message beside its question); a state or quota rule stays 422; a
/// used invitation is 409 and an unknown one 404 (<see cref="ErrorMapping"/>).</summary>
internal static class SurveyErrorMapping
{
    public static Error ForApi(Error error) => error switch
    {
        QuestionnaireInvalid invalid => ValidationFailed.One(invalid.Field, FieldMessage.From(error)),
        CampaignInvalid invalid => ValidationFailed.One(invalid.Field, FieldMessage.From(error)),
        DuplicateQuestionCode or FactorWithoutSatisfactionQuestion or TooManyOverallQuestions => ValidationFailed.One("questions", FieldMessage.From(error)),
        OverallQuestionMissing => ValidationFailed.One("indexMethod.overall", FieldMessage.From(error)),
        UnknownQuestion unknown => ValidationFailed.One(AnswerField(unknown.QuestionCode), FieldMessage.From(error)),
        AnswerRequired required => ValidationFailed.One(AnswerField(required.QuestionCode), FieldMessage.From(error)),
        AnswerOutOfRange range => ValidationFailed.One(AnswerField(range.QuestionCode), FieldMessage.From(error)),
        AnswerInvalid invalid => ValidationFailed.One(AnswerField(invalid.QuestionCode), FieldMessage.From(error)),
        ResponseEmpty => ValidationFailed.One("answers", FieldMessage.From(error)),
        DemographicInvalid => ValidationFailed.One("respondent", FieldMessage.From(error)),
        _ => error,
    };

    /// <summary>The field name of the answer to <paramref name="questionCode"/>.</summary>
    public static string AnswerField(string questionCode) => $"answers.{questionCode}";
}
