namespace MotCua.Domain.Feedback.Surveys;

/// <summary>How the campaign's overall index is formed (domain.md §9.1: "the share satisfied with the service overall,
/// or the mean of the factor indices, depending on the Đề án version" [R]; QĐ 1001/QĐ-BNV's formula was not found).</summary>
public enum OverallIndexRule
{
    /// <summary>The mean of the factor indices that have answers.</summary>
    Top2BoxMeanOfFactors = 1,

    /// <summary>The top-2-box share of the overall-satisfaction question; the questionnaire must have one.</summary>
    Top2BoxOverallQuestion = 2,
}

/// <summary>How a factor's index is formed from its satisfaction questions' answers; both count 4 and 5 as satisfied
/// (domain.md §9.1 [R]). They agree when a factor has one question, or when every question has as many answers.</summary>
public enum FactorIndexRule
{
    /// <summary>The mean over the factor's questions of each question's top-2-box share: domain.md §9.1's outline
    /// "Percent(Top2Box) per question → per factor". Each question weighs the same whatever its number of answers.</summary>
    MeanOfQuestionShares = 1,

    /// <summary>The top-2-box share of all the factor's answers pooled: a question answered more often weighs more.</summary>
    PooledAnswers = 2,
}

/// <summary>The index method of a campaign, fixed with it so that its published results can be recomputed.</summary>
/// <param name="Overall">How the overall index is formed.</param>
/// <param name="Factor">How a factor index is formed.</param>
/// <param name="MinCellSize">The fewest respondents a published figure may rest on; smaller cells are suppressed to
/// protect the respondents' anonymity (ND 61/2018 Art. 27(3)). 1 suppresses nothing.</param>
public sealed record SurveyIndexMethod(
    OverallIndexRule Overall = OverallIndexRule.Top2BoxMeanOfFactors,
    FactorIndexRule Factor = FactorIndexRule.MeanOfQuestionShares,
    int MinCellSize = SurveyIndexMethod.DefaultMinCellSize)
{
    /// <summary>The default smallest published cell.</summary>
    public const int DefaultMinCellSize = 5;

    /// <summary>The largest smallest-cell setting accepted.</summary>
    public const int MaxMinCellSize = 100;

    /// <summary>The defaults: mean of factors, mean of question shares, cells of at least 5.</summary>
    public static readonly SurveyIndexMethod Default = new();
}
