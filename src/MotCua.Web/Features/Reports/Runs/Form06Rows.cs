using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Row = MotCua.Web.Features.Reports.Form06Report.Row;

namespace MotCua.Web.Features.Reports.Runs;

/// <summary>The canonical text of Biểu 06's rows, which a run stores and hashes: one line per row in the form's order, the
/// total last; each line is the kind (<c>level</c>, <c>sector</c>, <c>total</c>), the level (empty for the total), the label
/// and columns 3–13 as decimal integers, separated by a tab and ended by a line feed; a tab, carriage return or line feed
/// inside a label is written as a space. The hash is the lower-case hex SHA-256 of the text's UTF-8 bytes, so anyone can
/// recompute it from a run's rows.</summary>
public static class Form06Rows
{
    /// <summary>The version of Biểu 06's definition (columns and what counts where, <see cref="Domain.Reports.Form06Row"/>);
    /// raise it when either changes, so runs made before say which definition they followed.</summary>
    public const int DefinitionVersion = 1;

    public const string Report = "form06";

    public static string Format(IEnumerable<Row> rows, Row total)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(total);
        var text = new StringBuilder();
        foreach (var row in rows.Append(total))
        {
            text.Append(Clean(row.Kind)).Append('\t').Append(Clean(row.Level ?? "")).Append('\t').Append(Clean(row.Label));
            foreach (var value in Values(row))
            {
                text.Append('\t').Append(value.ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The rows of a canonical text, the total last.</summary>
    public static (IReadOnlyList<Row> Rows, Row Total) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var f = line.Split('\t');
            int V(int i) => int.Parse(f[3 + i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return new Row(f[0], f[1].Length == 0 ? null : f[1], f[2], V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7), V(8), V(9), V(10));
        }).ToList();
        return (rows[..^1], rows[^1]);
    }

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Columns 3–13 of a row, in the form's order.</summary>
    public static int[] Values(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.Total, row.Online, row.InPersonOrPostal, row.CarriedOver, row.Finished, row.Early, row.OnTime, row.Late, row.InProgress,
            row.WithinDeadline, row.Overdue];
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
