namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The split that 766 §5.1 monitors and that decides how a case is handled (domain.md §8.2 group 6, §10.3).</summary>
public enum PaknClassification
{
    /// <summary>About regulations, policies or procedures (<c>PETITION_CLASSIFICATION_TTHC</c>); handled by review
    /// against the six criteria of ND 20/2008 Art. 14(2)(c) (Art. 9(1)(d)(iii)).</summary>
    Regulation,

    /// <summary>About the conduct of civil servants (<c>PETITION_CLASSIFICATION_STAFF</c>); handled under the applicable
    /// procedures (Art. 9(1)(d)(ii), 14(1)).</summary>
    StaffConduct,
}
