namespace MotCua.Persistence.ServiceIndex;

/// <summary>A 766 indicator's counts for a unit and period imported from outside MotCua (the national TTHC database,
/// the portal's own figures: group 1, 1.4, 4.3–4.5, the certified-copy indicator …), so the scorecard can score the
/// indicators MotCua cannot compute, and say so (domain.md §8.3: show the portal's figure, never overwrite the local one).
/// One row per (unit, period, indicator); importing again replaces the counts and records who and when.</summary>
public sealed class ServiceIndexFigure
{
    public const int IndicatorIdMaxLength = 40;
    public const int SourceNoteMaxLength = 500;

    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    /// <summary>The period's first day (Vietnam date).</summary>
    public DateOnly PeriodFirst { get; set; }

    /// <summary>The period's last day (inclusive).</summary>
    public DateOnly PeriodLast { get; set; }

    /// <summary>The indicator's id in the set in force on the period's last day (aliases are resolved on import).</summary>
    public string IndicatorId { get; set; } = "";

    public long Numerator { get; set; }

    public long Denominator { get; set; }

    /// <summary>Where the figure comes from (e.g. "Cổng DVCQG, API transparency, 05/01/2027").</summary>
    public string SourceNote { get; set; } = "";

    /// <summary>The staff account that imported it; <see langword="null"/> for the command line (an operator on the server).</summary>
    public Guid? ImportedById { get; set; }

    public DateTime ImportedAt { get; set; }
}
