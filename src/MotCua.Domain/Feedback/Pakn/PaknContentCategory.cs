namespace MotCua.Domain.Feedback.Pakn;

/// <summary>What a PAKN is about: the eight contents of ND 20/2008 Art. 5, numbered as in the article.</summary>
/// <remarks>A case holds a set of them: one letter may both report an obstacle and propose its fix.</remarks>
public enum PaknContentCategory
{
    /// <summary>(1) Obstacles caused by delays, harassment, non- or wrong implementation by agencies or civil servants.</summary>
    StaffConduct = 1,

    /// <summary>(2) A regulation unsuitable to reality.</summary>
    UnsuitableToReality = 2,

    /// <summary>(3) Inconsistency between regulations.</summary>
    Inconsistent = 3,

    /// <summary>(4) An illegal regulation.</summary>
    Illegal = 4,

    /// <summary>(5) A regulation contrary to treaties Vietnam is party to.</summary>
    ContraryToTreaties = 5,

    /// <summary>(6) Other issues with a regulation.</summary>
    Other = 6,

    /// <summary>(7) Proposed solutions for the issues of (1)–(6).</summary>
    ProposedSolution = 7,

    /// <summary>(8) An initiative for a new regulation.</summary>
    NewRegulationInitiative = 8,
}
