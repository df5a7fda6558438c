using System.Globalization;
using System.Resources;
using MotCua.Domain.Reports;
using MotCua.Web.Features.Reports.Runs;

namespace MotCua.Web.Features.Reports.Exports;

/// <summary>One run of a standard report laid out as its form (Biểu số 06/VPCP/KSTT of TT 01/2020/TT-VPCP, domain.md
/// §12.3; the PAKN report; the one-stop summary): the title block (form number, title, reporting unit, period "Từ ngày …
/// đến ngày …" and the rule it follows, unit of count), the two-level header (STT and the label over both rows, the value
/// columns under their groups), the numbered lines and the run's provenance. The page, the xlsx, the CSV and the PDF all
/// render this one layout of the run's stored rows, so they cannot disagree.</summary>
/// <remarks>The texts are the report's resources (<see cref="IStandardReport.ResourcePrefix"/>) and the common
/// <c>Report06_</c> ones: an export is a Vietnamese administrative document and is always built in Vietnamese; the page in
/// the reader's language.</remarks>
public sealed record ReportSheet(
    string FormCode, string LegalBasis, string Title, string Caption, string SheetName, string PeriodName, string PeriodRange, string PeriodRule,
    string ReportingUnit, string ReceivingUnit, string UnitOfCount, IReadOnlyList<string> Groups, IReadOnlyList<int> GroupSpans,
    IReadOnlyList<string> Columns, IReadOnlyList<bool> Percent, IReadOnlyList<ReportSheet.Line> Lines, IReadOnlyList<string> Notes,
    IReadOnlyList<string> Provenance)
{
    private static readonly ResourceManager Resources = new("MotCua.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>How many columns the form has: STT, the label and the value columns.</summary>
    public int ColumnCount => Columns.Count;

    /// <summary>A line of the table: column 1 (STT: I, II … for a group, 1, 2 … for its lines, empty for the total),
    /// column 2 and the value columns.</summary>
    public sealed record Line(string Kind, string Number, string Label, IReadOnlyList<decimal> Values);

    /// <summary>The sheet in Vietnamese, as every export prints it.</summary>
    public static ReportSheet ForExport(ReportRuns.RunView run, IStandardReport report) => Build(run, report, Vietnamese);

    /// <summary>The sheet in <paramref name="culture"/>'s language (the page's).</summary>
    public static ReportSheet Build(ReportRuns.RunView run, IStandardReport report, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(culture);
        string Text(string key, object[] args) =>
            string.Format(culture, Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Missing resource {key}."), args);
        string T(string key, params object[] args) => Text("Report06_" + key, args);
        string Own(string key, params object[] args) => Text(report.ResourcePrefix + key, args);
        string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var rule = ReportPeriod.RuleOf(run.PeriodRule) ?? Domain.Reports.PeriodRule.Range;
        var length = rule switch
        {
            Domain.Reports.PeriodRule.CalendarMonth or Domain.Reports.PeriodRule.Nd09Month => "Month",
            Domain.Reports.PeriodRule.CalendarQuarter or Domain.Reports.PeriodRule.Nd09Quarter => "Quarter",
            Domain.Reports.PeriodRule.CalendarSixMonths or Domain.Reports.PeriodRule.Nd09SixMonths => "SixMonths",
            Domain.Reports.PeriodRule.CalendarNineMonths or Domain.Reports.PeriodRule.Nd09NineMonths => "NineMonths",
            Domain.Reports.PeriodRule.CalendarYear or Domain.Reports.PeriodRule.Nd09Year => "Year",
            _ => "Range",
        };
        // Every rule's period ends in its report month, quarter and year (an ND 09 quarter on the 14th of its last month).
        var period = T("Period_" + length, run.To.Year, length == "Quarter" ? (run.To.Month + 2) / 3 : run.To.Month, Date(run.From), Date(run.To));
        var family = rule == Domain.Reports.PeriodRule.Range ? "Range" : rule >= Domain.Reports.PeriodRule.Nd09Month ? "Nd09" : "Calendar";
        var columns = 2 + report.Columns.Count;

        return new ReportSheet(
            Own("FormCode"), Own("LegalBasis"), Own("Title"), Own("Caption"), Own("SheetName"), T("PeriodName", period), T("PeriodRange", Date(run.From), Date(run.To)),
            T("Rule_" + family), T("ReportingUnit", run.UnitName), T("ReceivingUnit"), Own("UnitOfCount"),
            [.. report.Groups.Select(g => Own(g.Key))], [.. report.Groups.Select(g => g.Span)],
            [.. Enumerable.Range(1, columns).Select(c => Own("Col" + c.ToString(CultureInfo.InvariantCulture)))],
            [.. Enumerable.Range(0, report.Columns.Count).Select(report.IsPercent)],
            LinesOf(run), [.. report.Notes.Select(n => Own(n))],
            [T("Provenance_Run", run.Id, run.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC", run.DataVersion, run.DefinitionVersion),
                T("Provenance_Hash", run.RowsHash)]);
    }

    /// <summary>The header group of value column <paramref name="column"/> (0-based over all columns; 2 is the first value
    /// column), or -1 for columns 1 and 2.</summary>
    public int GroupOf(int column)
    {
        var end = 2;
        for (var g = 0; g < GroupSpans.Count; g++)
        {
            end += GroupSpans[g];
            if (column >= 2 && column < end)
            {
                return g;
            }
        }

        return -1;
    }

    /// <summary>A value as the page and the PDF print it: a count whole, a percentage with two decimals.</summary>
    public string Format(int index, decimal value, CultureInfo culture, bool grouped) =>
        Percent[index] ? value.ToString(grouped ? "N2" : "0.00", culture) : value.ToString(grouped ? "N0" : "0", culture);

    private static List<Line> LinesOf(ReportRuns.RunView run)
    {
        var lines = new List<Line>();
        var (level, sector) = (0, 0);
        foreach (var row in run.Lines.SkipLast(1))
        {
            var number = row.Kind == "level" ? Roman(++level) : (++sector).ToString(CultureInfo.InvariantCulture);
            sector = row.Kind == "level" ? 0 : sector;
            lines.Add(new Line(row.Kind, number, row.Label, row.Values));
        }

        var total = run.Lines[^1];
        lines.Add(new Line(total.Kind, "", total.Label, total.Values));
        return lines;
    }

    private static string Roman(int n) => n switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
