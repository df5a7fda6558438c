using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Reports;

/// <summary>Sums of <see cref="Dossier.DailyContributions"/> over some days, for one (unit, procedure, channel) or a
/// total. Summed from the beginning up to a day, they are the standing at that day's end (<see cref="Open"/>,
/// <see cref="Overdue"/>); the difference of two such prefixes is the period's flows.</summary>
public readonly record struct DossierCounts(
    int Received, int EndedEarly, int EndedOnTime, int EndedLate, int EndedUnclassified, int EndedWithoutResult, int EndedLateForDvcqg, int Overdue,
    int OverdueForDvcqg, int ReceivedDigitised = 0, int ReceivedReusingData = 0, int EndedWithElectronicResult = 0)
{
    /// <summary>Ended, each dossier once (the five Ended measures are exclusive).</summary>
    public int Ended => EndedEarly + EndedOnTime + EndedLate + EndedUnclassified + EndedWithoutResult;

    /// <summary>Ended with a result (not withdrawn, refused after appraisal or stopped).</summary>
    public int EndedWithResult => Ended - EndedWithoutResult;

    /// <summary>Received and not ended.</summary>
    public int Open => Received - Ended;

    public static DossierCounts operator +(DossierCounts a, DossierCounts b) => new(
        a.Received + b.Received, a.EndedEarly + b.EndedEarly, a.EndedOnTime + b.EndedOnTime, a.EndedLate + b.EndedLate,
        a.EndedUnclassified + b.EndedUnclassified, a.EndedWithoutResult + b.EndedWithoutResult, a.EndedLateForDvcqg + b.EndedLateForDvcqg,
        a.Overdue + b.Overdue, a.OverdueForDvcqg + b.OverdueForDvcqg, a.ReceivedDigitised + b.ReceivedDigitised,
        a.ReceivedReusingData + b.ReceivedReusingData, a.EndedWithElectronicResult + b.EndedWithElectronicResult);

    public static DossierCounts operator -(DossierCounts a, DossierCounts b) => new(
        a.Received - b.Received, a.EndedEarly - b.EndedEarly, a.EndedOnTime - b.EndedOnTime, a.EndedLate - b.EndedLate,
        a.EndedUnclassified - b.EndedUnclassified, a.EndedWithoutResult - b.EndedWithoutResult, a.EndedLateForDvcqg - b.EndedLateForDvcqg,
        a.Overdue - b.Overdue, a.OverdueForDvcqg - b.OverdueForDvcqg, a.ReceivedDigitised - b.ReceivedDigitised,
        a.ReceivedReusingData - b.ReceivedReusingData, a.EndedWithElectronicResult - b.EndedWithElectronicResult);

    public static DossierCounts Add(DossierCounts a, DossierCounts b) => a + b;

    public static DossierCounts Subtract(DossierCounts a, DossierCounts b) => a - b;
}
