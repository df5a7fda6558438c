namespace MotCua.Domain.Dossiers;

/// <summary>Where an unfinished dossier stands against its current appointment (domain.md §3.3, "deadline state").</summary>
public enum OpenDeadlineStatus
{
    /// <summary>Chưa đến hạn: more working time left than the due-soon threshold.</summary>
    NotDue,

    /// <summary>Sắp đến hạn: due within the threshold.</summary>
    DueSoon,

    /// <summary>Quá hạn: the current appointment has passed.</summary>
    Overdue,

    /// <summary>The clock is paused or will restart: waiting for the applicant (supplement, or a payment that pauses
    /// the clock).</summary>
    Paused,
}
