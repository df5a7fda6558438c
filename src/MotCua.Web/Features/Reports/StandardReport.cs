using MotCua.Domain.Common;

namespace MotCua.Web.Features.Reports;

/// <summary>One line of a standard report: a group heading with its subtotal (<c>level</c>: a procedure level of Biểu 06, a
/// channel or kind section of the PAKN report), a detail line (<c>sector</c>: a sector, a channel, a unit) or the total
/// (<c>total</c>, always last); the group's code (empty for the total) and the label; then the report's value columns, in
/// its order (<see cref="IStandardReport.Columns"/>): counts, and for a percentage column a ratio rounded to 2 decimals.</summary>
public sealed record ReportLine(string Kind, string? Level, string Label, IReadOnlyList<decimal> Values);

/// <summary>A standard report computed for a unit (with its child units) and a period: its lines, the total last.</summary>
public sealed record ReportTable(Guid UnitId, string UnitName, int UnitsIncluded, IReadOnlyList<ReportLine> Rows, ReportLine Total);

/// <summary>A report the builder offers and the run machinery records (<c>Runs/ReportRuns</c>) and exports
/// (<c>Exports/</c>): how it is computed and checked, and the layout of its sheet (two header rows: column 1 "STT" and
/// column 2 the label span both, every other column sits under a group).</summary>
/// <remarks>Sheet texts are resources <c>{ResourcePrefix}FormCode</c>, <c>LegalBasis</c>, <c>Title</c>, <c>Caption</c>,
/// <c>UnitOfCount</c>, <c>Col1</c>…<c>ColN</c>, the group keys and the note keys; the period, rule, unit and provenance
/// lines are the <c>Report06_</c> ones, shared by every report.</remarks>
public interface IStandardReport
{
    /// <summary>The report's code in addresses and runs, e.g. <c>form06</c>.</summary>
    string Code { get; }

    /// <summary>The version of the definition (columns and what counts where); raise it when either changes.</summary>
    int DefinitionVersion { get; }

    /// <summary>Longest period asked at once, in days.</summary>
    int MaxDays { get; }

    /// <summary>The prefix of the report's own resources, e.g. <c>Report06_</c>.</summary>
    string ResourcePrefix { get; }

    /// <summary>The start of the export file names, e.g. <c>bieu-06</c>.</summary>
    string FileName { get; }

    /// <summary>The value columns' names in the API (columns 3 …), in order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The header groups over the value columns: the resource key after the prefix and how many columns each
    /// spans, in order; the spans add up to <see cref="Columns"/>' count.</summary>
    IReadOnlyList<(string Key, int Span)> Groups { get; }

    /// <summary>The resource keys (after the prefix) of the notes printed under the table.</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>Whether value column <paramref name="index"/> (0 = column 3) is a percentage.</summary>
    bool IsPercent(int index);

    /// <summary>The report for a resolved unit and period, read as the data stand in the context's transaction.</summary>
    Task<Result<ReportTable>> ComputeAsync(ReportScope.Resolved resolved, CancellationToken ct);

    /// <summary>The report's own checks on its lines; each failure names the line; empty when all hold.</summary>
    IReadOnlyList<string> Check(IReadOnlyList<ReportLine> rows, ReportLine total);
}

/// <summary>The reports the builder offers, in its order (<see cref="IStandardReport"/> registrations).</summary>
public sealed class StandardReports(IEnumerable<IStandardReport> reports)
{
    public IReadOnlyList<IStandardReport> All { get; } = [.. reports];

    /// <summary>The report of <paramref name="code"/>, or <see langword="null"/>.</summary>
    public IStandardReport? Find(string? code) => All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal));
}
