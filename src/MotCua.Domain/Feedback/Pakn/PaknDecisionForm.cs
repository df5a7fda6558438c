namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The form of the decision on a PAKN (ND 20/2008 Art. 14(1), 15).</summary>
public enum PaknDecisionForm
{
    /// <summary>Amend, supplement, abolish or cancel the regulation within the unit's own authority (Art. 15).</summary>
    AmendWithinAuthority,

    /// <summary>Recommend that the competent body amend, supplement, abolish or cancel it (Art. 15).</summary>
    RecommendToCompetentBody,

    /// <summary>Issue a new regulation, or recommend that the competent body issue one (Art. 15).</summary>
    IssueOrRecommendNewRegulation,

    /// <summary>The regulation stays: the answer explains it. Not an Art. 15 form: the outcome of a review that finds
    /// no change needed, or of a case with insufficient basis (Art. 14(2)(b)) [design].</summary>
    Explanation,

    /// <summary>A conduct case handled under the applicable procedures (Art. 14(1)).</summary>
    HandledUnderApplicableProcedure,
}
