using Row = MotCua.Web.Features.Reports.Form06Report.Row;

namespace MotCua.Web.Features.Reports.Runs;

/// <summary>Biểu 06's rows as report lines (<see cref="ReportLine"/>: columns 3–13 in the form's order), and back; a run
/// stores them in the common canonical text (<see cref="ReportRows"/>).</summary>
public static class Form06Rows
{
    /// <summary>The version of Biểu 06's definition (columns and what counts where, <see cref="Domain.Reports.Form06Row"/>);
    /// raise it when either changes, so runs made before say which definition they followed.</summary>
    public const int DefinitionVersion = 1;

    public const string Report = "form06";

    /// <summary>Columns 3–13 of a row, in the form's order.</summary>
    public static int[] Values(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.Total, row.Online, row.InPersonOrPostal, row.CarriedOver, row.Finished, row.Early, row.OnTime, row.Late, row.InProgress,
            row.WithinDeadline, row.Overdue];
    }

    public static ReportLine ToLine(Row row) => new(row.Kind, row.Level, row.Label, [.. Values(row).Select(v => (decimal)v)]);

    public static Row FromLine(ReportLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int V(int i) => (int)line.Values[i];
        return new Row(line.Kind, line.Level, line.Label, V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7), V(8), V(9), V(10));
    }
}
