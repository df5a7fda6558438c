namespace MotCua.Domain.Feedback.Surveys;

/// <summary>One question of a questionnaire version, validated (<see cref="Questionnaire"/>).</summary>
/// <param name="Code">Unique within the version (e.g. <c>TC1</c>); answers refer to it.</param>
/// <param name="Factor">What it measures.</param>
/// <param name="Kind">Perception, satisfaction, expectation or overall.</param>
/// <param name="Text">The Vietnamese text as printed.</param>
/// <param name="Format">How it is answered.</param>
/// <param name="Options">The listed options of a <see cref="AnswerFormat.SingleChoice"/> question, in order (answer
/// <c>k</c> is <c>Options[k - 1]</c>); empty otherwise, the five-point labels being <see cref="LikertScale.Labels"/>.</param>
/// <param name="Required">Whether a response must answer it.</param>
/// <param name="Order">Its position on the sheet (1-based, unique).</param>
public sealed record SurveyQuestion(
    string Code, SurveyFactor Factor, QuestionKind Kind, string Text, AnswerFormat Format, IReadOnlyList<string> Options,
    bool Required, int Order)
{
    /// <summary>Whether its answers feed a factor index: a satisfaction question of one of the five factors.</summary>
    public bool FeedsFactorIndex => Kind == QuestionKind.Satisfaction;

    /// <summary>The highest valid answer value, or <see langword="null"/> for free text.</summary>
    public int? MaxValue => Format switch
    {
        AnswerFormat.Likert5 => LikertScale.Max,
        AnswerFormat.SingleChoice => Options.Count,
        _ => null,
    };
}

/// <summary>Unvalidated input for one question of <see cref="QuestionnaireContent"/>.</summary>
/// <param name="Code">Unique within the version.</param>
/// <param name="Factor">What it measures.</param>
/// <param name="Kind">Perception, satisfaction, expectation or overall.</param>
/// <param name="Text">The Vietnamese text.</param>
/// <param name="Format">How it is answered.</param>
/// <param name="Options">The options of a single-choice question; must be empty for the other formats.</param>
/// <param name="Required">Whether a response must answer it.</param>
/// <param name="Order">Its position (1-based, unique).</param>
public sealed record QuestionSpec(
    string Code, SurveyFactor Factor, QuestionKind Kind, string Text, AnswerFormat Format, int Order,
    bool Required = true, IReadOnlyList<string>? Options = null);

/// <summary>What a questionnaire version says, apart from its code and version number: what a draft is created or
/// revised with.</summary>
/// <param name="Title">The title printed on the sheet.</param>
/// <param name="MethodDecision">The decision setting the method, e.g. "QĐ 1001/QĐ-BNV" or a provincial decision
/// (domain.md §9.1: a province may run its own SIPAS method).</param>
/// <param name="Questions">The questions.</param>
/// <param name="Demographics">The optional questions about the respondent to ask, in display order.</param>
public sealed record QuestionnaireContent(
    string Title, string MethodDecision, IReadOnlyList<QuestionSpec> Questions,
    IReadOnlyList<DemographicItem>? Demographics = null);

/// <summary>The life of a questionnaire version.</summary>
public enum QuestionnaireStatus
{
    /// <summary>Being written; may be revised.</summary>
    Draft = 1,

    /// <summary>In use: immutable, so every response is read against the text it answered.</summary>
    Published = 2,
}
