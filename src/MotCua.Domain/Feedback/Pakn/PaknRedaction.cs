using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>Removes personal data from an answer before it is published (ND 20/2008 Art. 19 publishes the result,
/// not the person; ND 13/2023 on personal data protection).</summary>
/// <remarks>
/// <para>Removed: the submitter's name, address, phone and e-mail wherever they appear (ignoring case and diacritics,
/// so "nguyen van a" goes with "Nguyễn Văn A"), and anything that looks like an e-mail address, a Vietnamese phone
/// number (0 or +84 then 9–10 digits, with spaces, dots or hyphens between digits) or a 12-digit personal
/// identification number (CCCD).</para>
/// <para>It is a safety net, not a proof: a publisher still reads the text. Other people's names, or a submitter
/// described without their name, are not detected.</para>
/// </remarks>
public static partial class PaknRedaction
{
    /// <summary>What replaces each removed item.</summary>
    public const string Mask = "[đã ẩn]";

    // The shortest submitter value searched for: a shorter name would remove ordinary words.
    private const int MinimumValueLength = 3;

    /// <summary>The text with the submitter's data and anything that looks like an identifier replaced by
    /// <see cref="Mask"/>.</summary>
    public static string Redact(string text, PaknSubmitter submitter)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(submitter);
        var result = text;

        // Longest first, so that an address containing the name is removed whole.
        var values = new[] { submitter.Address, submitter.FullName, submitter.Email, submitter.Phone }
            .Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= MinimumValueLength)
            .Select(v => v!.Trim())
            .OrderByDescending(v => v.Length);
        foreach (var value in values)
        {
            result = ReplaceIgnoringCaseAndMarks(result, value);
        }

        result = EmailPattern().Replace(result, Mask);
        result = IdentityNumberPattern().Replace(result, Mask);
        return PhonePattern().Replace(result, Mask);
    }

    /// <summary>Whether <see cref="Redact"/> would change the text.</summary>
    public static bool ContainsPersonalData(string text, PaknSubmitter submitter) =>
        !string.Equals(Redact(text, submitter), text, StringComparison.Ordinal);

    // Finds the value in a folded copy of the text (lower case, no diacritics, đ as d, white space runs as one space;
    // the same folding as VietnameseText.Fold) and replaces the original characters each match came from. Matches
    // must stand alone: a letter or digit right before or after means a longer word.
    private static string ReplaceIgnoringCaseAndMarks(string text, string value)
    {
        var (folded, origin) = Fold(text);
        var needle = Fold(value).Folded;
        if (needle.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        var from = 0;
        while (from <= folded.Length - needle.Length)
        {
            var at = folded.IndexOf(needle, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var end = at + needle.Length;
            if ((at > 0 && char.IsLetterOrDigit(folded[at - 1])) || (end < folded.Length && char.IsLetterOrDigit(folded[end])))
            {
                from = at + 1;
                continue;
            }

            var start = origin[at];
            var stop = origin[end - 1] + 1;
            while (stop < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[stop]) == UnicodeCategory.NonSpacingMark)
            {
                stop++;
            }

            builder.Append(text, copied, start - copied).Append(Mask);
            copied = stop;
            from = end;
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static (string Folded, int[] Origin) Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (folded.Length > 0 && folded[^1] != ' ')
                {
                    folded.Append(' ');
                    origin.Add(i);
                }

                continue;
            }

            // đ/Đ are letters in their own right, not d plus a mark, so decomposition leaves them intact; a lone surrogate
            // cannot be normalised and is kept.
            if (c is 'đ' or 'Đ' || char.IsSurrogate(c))
            {
                folded.Append(c is 'đ' or 'Đ' ? 'd' : c);
                origin.Add(i);
                continue;
            }

            foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    folded.Append(char.ToLowerInvariant(part));
                    origin.Add(i);
                }
            }
        }

        if (folded.Length > 0 && folded[^1] == ' ')
        {
            folded.Length--;
            origin.RemoveAt(origin.Count - 1);
        }

        return (folded.ToString(), [.. origin]);
    }

    [GeneratedRegex(@"[^@\s\[\]()<>,;:]+@[^@\s\[\]()<>,;:]+\.[^@\s\[\]()<>,;:]*[^@\s\[\]()<>,;:.]", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\d+])\d{12}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IdentityNumberPattern();

    [GeneratedRegex(@"(?<![\d+])(?:\+84|0)(?:[ .\-]?\d){9,10}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
