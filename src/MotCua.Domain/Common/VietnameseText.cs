using System.Globalization;
using System.Text;

namespace MotCua.Domain.Common;

/// <summary>Accent-insensitive normalisation of Vietnamese text for search keys.</summary>
/// <remarks>
/// The folded form is stored in a plain column so that <c>LIKE '%dang ky khai sinh%'</c> finds
/// "Đăng ký khai sinh" identically on SQLite and PostgreSQL, without collations or extensions.
/// Old and new tone placement ("ủy"/"uỷ", "hòa"/"hoà") fold to the same key because all marks are removed.
/// </remarks>
public static class VietnameseText
{
    /// <summary>
    /// Lower-cases, removes diacritics, maps đ/Đ to d and collapses runs of white space to one space.
    /// </summary>
    /// <param name="text">Any text, precomposed (NFC) or decomposed (NFD).</param>
    /// <returns>The folded key; empty for null or white-space input.</returns>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // đ/Đ are letters in their own right, not d plus a combining mark, so NFD leaves them intact.
            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
