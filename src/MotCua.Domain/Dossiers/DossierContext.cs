using MotCua.Domain.Calendar;

namespace MotCua.Domain.Dossiers;

/// <summary>Everything a transition needs besides the dossier and the command.</summary>
/// <param name="NowUtc">The current instant (UTC), from the caller's <see cref="TimeProvider"/>.</param>
/// <param name="Actor">Who fires the trigger.</param>
/// <param name="Calculator">The receiving desk's calendar and schedule.</param>
/// <param name="Procedure">The terms of the dossier's procedure version.</param>
public sealed record DossierContext(DateTime NowUtc, DossierActor Actor, DeadlineCalculator Calculator, ProcedureTerms Procedure)
{
    /// <summary>The version label of the calendar behind <see cref="Calculator"/>, stored on the dossier at receipt.</summary>
    public string CalendarVersion { get; init; } = "";

    /// <summary>Cut-off and end-of-day switches for appointments.</summary>
    public DeadlineOptions DeadlineOptions { get; init; } = DeadlineOptions.Default;

    /// <summary>Apology timing rule.</summary>
    public ApologyRules Apology { get; init; } = ApologyRules.Default;

    /// <summary>The receiving unit's validity, checked on every receipt; <see langword="null"/> when the caller does not
    /// receive (a transition other than <c>Accept</c>) and so need not load it.</summary>
    public OperatingUnit? ReceivingUnit { get; init; }

    /// <summary>The competent unit's validity, checked like <see cref="ReceivingUnit"/>.</summary>
    public OperatingUnit? CompetentUnit { get; init; }
}
