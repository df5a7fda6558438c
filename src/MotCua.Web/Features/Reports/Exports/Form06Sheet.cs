using System.Globalization;
using System.Resources;
using MotCua.Domain.Reports;
using MotCua.Web.Features.Reports.Runs;

namespace MotCua.Web.Features.Reports.Exports;

/// <summary>One run of Biểu số 06/VPCP/KSTT laid out as the form (TT 01/2020/TT-VPCP; domain.md §12.3): the title block
/// (form number, title, reporting unit, period "Từ ngày … đến ngày …" and the rule it follows, unit of count), the
/// two-level header, the numbered lines and the run's provenance. The page, the xlsx, the CSV and the PDF all render this
/// one layout of the run's stored rows, so they cannot disagree.</summary>
/// <remarks>The texts are the <c>Report06_*</c> resources: an export is a Vietnamese administrative document and is always
/// built in Vietnamese; the page in the reader's language.</remarks>
public sealed record Form06Sheet(
    string FormCode, string LegalBasis, string Title, string PeriodName, string PeriodRange, string PeriodRule, string ReportingUnit,
    string ReceivingUnit, string UnitOfCount, IReadOnlyList<string> Groups, IReadOnlyList<string> Columns, IReadOnlyList<Form06Sheet.Line> Lines,
    IReadOnlyList<string> Notes, IReadOnlyList<string> Provenance)
{
    /// <summary>How many of the form's columns each header group spans: 3–6, 7–10, 11–13.</summary>
    public static readonly int[] GroupSpans = [4, 4, 3];

    /// <summary>The form's 13 columns.</summary>
    public const int ColumnCount = 13;

    private static readonly ResourceManager Resources = new("MotCua.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A line of the table: column 1 (STT: I, II … for a level, 1, 2 … for its sectors, empty for the total),
    /// column 2 and columns 3–13.</summary>
    public sealed record Line(string Kind, string Number, string Label, IReadOnlyList<int> Values);

    /// <summary>The sheet in Vietnamese, as every export prints it.</summary>
    public static Form06Sheet ForExport(ReportRuns.RunView run) => Build(run, Vietnamese);

    /// <summary>The sheet in <paramref name="culture"/>'s language (the page's).</summary>
    public static Form06Sheet Build(ReportRuns.RunView run, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(culture);
        string T(string key, params object[] args) =>
            string.Format(culture, Resources.GetString("Report06_" + key, culture) ?? throw new InvalidOperationException($"Missing resource Report06_{key}."), args);
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

        return new Form06Sheet(
            T("FormCode"), T("LegalBasis"), T("Title"), T("PeriodName", period), T("PeriodRange", Date(run.From), Date(run.To)),
            T("Rule_" + family), T("ReportingUnit", run.UnitName), T("ReceivingUnit"), T("UnitOfCount"),
            [T("Group_Received"), T("Group_Finished"), T("Group_InProgress")],
            [.. Enumerable.Range(1, ColumnCount).Select(c => T("Col" + c.ToString(CultureInfo.InvariantCulture)))],
            LinesOf(run), [T("Note_OnTime"), T("Note_WithinDeadline")],
            [T("Provenance_Run", run.Id, run.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC", run.DataVersion, run.DefinitionVersion),
                T("Provenance_Hash", run.RowsHash)]);
    }

    private static List<Line> LinesOf(ReportRuns.RunView run)
    {
        var lines = new List<Line>();
        var (level, sector) = (0, 0);
        foreach (var row in run.Rows)
        {
            var number = row.Kind == "level" ? Roman(++level) : (++sector).ToString(CultureInfo.InvariantCulture);
            sector = row.Kind == "level" ? 0 : sector;
            lines.Add(new Line(row.Kind, number, row.Label, Form06Rows.Values(row)));
        }

        lines.Add(new Line(run.Total.Kind, "", run.Total.Label, Form06Rows.Values(run.Total)));
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
