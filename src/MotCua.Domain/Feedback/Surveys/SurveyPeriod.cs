namespace MotCua.Domain.Feedback.Surveys;

/// <summary>An inclusive range of Vietnam civil dates (từ ngày … đến hết ngày …).</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
public readonly record struct SurveyPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Whether the range is not empty.</summary>
    public bool IsOrdered => From <= To;

    /// <summary>Whether <paramref name="date"/> lies in the range, both ends included.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
