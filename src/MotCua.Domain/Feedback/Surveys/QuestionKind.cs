namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The three kinds of content asked per factor, plus the overall question (domain.md §9.1, [S] P7).</summary>
public enum QuestionKind
{
    /// <summary>Nhận định: a factual statement about the service's quality (e.g. "the fee was as published").</summary>
    Perception = 1,

    /// <summary>Sự hài lòng: satisfaction with one aspect of a factor, on the five-point scale; only these answers feed
    /// the factor indices.</summary>
    Satisfaction = 2,

    /// <summary>Sự mong đợi: what the respondent wants improved first.</summary>
    Expectation = 3,

    /// <summary>Satisfaction with the service as a whole, on the five-point scale.</summary>
    Overall = 4,
}
