using System.Text.RegularExpressions;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The validation of a questionnaire version's content: text limits, codes, the kind × factor × format
/// combinations, and the coverage rules the indices need (domain.md §9.1).</summary>
internal static partial class QuestionnaireRules
{
    /// <summary>Checks <paramref name="content"/> and returns the questions sorted by order and the demographic items.</summary>
    public static Result<(List<SurveyQuestion> Questions, List<DemographicItem> Demographics)> Validate(
        QuestionnaireContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var title = Text(content.Title);
        if (Check("title", title, Questionnaire.MaxTitleLength) is { } titleError)
        {
            return titleError;
        }

        var method = Text(content.MethodDecision);
        if (Check("methodDecision", method, Questionnaire.MaxMethodDecisionLength) is { } methodError)
        {
            return methodError;
        }

        var specs = content.Questions ?? [];
        if (specs.Count is 0 or > Questionnaire.MaxQuestions)
        {
            return new QuestionnaireInvalid("questions", $"phải có từ 1 đến {Questionnaire.MaxQuestions} câu hỏi");
        }

        var questions = new List<SurveyQuestion>(specs.Count);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var orders = new HashSet<int>();
        for (var i = 0; i < specs.Count; i++)
        {
            var question = Question(specs[i], $"questions[{i}]");
            if (question.IsFailure)
            {
                return question.Error;
            }

            // Codes are compared without case so that a CSV export or a paper-entry screen cannot tell two apart by case only.
            if (!codes.Add(question.Value.Code))
            {
                return new DuplicateQuestionCode(question.Value.Code);
            }

            if (!orders.Add(question.Value.Order))
            {
                return new QuestionnaireInvalid($"questions[{i}].order", $"thứ tự {question.Value.Order} bị trùng");
            }

            questions.Add(question.Value);
        }

        var coverage = Coverage(questions);
        if (coverage is not null)
        {
            return coverage;
        }

        var demographics = new List<DemographicItem>();
        foreach (var item in content.Demographics ?? [])
        {
            if (!Enum.IsDefined(item) || demographics.Contains(item))
            {
                return new QuestionnaireInvalid("demographics", $"mục thông tin '{item}' không tồn tại hoặc bị trùng");
            }

            demographics.Add(item);
        }

        return (questions.OrderBy(q => q.Order).ToList(), demographics);
    }

    /// <summary>Whether <paramref name="code"/> has the shape of a questionnaire or question code.</summary>
    public static bool IsCode(string code) => CodePattern().IsMatch(code);

    /// <summary>Trims typed text; null stays empty.</summary>
    public static string Text(string? text) => text?.Trim() ?? string.Empty;

    private static QuestionnaireInvalid? Check(string field, string text, int max) =>
        text.Length == 0 ? new QuestionnaireInvalid(field, "không được để trống")
        : text.Length > max ? new QuestionnaireInvalid(field, $"dài quá {max} ký tự")
        : FreeText.HasControlCharacters(text) ? new QuestionnaireInvalid(field, "chứa ký tự điều khiển")
        : null;

    private static Result<SurveyQuestion> Question(QuestionSpec? spec, string path)
    {
        if (spec is null)
        {
            return new QuestionnaireInvalid(path, "thiếu câu hỏi");
        }

        var code = Text(spec.Code);
        if (code.Length is 0 or > Questionnaire.MaxCodeLength || !CodePattern().IsMatch(code))
        {
            return new QuestionnaireInvalid($"{path}.code",
                $"mã câu hỏi gồm 1 đến {Questionnaire.MaxCodeLength} chữ cái không dấu, chữ số, '.', '_' hoặc '-'");
        }

        if (!Enum.IsDefined(spec.Factor) || !Enum.IsDefined(spec.Kind) || !Enum.IsDefined(spec.Format))
        {
            return new QuestionnaireInvalid(path, "yếu tố, loại câu hỏi hoặc cách trả lời không tồn tại");
        }

        if (Combination(spec) is { } reason)
        {
            return new QuestionnaireInvalid(path, reason);
        }

        var text = Text(spec.Text);
        if (Check($"{path}.text", text, Questionnaire.MaxQuestionTextLength) is { } textError)
        {
            return textError;
        }

        if (spec.Order < 1)
        {
            return new QuestionnaireInvalid($"{path}.order", "thứ tự phải từ 1 trở lên");
        }

        var options = Options(spec, path);
        if (options.IsFailure)
        {
            return options.Error;
        }

        return new SurveyQuestion(code, spec.Factor, spec.Kind, text, spec.Format, options.Value, spec.Required, spec.Order);
    }

