namespace MotCua.Domain.Dossiers;

/// <summary>What an agency-stage supplement does to the clock (domain.md §5.6), chosen per procedure version.</summary>
public enum SupplementClockPolicy
{
    /// <summary>ND 61/2018 Art. 19(4): the processing time restarts from zero when the complete dossier is received;
    /// the receipt moment becomes the completion time (QĐ 45/2016 Art. 7(4) for postal dossiers).</summary>
    SupplementRestart,

    /// <summary>DVCQG analytics (C1 §2.1): the appointment is shifted by the working time the applicant took; a second
    /// agency-stage request marks the dossier late.</summary>
    SupplementPause,
}
