using System.Globalization;
using System.Text;

namespace MotCua.Web.Features.Reports.Exports;

/// <summary>A report run as CSV (RFC 4180): one header line naming every column (a group's columns as "group – column"),
/// then one line per row of the form, values as invariant decimals (a percentage like 97.5); UTF-8 with a byte-order mark, because Excel reads a CSV without one in the machine's legacy
/// code page and garbles Vietnamese; CRLF line ends. No title block: a CSV is for machines, the period and the run are in
/// the file name.</summary>
/// <remarks>Written by hand: a dozen fields a line, quoted when they hold a comma, a quote or a line break, is all RFC 4180
/// asks, and CsvHelper 34 (docs/dependencies.md) is a source-generated rewrite built for typed records.</remarks>
public static class ReportCsv
{
    public static byte[] Write(ReportSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return Write([Headers(sheet), .. sheet.Lines.Select(line =>
            (IReadOnlyList<string>)[line.Number, line.Label, .. line.Values.Select(Number)])]);
    }

    /// <summary>Any table in the same form (UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting): the first line the
    /// header; the PAR Index published results use it too.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            AppendLine(text, line);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A value as an invariant decimal (a percentage like 97.5).</summary>
    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>The header of each column: column 1 and 2 as printed, the others under their group.</summary>
    public static IReadOnlyList<string> Headers(ReportSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var headers = new List<string> { sheet.Columns[0], sheet.Columns[1] };
        var column = 2;
        for (var g = 0; g < sheet.GroupSpans.Count; g++)
        {
            for (var i = 0; i < sheet.GroupSpans[g]; i++, column++)
            {
                headers.Add($"{sheet.Groups[g]} – {sheet.Columns[column]}");
            }
        }

        return headers;
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
