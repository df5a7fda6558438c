using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The second factor of the anonymous public pages (dossier progress, PAKN reply and supplement): the last
/// <see cref="Count"/> digits of a number the person gave when they submitted. Separators such as spaces, dots or a
/// leading +84 are ignored, and the comparison takes the same time whatever matched, so the response time does not
/// reveal how many digits were right.</summary>
public static class TrailingDigits
{
    public const int Count = 4;

    public static bool IsWellFormed([NotNullWhen(true)] string? digits) => digits is { Length: Count } && digits.All(char.IsAsciiDigit);

    /// <summary>Whether <paramref name="digits"/> (already <see cref="IsWellFormed"/>) end any of the numbers; every number
    /// is compared, even after a match.</summary>
    public static bool MatchAny(string digits, params ReadOnlySpan<string?> numbers)
    {
        var given = Encoding.ASCII.GetBytes(digits);
        var matched = false;
        foreach (var number in numbers)
        {
            var stored = new string([.. (number ?? "").Where(char.IsAsciiDigit)]);
            var tail = Encoding.ASCII.GetBytes(stored.Length >= Count ? stored[^Count..] : new string('x', Count));
            matched |= CryptographicOperations.FixedTimeEquals(tail, given);
        }

        return matched;
    }
}
