namespace MotCua.Domain.Dossiers;

/// <summary>What a dossier adds to the daily statistics of its (competent unit, procedure, channel) on a Vietnam business
/// date (domain.md §12.3, issue 10 §5). Flows are summed over a period's days; <see cref="Overdue"/> is a running
/// delta whose sum up to a day gives the standing at that day's end.</summary>
public enum DossierDayMeasure
{
    /// <summary>Received (the clock started) on the day.</summary>
    Received = 1,

    /// <summary>Processing ended on the day with a result, before the legal appointment (TT 01/2018 Index 1 "Early").
    /// Each ended dossier counts in exactly one of the five Ended measures.</summary>
    EndedEarly = 2,

    /// <summary>Processing ended on the day, on the appointment.</summary>
    EndedOnTime = 3,

    /// <summary>Processing ended on the day, after the appointment.</summary>
    EndedLate = 4,

    /// <summary>Processing ended on the day but the dossier had no appointment to judge it by.</summary>
    EndedUnclassified = 5,

    /// <summary>Processing ended on the day without a result (withdrawn, refused after appraisal, stopped), whatever the
    /// time; Biểu 06 counts them as on time (§12.3).</summary>
    EndedWithoutResult = 6,

    /// <summary>Of those ended on the day: late by the national portal's rule (after the current appointment, or more
    /// than one agency supplement; 766 indicator 2.1).</summary>
    EndedLateForDvcqg = 7,

    /// <summary>Running delta: +1 on the first day at whose end the still-open dossier is overdue, −1 on the first day
    /// it no longer is (ended, paused before its deadline, or given a later appointment).</summary>
    Overdue = 8,

    /// <summary>Running delta like <see cref="Overdue"/>, by the national portal's rule for a dossier still open at a
    /// period's end (766 indicator 2.1, domain.md §3.4): the period end (or, while waiting for the applicant, the time
    /// of that request) is after the <b>current</b> appointment (<c>NgayHenTra</c>), or a second agency supplement was
    /// requested under <see cref="SupplementClockPolicy.SupplementPause"/>. Compared to the instant, as
    /// <see cref="Dossier.IsOnTimeForDvcqg"/> is.</summary>
    OverdueForDvcqg = 9,

    /// <summary>Received on the day, with a digitised component and an electronic result (766 indicator 4.2: the dossier
    /// went through digitisation and has an electronic result; <see cref="DossierDocumentFacts"/>).</summary>
    ReceivedDigitised = 10,

    /// <summary>Received on the day, with a component cut or replaced by data the state already holds (766 indicator 4.3).</summary>
    ReceivedReusingData = 11,

    /// <summary>Of those ended on the day with a result: with an electronic result file (766 indicator 4.1).</summary>
    EndedWithElectronicResult = 12,
}

/// <summary>What a dossier's documents say for the digitisation indicators of 766 group 5 (domain.md §8.2): whether any
/// component was digitised, any was taken from data already digitised, and any file is an electronic result. The flags
/// are the desk's and the handling officer's, set on each document.</summary>
public readonly record struct DossierDocumentFacts(bool Digitised, bool ReusedData, bool ElectronicResult);

/// <summary>One dossier's contribution to one day's statistics.</summary>
public readonly record struct DossierDayDelta(DateOnly Day, DossierDayMeasure Measure, int Delta);
