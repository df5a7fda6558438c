namespace MotCua.Domain.Feedback.Pakn;

/// <summary>Whether a submission only reports a problem or also proposes a solution (ND 20/2008 Art. 3(4)–(5)).</summary>
public enum PaknKind
{
    /// <summary>Phản ánh: an opinion on an administrative regulation: obstacles in implementation, illegality,
    /// unreasonableness, inconsistency, other issues (Art. 3(4)).</summary>
    Feedback,

    /// <summary>Kiến nghị: a phản ánh plus a proposed solution, or an initiative for a new regulation (Art. 3(5)).</summary>
    Petition,
}
