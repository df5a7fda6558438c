using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Surveys;

/// <summary>One answer as the API and the forms send it: the question's code, the scale value or option number, or the
/// typed text.</summary>
public sealed record SurveyAnswerInput(
    [property: System.ComponentModel.DataAnnotations.MaxLength(Questionnaire.MaxCodeLength)] string? QuestionCode,
    int? Value,
    [property: System.ComponentModel.DataAnnotations.MaxLength(SurveyInput.MaxAnswerTextLength)] string? Text);

/// <summary>What the respondent chose to say about themselves; each item optional (null: "Không muốn trả lời").
/// <c>ageBand</c>: <c>Under30</c>, <c>From30To44</c>, <c>From45To59</c>, <c>From60</c>; <c>gender</c>: <c>Female</c>,
/// <c>Male</c>.</summary>
public sealed record RespondentInput(
    [property: System.ComponentModel.DataAnnotations.MaxLength(Persistence.AppDbContext.EnumMaxLength)] string? AgeBand,
    [property: System.ComponentModel.DataAnnotations.MaxLength(Persistence.AppDbContext.EnumMaxLength)] string? Gender,
    bool? EthnicMinority,
    bool? Disability);

/// <summary>Parsing of the API's text values into the survey domain's inputs; the domain checks the rest.</summary>
internal static class SurveyInput
{
    /// <summary>Longest free-text answer (the domain's limit).</summary>
    public const int MaxAnswerTextLength = 2000;

    /// <summary>Whether <paramref name="text"/> names a defined member of <typeparamref name="T"/> (by name, exactly).</summary>
    public static bool TryEnum<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    /// <summary>The domain's response input, or the fields that do not parse.</summary>
    public static MotCua.Domain.Common.Result<ResponseInput> Response(IReadOnlyList<SurveyAnswerInput>? answers, RespondentInput? respondent)
    {
        var errors = new Dictionary<string, FieldMessage[]>();
        AgeBand? age = null;
        Gender? gender = null;
        if (respondent?.AgeBand is { Length: > 0 } ageText)
        {
            if (TryEnum<AgeBand>(ageText, out var parsed))
            {
                age = parsed;
            }
            else
            {
                errors["respondent.ageBand"] = [new FieldMessage("survey.age_band_invalid", "Nhóm tuổi: Under30, From30To44, From45To59 hoặc From60.")];
            }
        }

        if (respondent?.Gender is { Length: > 0 } genderText)
        {
            if (TryEnum<Gender>(genderText, out var parsed))
            {
                gender = parsed;
            }
            else
            {
                errors["respondent.gender"] = [new FieldMessage("survey.gender_invalid", "Giới tính: Female (nữ) hoặc Male (nam).")];
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var profile = new RespondentProfile(age, gender, respondent?.EthnicMinority, respondent?.Disability);
        return new ResponseInput([.. (answers ?? []).Select(a => new AnswerInput(a.QuestionCode ?? "", a.Value, a.Text))], profile);
    }
}
