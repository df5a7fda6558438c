using System.Globalization;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Surveys;

/// <summary>The questionnaire editor's fields as typed (issue 9 §5): the version's title, method decision and items about
/// the respondent, and one row per question. It only carries text to <see cref="Questionnaires.Handler"/>, which checks
/// everything with the domain's rules; a row left entirely blank, or ticked for removal, is not sent.</summary>
public sealed class QuestionnaireForm
{
    /// <summary>The questionnaire's code, typed for a new questionnaire only (a version keeps its code).</summary>
    public string? Code { get; set; }

    public string? Title { get; set; }

    public string? MethodDecision { get; set; }

    /// <summary>The items about the respondent to ask (<see cref="DemographicItem"/> names).</summary>
    public List<string> Demographics { get; set; } = [];

    public List<QuestionRow> Questions { get; set; } = [];

    /// <summary>One question as typed. <see cref="Options"/> holds one option per line.</summary>
    public sealed class QuestionRow
    {
        public string? Code { get; set; }

        public string? Factor { get; set; }

        public string? Kind { get; set; }

        public string? Format { get; set; }

        public string? Text { get; set; }

        public string? Options { get; set; }

        /// <summary>A checkbox: absent from the post when unticked, so the default is false.</summary>
        public bool Required { get; set; }

        public int? Order { get; set; }

        /// <summary>Ticked: the row is dropped at the next post.</summary>
        public bool Remove { get; set; }

        /// <summary>Whether nothing was typed in the row (its selects always have a value).</summary>
        public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Options);

        public SurveyQuestionInput ToInput()
        {
            var options = (Options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
            return new SurveyQuestionInput(Code, Factor, Kind, Text, Format, Order, Required, options.Count == 0 ? null : options);
        }

        public static QuestionRow From(SurveyQuestionView question)
        {
            ArgumentNullException.ThrowIfNull(question);
            return new QuestionRow
            {
                Code = question.Code,
                Factor = question.Factor,
                Kind = question.Kind,
                Format = question.Format,
                Text = question.Text,
                Options = string.Join('\n', question.Options),
                Required = question.Required,
                Order = question.Order,
            };
        }
    }

    /// <summary>The rows to send: without the blank ones and those ticked for removal, in the order shown.</summary>
    public void DropRemovedAndBlank() => Questions = [.. Questions.Where(q => !q.Remove && !q.IsBlank)];

    /// <summary>Adds an empty row, numbered after the last, asking a required satisfaction question on the five-point
    /// scale (the commonest kind).</summary>
    public void AddBlankRow() => Questions.Add(new QuestionRow
    {
        Factor = nameof(SurveyFactor.AccessToService),
        Kind = nameof(QuestionKind.Satisfaction),
        Format = nameof(AnswerFormat.Likert5),
        Required = true,
        Order = Questions.Select(q => q.Order ?? 0).DefaultIfEmpty(0).Max() + 1,
    });

    public static QuestionnaireForm From(QuestionnaireView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new QuestionnaireForm
        {
            Code = view.Code,
            Title = view.Title,
            MethodDecision = view.MethodDecision,
            Demographics = [.. view.Demographics],
            Questions = [.. view.Questions.Select(QuestionRow.From)],
        };
    }

    public IReadOnlyList<SurveyQuestionInput> QuestionInputs() => [.. Questions.Select(q => q.ToInput())];

    /// <summary>The row's number as shown ("Câu hỏi 3"), from 1.</summary>
    public static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
