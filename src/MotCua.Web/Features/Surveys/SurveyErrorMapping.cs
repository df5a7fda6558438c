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
        QuestionnaireInvalid invalid => ValidationFailed.One(invalid.Field, error.Message),
        CampaignInvalid invalid => ValidationFailed.One(invalid.Field, error.Message),
        DuplicateQuestionCode or FactorWithoutSatisfactionQuestion or TooManyOverallQuestions => ValidationFailed.One("questions", error.Message),
        OverallQuestionMissing => ValidationFailed.One("indexMethod.overall", error.Message),
        UnknownQuestion unknown => ValidationFailed.One(AnswerField(unknown.QuestionCode), error.Message),
        AnswerRequired required => ValidationFailed.One(AnswerField(required.QuestionCode), error.Message),
        AnswerOutOfRange range => ValidationFailed.One(AnswerField(range.QuestionCode), error.Message),
        AnswerInvalid invalid => ValidationFailed.One(AnswerField(invalid.QuestionCode), error.Message),
        ResponseEmpty => ValidationFailed.One("answers", error.Message),
        DemographicInvalid => ValidationFailed.One("respondent", error.Message),
        _ => error,
    };

    /// <summary>The field name of the answer to <paramref name="questionCode"/>.</summary>
    public static string AnswerField(string questionCode) => $"answers.{questionCode}";
}
