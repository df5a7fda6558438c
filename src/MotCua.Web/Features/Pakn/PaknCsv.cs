using System.Text;
using MotCua.Domain.Common;

namespace MotCua.Web.Features.Pakn;

/// <summary>CSV as spreadsheets write it (RFC 4180): fields separated by a comma, a semicolon (what Excel writes where
/// the decimal separator is a comma, as in Vietnamese settings) or a tab, the separator taken from the header line;
/// fields in double quotes may hold separators, line breaks and doubled quotes; a UTF-8 byte-order mark is dropped.</summary>
public static class PaknCsv
{
    /// <summary>One record: the line it starts on (1 is the header) and its fields.</summary>
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    /// <summary>The records of <paramref name="text"/>, header first, blank lines skipped; or why it cannot be read.</summary>
    public static (IReadOnlyList<Record> Records, char Separator, FieldMessage? Error) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var separator = Separator(text);
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted, afterQuote) = (1, 1, false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        (quoted, afterQuote) = (false, true);
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                afterQuote = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                Add(records, fields, start);
                fields = [];
                afterQuote = false;
                line++;
                start = line;
            }
            else if (c == '"' && field.Length == 0 && !afterQuote)
            {
                quoted = true;
            }
            else if (afterQuote)
            {
                return ([], separator, new FieldMessage("pakn.import.after_quote", "Dòng {0}: sau dấu ngoặc kép đóng chỉ được là dấu phân cách hoặc xuống dòng.", line));
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return ([], separator, new FieldMessage("pakn.import.unclosed_quote", "Dòng {0}: thiếu dấu ngoặc kép đóng.", start));
        }

        fields.Add(field.ToString());
        Add(records, fields, start);
        return (records, separator, null);
    }

    /// <summary>One line of CSV (CRLF-terminated), quoting what needs it and neutralising a leading <c>= + - @</c> so a
    /// spreadsheet does not run a typed value as a formula.</summary>
    public static string Line(IEnumerable<string> fields, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join(separator, fields.Select(f => Quote(f, separator))) + "\r\n";
    }

    private static string Quote(string field, char separator)
    {
        var text = field.Length > 0 && field[0] is '=' or '+' or '-' or '@' ? "'" + field : field;
        return text.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void Add(List<Record> records, List<string> fields, int line)
    {
        if (fields.Count > 1 || fields[0].Trim().Length > 0)
        {
            records.Add(new Record(line, [.. fields]));
        }
    }

    private static readonly char[] Separators = [',', ';', '\t'];

    // The header line's most frequent of the three separators; a comma when there is none.
    private static char Separator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        var counts = Separators.Select(s => (Separator: s, Count: header.Count(c => c == s))).ToList();
        var best = counts.MaxBy(c => c.Count);
        return best.Count == 0 ? ',' : best.Separator;
    }
}
