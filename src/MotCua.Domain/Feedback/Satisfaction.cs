namespace MotCua.Domain.Feedback;

/// <summary>The five-point scale of the rating sheets and of SIPAS (domain.md §9.1): 1 very dissatisfied … 5 very
/// satisfied.</summary>
public enum Satisfaction
{
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Neutral = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}

/// <summary>Where a rating came from (ND 61/2018 Art. 29(1): sheets, desk devices, online rating, surveys).</summary>
public enum RatingChannel
{
    /// <summary>The applicant signed in to the portal, rating their own dossier.</summary>
    Portal,

    /// <summary>The no-login page reached with the dossier code and the last digits of the applicant's phone or
    /// identity number (the QR code on the result slip).</summary>
    PublicCode,

    /// <summary>The desk's rating screen, used by the applicant at the counter.</summary>
    Kiosk,

    /// <summary>A paper evaluation sheet (TT 01/2018 Art. 12) typed in by the desk.</summary>
    Paper,

    /// <summary>A phone survey typed in by staff.</summary>
    Phone,
}
