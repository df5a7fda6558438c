namespace MotCua.Domain.Dossiers;

/// <summary>A dossier's standing at a period's end by the national portal's rule for 766 indicator 2.1 (domain.md §3.4).</summary>
/// <param name="Ended">Whether processing had ended by the period end.</param>
/// <param name="Late">Late by DVCQG's test: the end used is after the current appointment, or a second agency supplement
/// had been requested under <see cref="SupplementClockPolicy.SupplementPause"/>.</param>
/// <param name="EndUsedUtc">The end time used: the processing end, the period end, or the start of a pending pause.</param>
/// <param name="DueUtc">The current appointment (<c>NgayHenTra</c>) the end was compared with.</param>
/// <param name="MarkedLateByRepeatedSupplement">Whether the lateness comes (also) from a repeated supplement request.</param>
public sealed record DvcqgStanding(bool Ended, bool Late, DateTime EndUsedUtc, DateTime? DueUtc, bool MarkedLateByRepeatedSupplement);

// The national portal's timeliness (766 §2.1) at a period's end, derived from the history like ClassifyAt.
public sealed partial class Dossier
{
    /// <summary>The standing at <paramref name="periodEndUtc"/> by DVCQG's rule (domain.md §3.4): an ended dossier is
    /// late iff <see cref="IsOnTimeForDvcqg"/> says so; an open one uses the period end as its end time, or, while it
    /// waits for the applicant (a supplement, or a payment that pauses the clock), the time of that request, and is
    /// compared with the current appointment in force then; a second agency supplement under
    /// <see cref="SupplementClockPolicy.SupplementPause"/> makes it late from that request on.</summary>
    /// <returns><see langword="null"/> when the dossier had not been received by then.</returns>
    /// <exception cref="InvalidOperationException">The history is not wholly loaded.</exception>
    public DvcqgStanding? DvcqgStandingAt(DateTime periodEndUtc)
    {
        RequireUtc(periodEndUtc, nameof(periodEndUtc));
        if (_history.Count != Version)
        {
            throw new InvalidOperationException("Judging a dossier at a period end needs its whole history loaded.");
        }

        _history.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        if (ReceivedAt is null || ReceivedAt > periodEndUtc)
        {
            return null;
        }

        if (ProcessingEndedAt is { } ended && ended <= periodEndUtc)
        {
            return new DvcqgStanding(true, IsOnTimeForDvcqg() == false, ended, CurrentAppointmentAt, MarkedLateByRepeatedSupplement);
        }

        var last = _history.FindLastIndex(e => e.At <= periodEndUtc);
        var entry = _history[last];
        var marked = RepeatedSupplementIndex() is { } m && m <= last;
        var end = periodEndUtc;
        if (DeadlineWatch.IsPaused(entry.To, FinancialObligationPausesClock))
        {
            // C1 §2.1: a dossier waiting for the applicant ends, for the period, when the request was made.
            end = _history[PauseStartIndex(last)].At;
        }

        var due = entry.CurrentAppointmentAt;
        return new DvcqgStanding(false, marked || (due is { } d && end > d), end, due, marked);
    }

    // The history index of the second agency-stage supplement request under SupplementPause: from it on DVCQG counts
    // the dossier late (C1 §2.1; the same moment Dossier.Supplements sets MarkedLateByRepeatedSupplement).
    private int? RepeatedSupplementIndex()
    {
        if (SupplementPolicy != SupplementClockPolicy.SupplementPause)
        {
            return null;
        }

        var seen = 0;
        for (var i = 0; i < _history.Count; i++)
        {
            if (_history[i].Trigger == DossierTrigger.RequestSupplement && ++seen == 2)
            {
                return i;
            }
        }

        return null;
    }

    // The entry that started the pause the entry at `index` is in.
    private int PauseStartIndex(int index)
    {
        var state = _history[index].To;
        return _history.FindLastIndex(index, h => h.To == state && h.From != state);
    }
}
