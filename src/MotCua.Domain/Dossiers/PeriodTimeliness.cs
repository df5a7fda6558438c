namespace MotCua.Domain.Dossiers;

/// <summary>A dossier's standing at the end of a reporting period (domain.md §3.4, §12).</summary>
/// <param name="Ended">Whether processing had ended by the period end.</param>
/// <param name="Timeliness">For an ended dossier, its classification; for an open one, the classification with the
/// period end (or the start of a pending supplement) taken as end time: <see cref="Timeliness.Late"/> means overdue.</param>
/// <param name="EndUsedUtc">The end time used.</param>
public sealed record PeriodTimeliness(bool Ended, Timeliness Timeliness, DateTime EndUsedUtc);
