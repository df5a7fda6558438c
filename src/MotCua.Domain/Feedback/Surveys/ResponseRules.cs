using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The validation of a response against the questionnaire version it answers.</summary>
internal static class ResponseRules
{
    /// <summary>Longest free-text answer kept.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Checks <paramref name="input"/>; returns the answers in questionnaire order, blanks dropped.</summary>
    public static Result<List<SurveyAnswer>> Validate(Questionnaire questionnaire, ResponseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var given = new Dictionary<SurveyQuestion, SurveyAnswer>();
        foreach (var answer in input.Answers ?? [])
        {
            ArgumentNullException.ThrowIfNull(answer);
            var question = questionnaire.Find(answer.QuestionCode);
            if (question is null)
            {
                return new UnknownQuestion(answer.QuestionCode?.Trim() ?? string.Empty);
            }

            if (given.ContainsKey(question))
            {
                return new AnswerInvalid(question.Code, new FieldMessage("survey.reason.answered_twice", "trả lời hai lần"));
            }

            var checkedAnswer = Answer(question, answer);
            if (checkedAnswer.IsFailure)
            {
                return checkedAnswer.Error;
            }

            if (checkedAnswer.Value is { } kept)
            {
                given[question] = kept;
            }
        }

        foreach (var question in questionnaire.Questions)
        {
            if (question.Required && !given.ContainsKey(question))
            {
                return new AnswerRequired(question.Code);
            }
        }

        if (given.Count == 0)
        {
            return new ResponseEmpty();
        }

        var profile = Profile(questionnaire, input.Profile ?? RespondentProfile.None);
        return profile is null
            ? questionnaire.Questions.Where(given.ContainsKey).Select(q => given[q]).ToList()
            : profile;
    }

    /// <summary>The kept answer, <see langword="null"/> for a blank, or why it is refused.</summary>
    private static Result<SurveyAnswer?> Answer(SurveyQuestion question, AnswerInput answer)
    {
        if (question.Format == AnswerFormat.FreeText)
        {
            if (answer.Value is not null)
            {
                return new AnswerInvalid(question.Code, new FieldMessage("survey.reason.text_expected", "câu hỏi này trả lời bằng chữ, không chọn mức"));
            }

            var text = answer.Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return Result.Success<SurveyAnswer?>(null);
            }

            if (text.Length > MaxTextLength)
            {
                return new AnswerInvalid(question.Code, new FieldMessage("survey.reason.text_too_long", "dài quá {0} ký tự", MaxTextLength));
            }

            return FreeText.HasControlCharacters(text)
                ? new AnswerInvalid(question.Code, new FieldMessage("survey.reason.control", "chứa ký tự điều khiển"))
                : new SurveyAnswer(question.Code, null, text);
        }

        if (!string.IsNullOrWhiteSpace(answer.Text))
        {
            return new AnswerInvalid(question.Code, new FieldMessage("survey.reason.choice_expected", "câu hỏi này trả lời bằng cách chọn, không nhập chữ"));
        }

        if (answer.Value is not { } value)
        {
            return Result.Success<SurveyAnswer?>(null);
        }

        var max = question.MaxValue!.Value;
        return value < 1 || value > max
            ? new AnswerOutOfRange(question.Code, value, max)
            : new SurveyAnswer(question.Code, value, null);
    }

    /// <summary>Every item said must be asked and exist; each stays optional ("prefer not to say").</summary>
    private static DemographicInvalid? Profile(Questionnaire questionnaire, RespondentProfile profile)
    {
        foreach (var item in Enum.GetValues<DemographicItem>())
        {
            if (profile.Says(item) && !questionnaire.Demographics.Contains(item))
            {
                return new DemographicInvalid(item, "bộ câu hỏi không hỏi thông tin này");
            }
        }

        if (profile.AgeBand is { } age && !Enum.IsDefined(age))
        {
            return new DemographicInvalid(DemographicItem.AgeBand, "nhóm tuổi không tồn tại");
        }

        return profile.Gender is { } gender && !Enum.IsDefined(gender)
            ? new DemographicInvalid(DemographicItem.Gender, "giới tính không tồn tại")
            : null;
    }
}
