namespace MotCua.Domain.Dossiers;

/// <summary>How far the instants a caller states may lie from the facts the engine knows.</summary>
/// <remarks>
/// <para>Handover record (QĐ 45/2016 Art. 7(4)): signed no earlier than the dossier was logged and no later than now;
/// <see cref="Dossier"/> enforces both when a postal dossier is accepted.</para>
/// <para>Apology (ND 61/2018 Art. 19(9)): the new appointment must be later than the current one; the law sets no upper
/// bound, but the re-appointment is granted once and for a delay the agency can state, so MotCua refuses a date more
/// than <see cref="MaxApologyExtension"/> after the current appointment as an entry error rather than store a promise
/// nobody made.</para>
/// </remarks>
public static class DossierTimeLimits
{
    /// <summary>The longest an apology may move the appointment.</summary>
    public static readonly TimeSpan MaxApologyExtension = TimeSpan.FromDays(365);
}
