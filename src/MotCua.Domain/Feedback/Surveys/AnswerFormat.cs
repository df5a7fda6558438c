namespace MotCua.Domain.Feedback.Surveys;

/// <summary>How a question is answered.</summary>
public enum AnswerFormat
{
    /// <summary>The five-point satisfaction scale <see cref="LikertScale"/>: an answer is 1 … 5.</summary>
    Likert5 = 1,

    /// <summary>One of the question's listed options: an answer is the option's 1-based position.</summary>
    SingleChoice = 2,

    /// <summary>Typed text.</summary>
    FreeText = 3,
}

/// <summary>The five-point scale of SIPAS and of the rating sheets (domain.md §9.1 [R]; the same scale as
/// <see cref="Satisfaction"/>).</summary>
public static class LikertScale
{
    /// <summary>The lowest answer.</summary>
    public const int Min = 1;

    /// <summary>The highest answer.</summary>
    public const int Max = 5;

    /// <summary>The lowest answer that counts as satisfied: the index is the "top-2-box" share of 4 (Hài lòng) and 5
    /// (Rất hài lòng) (domain.md §9.1 [R], to verify against QĐ 1001/QĐ-BNV).</summary>
    public const int SatisfiedFrom = (int)Satisfaction.Satisfied;

    /// <summary>The labels of 1 … 5 as printed on the questionnaire.</summary>
    public static readonly IReadOnlyList<string> Labels =
        ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

    /// <summary>The label of <paramref name="value"/> (1 … 5).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is off the scale.</exception>
    public static string Label(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Max);
        return Labels[value - 1];
    }

    /// <summary>Whether the answer counts as satisfied (top-2-box).</summary>
    public static bool IsSatisfied(int value) => value >= SatisfiedFrom;
}
