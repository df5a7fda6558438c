using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Common;

/// <summary>The building blocks of MotCua's append-only hash chains (dossier history, personal-data read log).</summary>
/// <remarks>
/// <para>An entry's hash is <c>SHA-256(canonical text)</c> in lower-case hex. The canonical text is UTF-8 with every
/// field written as <c>&lt;length&gt;:&lt;value&gt;;</c> (<c>-;</c> for null), so no value can be confused with a field
/// boundary and the text does not depend on culture.</para>
/// <para>A chain is intact when its entries are numbered 0, 1, 2 … without gaps, each entry's previous hash is the hash
/// of the entry before it (empty for the first) and each stored hash equals the recomputed one; a head hash kept
/// elsewhere detects a removed last entry.</para>
/// </remarks>
public static class HashChain
{
    /// <summary>Starts the canonical text with the format tag of the chain (which versions the layout).</summary>
    public static StringBuilder Begin(string formatTag) => Field(new StringBuilder(256), formatTag);

    /// <summary>Appends one field to the canonical text.</summary>
    public static StringBuilder Field(StringBuilder text, string? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return value is null
            ? text.Append("-;")
            : text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }

    /// <summary>Appends an integer field.</summary>
    public static StringBuilder Field(StringBuilder text, long? value) =>
        Field(text, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>The SHA-256 of the canonical text, lower-case hex.</summary>
    public static string Hash(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks one chain in order.</summary>
    /// <param name="entries">The entries, ordered by sequence as stored.</param>
    /// <param name="link">Reads an entry's sequence, stored previous hash and stored hash.</param>
    /// <param name="computeHash">Recomputes an entry's hash from its fields and stored previous hash.</param>
    /// <param name="expectedHeadHash">The head hash kept outside the chain, if any; a mismatch reports index
    /// <c>entries.Count</c> (an entry was removed or added at the end).</param>
    /// <returns>The index of the first broken entry, or <see langword="null"/> if the chain is intact.</returns>
    public static int? Verify<T>(
        IReadOnlyList<T> entries, Func<T, (long Sequence, string PreviousHash, string Hash)> link, Func<T, string> computeHash,
        string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(computeHash);
        var previous = string.Empty;
        for (var i = 0; i < entries.Count; i++)
        {
            var (sequence, previousHash, hash) = link(entries[i]);
            if (sequence != i || previousHash != previous || computeHash(entries[i]) != hash)
            {
                return i;
            }

            previous = hash;
        }

        return expectedHeadHash is not null && expectedHeadHash != previous ? entries.Count : null;
    }
}
