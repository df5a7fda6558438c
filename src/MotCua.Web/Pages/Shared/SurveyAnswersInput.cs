using System.Globalization;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages;

/// <summary>A questionnaire's answers as a form posts them (<c>_SurveyQuestions.cshtml</c>), for the invited respondent's
/// page and the paper-ballot entry: <c>Answers[code]</c> per question and the optional items about the respondent. It
/// only carries them to the survey handlers, which check them against the questionnaire.</summary>
public sealed class SurveyAnswersInput
{
    /// <summary>The posted value per question code: the scale value or option number, or the typed text.</summary>
    public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An <see cref="AgeBand"/> name, or empty for "prefer not to say".</summary>
    public string? AgeBand { get; set; }

    /// <summary>A <see cref="Gender"/> name, or empty.</summary>
    public string? Gender { get; set; }

    /// <summary>"yes", "no", or empty.</summary>
    public string? EthnicMinority { get; set; }

    /// <summary>"yes", "no", or empty.</summary>
    public string? Disability { get; set; }

    /// <summary>The answers to <paramref name="questions"/>; a blank is left out, a value that is not a number is sent as
    /// 0 so that the handler refuses it with the question's range.</summary>
    public List<SurveyAnswerInput> ToAnswers(IEnumerable<SurveyQuestionView> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var answers = new List<SurveyAnswerInput>();
        foreach (var question in questions)
        {
            if (Value(question.Code) is not { } posted)
            {
                continue;
            }

            answers.Add(question.Format == nameof(AnswerFormat.FreeText)
                ? new SurveyAnswerInput(question.Code, null, posted)
                : new SurveyAnswerInput(question.Code, int.TryParse(posted, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0, null));
        }

        return answers;
    }

    public RespondentInput ToRespondent() => new(Blank(AgeBand), Blank(Gender), YesNo(EthnicMinority), YesNo(Disability));

    /// <summary>What was posted for <paramref name="code"/>, trimmed, or null when blank.</summary>
    public string? Value(string code) => Answers.TryGetValue(code, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static bool? YesNo(string? text) => text switch { "yes" => true, "no" => false, _ => null };
}

/// <summary>What <c>_SurveyQuestions.cshtml</c> renders: the questions in order, the optional items about the respondent,
/// what was posted (kept after a refused submission) and the prefix of the inputs' names (the bound property).</summary>
public sealed record SurveyForm(string Prefix, IReadOnlyList<SurveyQuestionView> Questions, IReadOnlyList<string> Demographics, SurveyAnswersInput Input);