    /// <summary>Why the kind, factor and format do not go together, or <see langword="null"/>.</summary>
    /// <remarks>Satisfaction and overall answers are what the indices count, so they must be on the five-point scale
    /// (domain.md §9.1); perceptions are statements rated or chosen; expectations are priorities chosen from a list or
    /// written in. A question about the whole service (factor Overall) is the overall question or an expectation.</remarks>
    private static string? Combination(QuestionSpec spec) => (spec.Kind, spec.Factor, spec.Format) switch
    {
        (QuestionKind.Overall, not SurveyFactor.Overall, _) => "câu hỏi hài lòng chung phải thuộc yếu tố 'Hài lòng chung'",
        (QuestionKind.Perception or QuestionKind.Satisfaction, SurveyFactor.Overall, _) =>
            "yếu tố 'Hài lòng chung' chỉ có câu hỏi hài lòng chung hoặc câu hỏi về mong đợi",
        (QuestionKind.Satisfaction or QuestionKind.Overall, _, not AnswerFormat.Likert5) =>
            "câu hỏi về sự hài lòng phải trả lời theo thang 5 mức",
        (QuestionKind.Perception, _, AnswerFormat.FreeText) => "câu hỏi nhận định phải trả lời theo thang 5 mức hoặc chọn một phương án",
        (QuestionKind.Expectation, _, AnswerFormat.Likert5) => "câu hỏi về mong đợi phải chọn một phương án hoặc trả lời tự do",
        _ => null,
    };

    private static Result<IReadOnlyList<string>> Options(QuestionSpec spec, string path)
    {
        var given = spec.Options ?? [];
        if (spec.Format != AnswerFormat.SingleChoice)
        {
            return given.Count == 0
                ? Result.Success<IReadOnlyList<string>>([])
                : new QuestionnaireInvalid($"{path}.options", "chỉ câu hỏi chọn một phương án mới có danh sách phương án");
        }

        if (given.Count < Questionnaire.MinOptions || given.Count > Questionnaire.MaxOptions)
        {
            return new QuestionnaireInvalid($"{path}.options",
                $"phải có từ {Questionnaire.MinOptions} đến {Questionnaire.MaxOptions} phương án");
        }

        var options = new List<string>(given.Count);
        for (var i = 0; i < given.Count; i++)
        {
            var option = Text(given[i]);
            if (Check($"{path}.options[{i}]", option, Questionnaire.MaxOptionLength) is { } error)
            {
                return error;
            }

            if (options.Contains(option, StringComparer.OrdinalIgnoreCase))
            {
                return new QuestionnaireInvalid($"{path}.options[{i}]", "phương án bị trùng");
            }

            options.Add(option);
        }

        return options;
    }

    /// <summary>Every factor asked about has a satisfaction question (else it has no index), at least one factor is
    /// measured, and there is at most one overall question (QĐ 1383/QĐ-BNV line: "one question on overall
    /// satisfaction", domain.md §9.1 [S-excerpt]). Whether one is required depends on the campaign's rule.</summary>
    private static Error? Coverage(List<SurveyQuestion> questions)
    {
        foreach (var factor in SurveyFactors.Measured)
        {
            if (questions.Any(q => q.Factor == factor) && !questions.Any(q => q.Factor == factor && q.FeedsFactorIndex))
            {
                return new FactorWithoutSatisfactionQuestion(factor);
            }
        }

        if (!questions.Any(q => q.FeedsFactorIndex))
        {
            return new QuestionnaireInvalid("questions", "phải có ít nhất một câu hỏi về sự hài lòng với một yếu tố");
        }

        var overall = questions.Count(q => q.Kind == QuestionKind.Overall);
        return overall > 1 ? new TooManyOverallQuestions(overall) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
