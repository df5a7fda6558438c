using MotCua.Domain.Calendar;

namespace MotCua.Domain.Dossiers;

public sealed partial class Dossier
{
    /// <summary>Everything this dossier adds to the daily statistics, derived from its whole history, so that for any day
    /// <c>E</c> the sums agree with <see cref="ClassifyAt"/> at the end of <c>E</c>: received by E = Σ
    /// <see cref="DossierDayMeasure.Received"/> up to E; ended by E per class = Σ of the Ended measures up to E (each
    /// ended dossier in exactly one of them); open and
    /// overdue at the end of E = Σ <see cref="DossierDayMeasure.Overdue"/> up to E (domain.md §3.4, §12.3); open and late
    /// by the national portal's rule at the end of E = Σ <see cref="DossierDayMeasure.OverdueForDvcqg"/> up to E
    /// (<see cref="DvcqgStandingAt"/>, 766 §2.1).</summary>
    /// <remarks>A function of the history only, never of "now": the aggregates are kept by adding (after − before) in the
    /// transaction that changes the dossier, and a rebuild sums it over every dossier, so the two always agree. A later
    /// event never changes what an earlier day-end saw, so a closed period's figures stay as they were reported.</remarks>
    /// <param name="documents">What the dossier's documents say (766 group 5): they add the digitisation measures on the
    /// day of receipt and the electronic-result measure on the day processing ended.</param>
    /// <exception cref="InvalidOperationException">The history is not wholly loaded.</exception>
    public IReadOnlyList<DossierDayDelta> DailyContributions(DossierDocumentFacts documents = default)
    {
        if (_history.Count != Version)
        {
            throw new InvalidOperationException("Daily statistics need the dossier's whole history loaded.");
        }

        var deltas = new List<DossierDayDelta>();
        if (ReceivedAt is not { } received)
        {
            return deltas;
        }

        _history.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var receivedDay = BusinessDate(received);
        deltas.Add(new DossierDayDelta(receivedDay, DossierDayMeasure.Received, 1));
        if (documents is { Digitised: true, ElectronicResult: true })
        {
            deltas.Add(new DossierDayDelta(receivedDay, DossierDayMeasure.ReceivedDigitised, 1));
        }

        if (documents.ReusedData)
        {
            deltas.Add(new DossierDayDelta(receivedDay, DossierDayMeasure.ReceivedReusingData, 1));
        }

        DateOnly? endedDay = ProcessingEndedAt is { } ended ? BusinessDate(ended) : null;
        if (ProcessingEndedAt is { } end)
        {
            AddEnded(deltas, end, endedDay!.Value, documents.ElectronicResult);
        }

        AddOverdueRuns(deltas, receivedDay, endedDay);
        return deltas;
    }

    // One Ended measure per dossier: without a result (Biểu 06 counts those as on time, §12.3), or its class.
    private void AddEnded(List<DossierDayDelta> deltas, DateTime end, DateOnly day, bool electronicResult)
    {
        var entry = _history.FindLast(e => e.At <= EndOfDayUtc(day));
        var measure = DossierWorkflow.EndsWithoutResult(Status)
            ? DossierDayMeasure.EndedWithoutResult
            : entry?.OriginalAppointmentAt is { } due
                ? Compare(end, due) switch
                {
                    Timeliness.Early => DossierDayMeasure.EndedEarly,
                    Timeliness.OnTime => DossierDayMeasure.EndedOnTime,
                    _ => DossierDayMeasure.EndedLate,
                }
                : DossierDayMeasure.EndedUnclassified;
        deltas.Add(new DossierDayDelta(day, measure, 1));
        if (electronicResult && measure != DossierDayMeasure.EndedWithoutResult)
        {
            deltas.Add(new DossierDayDelta(day, DossierDayMeasure.EndedWithElectronicResult, 1));
        }

        if (IsOnTimeForDvcqg() == false)
        {
            deltas.Add(new DossierDayDelta(day, DossierDayMeasure.EndedLateForDvcqg, 1));
        }
    }

    // Each history entry rules the day-ends from its own day until the next entry's day (a later entry on the same day
    // wins, as in ClassifyAt). Within an entry's days the dossier is overdue from a first day on (open and running), for
    // all of them or none (paused: judged at the time the pause began), never once processing has ended. Each entry
    // adds its own +1/−1 pair; where one entry's run meets the next one's, the pair cancels in every sum.
    // Overdue: against the legal appointment at the policy's granularity (ClassifyAt). OverdueForDvcqg: against the
    // current appointment to the instant, and late from a repeated supplement request on (DvcqgStandingAt).
    private void AddOverdueRuns(List<DossierDayDelta> deltas, DateOnly receivedDay, DateOnly? endedDay)
    {
        AddOverdueRuns(deltas, receivedDay, endedDay, DossierDayMeasure.Overdue, e => e.OriginalAppointmentAt,
            (end, due) => Compare(end, due) == Timeliness.Late, lateFrom: null);
        AddOverdueRuns(deltas, receivedDay, endedDay, DossierDayMeasure.OverdueForDvcqg, e => e.CurrentAppointmentAt,
            (end, due) => end > due, RepeatedSupplementIndex());
    }

    private void AddOverdueRuns(
        List<DossierDayDelta> deltas, DateOnly receivedDay, DateOnly? endedDay, DossierDayMeasure measure,
        Func<DossierHistoryEntry, DateTime?> dueOf, Func<DateTime, DateTime, bool> isLate, int? lateFrom)
    {
        for (var i = 0; i < _history.Count; i++)
        {
            var entry = _history[i];
            var forced = lateFrom is { } marked && i >= marked;
            var due = dueOf(entry);
            if (due is null && !forced)
            {
                continue;
            }

            var from = Max(BusinessDate(entry.At), receivedDay);
            DateOnly? until = i + 1 < _history.Count ? BusinessDate(_history[i + 1].At) : null;
            if (endedDay is { } ended && (until is null || ended < until))
            {
                until = ended;
            }

            DateOnly? overdueFrom;
            if (forced)
            {
                overdueFrom = from;
            }
            else if (DeadlineWatch.IsPaused(entry.To, FinancialObligationPausesClock))
            {
                overdueFrom = isLate(_history[PauseStartIndex(i)].At, due!.Value) ? from : null;
            }
            else
            {
                overdueFrom = Max(from, FirstOverdueDay(due!.Value, isLate));
            }

            if (overdueFrom is not { } start || (until is { } stop && stop <= start))
            {
                continue;
            }

            deltas.Add(new DossierDayDelta(start, measure, 1));
            if (until is { } end)
            {
                deltas.Add(new DossierDayDelta(end, measure, -1));
            }
        }
    }

    // The first day at whose end an open dossier due at `due` is late by `isLate`.
    private static DateOnly FirstOverdueDay(DateTime due, Func<DateTime, DateTime, bool> isLate)
    {
        var day = BusinessDate(due).AddDays(-1);
        while (!isLate(EndOfDayUtc(day), due))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The last instant of a Vietnam business date (what a report for a period ending that day cuts at).</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        VietnamTime.StartOfDayUtc(day.AddDays(1)).AddTicks(-1);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
