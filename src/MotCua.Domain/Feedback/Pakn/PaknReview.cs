namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The six criteria a regulation is reviewed against when a PAKN about it is handled (ND 20/2008
/// Art. 14(2)(c)).</summary>
public enum PaknReviewCriterion
{
    /// <summary>Sự cần thiết: necessity.</summary>
    Necessity,

    /// <summary>Tính hợp lý, hợp pháp: reasonableness and legality.</summary>
    ReasonablenessAndLegality,

    /// <summary>Tính đơn giản: simplicity.</summary>
    Simplicity,

    /// <summary>Tính khả thi: feasibility.</summary>
    Feasibility,

    /// <summary>Tính thống nhất, đồng bộ với các quy định khác: consistency with other regulations.</summary>
    Consistency,

    /// <summary>Sự phù hợp với điều ước quốc tế: conformity with treaties.</summary>
    TreatyConformity,
}

/// <summary>The reviewer's finding on one criterion.</summary>
public enum PaknReviewVerdict
{
    /// <summary>The regulation meets the criterion.</summary>
    Met,

    /// <summary>The regulation does not meet it; a note must say why.</summary>
    NotMet,

    /// <summary>The criterion does not apply (typically treaty conformity where no treaty covers the matter).</summary>
    NotApplicable,
}

/// <summary>The finding on one criterion of the review.</summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Verdict">The finding.</param>
/// <param name="Note">The reasoning; required for <see cref="PaknReviewVerdict.NotMet"/>.</param>
public sealed record PaknReviewItem(PaknReviewCriterion Criterion, PaknReviewVerdict Verdict, string? Note = null);

/// <summary>Helpers on the review checklist.</summary>
public static class PaknReview
{
    /// <summary>The criteria in the order of Art. 14(2)(c).</summary>
    public static IReadOnlyList<PaknReviewCriterion> Criteria { get; } = Enum.GetValues<PaknReviewCriterion>();

    /// <summary>Whether every criterion has a finding.</summary>
    public static bool IsComplete(IEnumerable<PaknReviewItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var covered = items.Select(i => i.Criterion).ToHashSet();
        return Criteria.All(covered.Contains);
    }
}
