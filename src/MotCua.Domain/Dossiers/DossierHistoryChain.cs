using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Dossiers;

/// <summary>The hash chain over a dossier's history (issue 3 §4): tamper evidence for the audit trail.</summary>
/// <remarks>
/// <para><c>hash = SHA-256(canonical(previousHash, entry))</c>, lower-case hex. The canonical form is UTF-8 text with
/// every field as <c>&lt;length&gt;:&lt;value&gt;;</c> (<c>-;</c> for null), in a fixed order: version tag, dossier id,
/// sequence, instant ticks, actor id, actor role, from, to, trigger, note, data, original and current appointment
/// ticks, previous hash. Enums are written by name and instants as UTC ticks, so the form does not depend on culture,
/// enum order or database precision below one tick.</para>
/// <para>The chain detects a changed field, a removed or reordered entry in the middle, and (with the head hash kept on
/// the dossier, <see cref="Dossier.HistoryHash"/>) a removed last entry.</para>
/// </remarks>
public static class DossierHistoryChain
{
    private const string FormatTag = "motcua.dossier-history.v1";

    /// <summary>The hash of <paramref name="entry"/> computed from its fields and <see cref="DossierHistoryEntry.PreviousHash"/>.</summary>
    public static string ComputeHash(DossierHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(256);
        Field(text, FormatTag);
        Field(text, entry.DossierId.ToString("D"));
        Field(text, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.At.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.ActorId?.ToString("D"));
        Field(text, entry.ActorRole.ToString());
        Field(text, entry.From?.ToString());
        Field(text, entry.To.ToString());
        Field(text, entry.Trigger.ToString());
        Field(text, entry.Note);
        Field(text, entry.Data);
        Field(text, entry.OriginalAppointmentAt?.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.CurrentAppointmentAt?.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks a dossier's history in order.</summary>
    /// <param name="entries">The entries, ordered as stored (by sequence).</param>
    /// <param name="expectedHeadHash">The head hash kept on the dossier, if any; a mismatch reports index
    /// <c>entries.Count</c> (an entry was removed or added at the end).</param>
    /// <returns>The index of the first broken entry, or <see langword="null"/> if the chain is intact.</returns>
    public static int? Verify(IReadOnlyList<DossierHistoryEntry> entries, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = string.Empty;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i
                || entry.PreviousHash != previous
                || (i > 0 && entry.DossierId != entries[0].DossierId)
                || ComputeHash(entry) != entry.Hash)
            {
                return i;
            }

            previous = entry.Hash;
        }

        return expectedHeadHash is not null && expectedHeadHash != previous ? entries.Count : null;
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-;");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
