using MotCua.Domain.Reports;

namespace MotCua.Persistence.Reports;

/// <summary>One recorded run of a standard report (domain.md §12.3: reports must be reproducible): what was asked, what
/// data it read and the rows it gave. The page, the xlsx, the CSV and the PDF of a run are all rendered from
/// <see cref="Rows"/>, so they agree; <see cref="RowsHash"/> is the SHA-256 of those rows, so a re-run of a closed period
/// can be compared with one line.</summary>
public sealed class ReportRun
{
    public Guid Id { get; set; }

    /// <summary>The report's code, e.g. <c>form06</c> (Biểu số 06/VPCP/KSTT).</summary>
    public string Report { get; set; } = "";

    /// <summary>The version of the report's definition (columns, what counts where) the rows were computed by.</summary>
    public int DefinitionVersion { get; set; }

    /// <summary>The reporting unit; its child units are included (domain.md §8.3).</summary>
    public Guid UnitId { get; set; }

    /// <summary>The unit's name when the report ran, as printed on the form.</summary>
    public string UnitName { get; set; } = "";

    /// <summary>How many units (the unit and its descendants) were counted.</summary>
    public int UnitsIncluded { get; set; }

    public PeriodRule PeriodRule { get; set; }

    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    public DateTime GeneratedAt { get; set; }

    /// <summary>The account that ran it (an id, no personal data).</summary>
    public Guid GeneratedBy { get; set; }

    /// <summary>The statistics version the rows were read at (<see cref="Statistics.StatisticsVersion"/>).</summary>
    public long DataVersion { get; set; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="Rows"/>.</summary>
    public string RowsHash { get; set; } = "";

    /// <summary>The rows in their canonical text form (the report's own format, described where it is written).</summary>
    public string Rows { get; set; } = "";
}
