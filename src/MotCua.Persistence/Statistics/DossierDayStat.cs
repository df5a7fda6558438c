using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Statistics;

/// <summary>How long a <see cref="DossierDayStat"/> row's bucket is, and which unit it is by: the competent unit
/// (<see cref="Day"/>, <see cref="Month"/>; <see cref="DossierDayStat.ReceivingUnitId"/> is <see cref="Guid.Empty"/>) or
/// the receiving unit (<see cref="DeskDay"/>, <see cref="DeskMonth"/>; <see cref="DossierDayStat.UnitId"/> is
/// <see cref="Guid.Empty"/>). Every delta is written to all four, so both views hold the same sums, and a read by
/// competent unit touches no more rows than before the receiving unit was kept.</summary>
public enum StatGrain
{
    /// <summary>One Vietnam business date.</summary>
    Day = 0,

    /// <summary>A calendar month, keyed by its first day: the same deltas summed, so a period of whole months reads twelve
    /// rows per (unit, procedure, channel) a year instead of 365.</summary>
    Month = 1,

    /// <summary>One day, by receiving unit (the service-centre Biểu 06).</summary>
    DeskDay = 2,

    /// <summary>A calendar month, by receiving unit.</summary>
    DeskMonth = 3,
}

/// <summary>The dossier statistics of one (competent unit, procedure, channel) or one (receiving unit, procedure,
/// channel) in one day or month (<see cref="StatGrain"/>): the sums of <see cref="Dossier.DailyContributions"/> of every
/// dossier (domain.md §12.3; issue 10 §5). Flows are summed over a period; <see cref="Overdue"/> and
/// <see cref="OverdueForDvcqg"/> are running deltas, summed from the beginning up to a day-end. Reports by competent unit
/// read the competent grains; the service-centre Biểu 06 the desk grains (<see cref="StatUnit.Receiving"/>).</summary>
public sealed class DossierDayStat
{
    /// <summary>The competent unit (<see cref="Dossier.CompetentUnitId"/>); <see cref="Guid.Empty"/> in the desk grains.</summary>
    public Guid UnitId { get; set; }

    public StatGrain Grain { get; set; }

    /// <summary>The day, or the first day of the month.</summary>
    public DateOnly Day { get; set; }

    public Guid ProcedureId { get; set; }

    public DossierChannel Channel { get; set; }

    /// <summary>The unit whose desk received the dossier (<see cref="Dossier.ReceivingUnitId"/>): the service-centre
    /// dimension; <see cref="Guid.Empty"/> in the competent grains.</summary>
    public Guid ReceivingUnitId { get; set; }

    public int Received { get; set; }

    public int EndedEarly { get; set; }

    public int EndedOnTime { get; set; }

    public int EndedLate { get; set; }

    public int EndedUnclassified { get; set; }

    public int EndedWithoutResult { get; set; }

    public int EndedLateForDvcqg { get; set; }

    public int Overdue { get; set; }

    public int OverdueForDvcqg { get; set; }

    public int ReceivedDigitised { get; set; }

    public int ReceivedReusingData { get; set; }

    public int EndedWithElectronicResult { get; set; }

    /// <summary>Adds <paramref name="delta"/> to the measure's column.</summary>
    public void Add(DossierDayMeasure measure, int delta)
    {
        switch (measure)
        {
            case DossierDayMeasure.Received: Received += delta; break;
            case DossierDayMeasure.EndedEarly: EndedEarly += delta; break;
            case DossierDayMeasure.EndedOnTime: EndedOnTime += delta; break;
            case DossierDayMeasure.EndedLate: EndedLate += delta; break;
            case DossierDayMeasure.EndedUnclassified: EndedUnclassified += delta; break;
            case DossierDayMeasure.EndedWithoutResult: EndedWithoutResult += delta; break;
            case DossierDayMeasure.EndedLateForDvcqg: EndedLateForDvcqg += delta; break;
            case DossierDayMeasure.Overdue: Overdue += delta; break;
            case DossierDayMeasure.OverdueForDvcqg: OverdueForDvcqg += delta; break;
            case DossierDayMeasure.ReceivedDigitised: ReceivedDigitised += delta; break;
            case DossierDayMeasure.ReceivedReusingData: ReceivedReusingData += delta; break;
            case DossierDayMeasure.EndedWithElectronicResult: EndedWithElectronicResult += delta; break;
            default: throw new ArgumentOutOfRangeException(nameof(measure), measure, null);
        }
    }

    /// <summary>The measure's column.</summary>
    public int Get(DossierDayMeasure measure) => measure switch
    {
        DossierDayMeasure.Received => Received,
        DossierDayMeasure.EndedEarly => EndedEarly,
        DossierDayMeasure.EndedOnTime => EndedOnTime,
        DossierDayMeasure.EndedLate => EndedLate,
        DossierDayMeasure.EndedUnclassified => EndedUnclassified,
        DossierDayMeasure.EndedWithoutResult => EndedWithoutResult,
        DossierDayMeasure.EndedLateForDvcqg => EndedLateForDvcqg,
        DossierDayMeasure.Overdue => Overdue,
        DossierDayMeasure.OverdueForDvcqg => OverdueForDvcqg,
        DossierDayMeasure.ReceivedDigitised => ReceivedDigitised,
        DossierDayMeasure.ReceivedReusingData => ReceivedReusingData,
        DossierDayMeasure.EndedWithElectronicResult => EndedWithElectronicResult,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>Adds every column of <paramref name="other"/>.</summary>
    public void AddAll(DossierDayStat other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var measure in Enum.GetValues<DossierDayMeasure>())
        {
            Add(measure, other.Get(measure));
        }
    }

    /// <summary>Whether every column is 0 (a row that can be deleted).</summary>
    public bool IsEmpty => Enum.GetValues<DossierDayMeasure>().All(m => Get(m) == 0);
}

/// <summary>What one dossier's statistics were last applied as: its key and its contributions, so the next change
/// applies only the difference (and a change of competent or receiving unit moves the counts).</summary>
public sealed class DossierStatSnapshot
{
    public Guid DossierId { get; set; }

    public Guid UnitId { get; set; }

    public Guid ProcedureId { get; set; }

    public DossierChannel Channel { get; set; }

    public Guid ReceivingUnitId { get; set; }

    /// <summary>The dossier version applied; a concurrency token, so two appliers never count one change twice.</summary>
    public int AppliedVersion { get; set; }

    /// <summary>The contributions, compactly: <c>yyyyMMdd:measure:delta</c> separated by <c>;</c>.</summary>
    public string Contributions { get; set; } = "";
}

/// <summary>A dossier whose statistics must be brought up to date; written in the same SaveChanges as its history entry,
/// so no change can be missed (duplicates are harmless: the applier works from the difference).</summary>
public sealed class DossierStatQueueItem
{
    public Guid Id { get; set; }

    public Guid DossierId { get; set; }

    public DateTime EnqueuedAt { get; set; }
}
