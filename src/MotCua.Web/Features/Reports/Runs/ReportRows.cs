using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Web.Features.Reports.Runs;

/// <summary>The canonical text of a report's lines (<see cref="ReportLine"/>), which a run stores and hashes: one line per
/// row in the report's order, the total last; each line is the kind (<c>level</c>, <c>sector</c>, <c>total</c>), the level
/// (empty for the total), the label and the value columns as invariant decimals without trailing zeros (a count is a plain
/// integer, a percentage like <c>97.5</c>), separated by a tab and ended by a line feed; a tab, carriage return or line
/// feed inside a label is written as a space. The hash is the lower-case hex SHA-256 of the text's UTF-8 bytes, so anyone
/// can recompute it from a run's rows. Biểu 06's runs made before other reports existed have the same text.</summary>
public static class ReportRows
{
    public static string Format(IEnumerable<ReportLine> rows, ReportLine total)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(total);
        var text = new StringBuilder();
        foreach (var row in rows.Append(total))
        {
            text.Append(Clean(row.Kind)).Append('\t').Append(Clean(row.Level ?? "")).Append('\t').Append(Clean(row.Label));
            foreach (var value in row.Values)
            {
                text.Append('\t').Append(value.ToString("0.##########", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The rows of a canonical text, the total last.</summary>
    public static (IReadOnlyList<ReportLine> Rows, ReportLine Total) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var f = line.Split('\t');
            return new ReportLine(f[0], f[1].Length == 0 ? null : f[1], f[2],
                [.. f[3..].Select(v => decimal.Parse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))]);
        }).ToList();
        return (rows[..^1], rows[^1]);
    }

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
