namespace MotCua.Domain.Catalogue;

/// <summary>Online public-service level (ND 42/2022; ND 224/2026 Art. 14).</summary>
public enum OnlineLevel
{
    /// <summary>Not offered online.</summary>
    None,

    /// <summary>Partly online (một phần): the applicant must appear in person for some step.</summary>
    Partial,

    /// <summary>Fully online (toàn trình), result returned online or by post.</summary>
    Full,
}
