namespace MotCua.Domain.Feedback.Surveys;

/// <summary>Unvalidated answers, from the web form or a paper ballot.</summary>
/// <param name="Answers">The answers given; a question left blank may be absent or have neither value nor text.</param>
/// <param name="Profile">What the respondent chose to say about themselves; <see langword="null"/> for nothing.</param>
public sealed record ResponseInput(IReadOnlyList<AnswerInput> Answers, RespondentProfile? Profile = null);

/// <summary>One unvalidated answer.</summary>
/// <param name="QuestionCode">The question's code.</param>
/// <param name="Value">The scale value or option number.</param>
/// <param name="Text">The typed text of a free-text question.</param>
public sealed record AnswerInput(string QuestionCode, int? Value = null, string? Text = null);
