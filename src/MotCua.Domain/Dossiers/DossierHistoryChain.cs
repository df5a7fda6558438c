using MotCua.Domain.Common;

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
        var text = HashChain.Begin(FormatTag);
        HashChain.Field(text, entry.DossierId.ToString("D"));
        HashChain.Field(text, entry.Sequence);
        HashChain.Field(text, entry.At.Ticks);
        HashChain.Field(text, entry.ActorId?.ToString("D"));
        HashChain.Field(text, entry.ActorRole.ToString());
        HashChain.Field(text, entry.From?.ToString());
        HashChain.Field(text, entry.To.ToString());
        HashChain.Field(text, entry.Trigger.ToString());
        HashChain.Field(text, entry.Note);
        HashChain.Field(text, entry.Data);
        HashChain.Field(text, entry.OriginalAppointmentAt?.Ticks);
        HashChain.Field(text, entry.CurrentAppointmentAt?.Ticks);
        HashChain.Field(text, entry.PreviousHash);
        return HashChain.Hash(text);
    }

    /// <summary>Checks a dossier's history in order.</summary>
    /// <param name="entries">The entries, ordered as stored (by sequence).</param>
    /// <param name="expectedHeadHash">The head hash kept on the dossier, if any; a mismatch reports index
    /// <c>entries.Count</c> (an entry was removed or added at the end).</param>
    /// <returns>The index of the first broken entry, or <see langword="null"/> if the chain is intact.</returns>
    public static int? Verify(IReadOnlyList<DossierHistoryEntry> entries, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var first = entries.Count > 0 ? entries[0].DossierId : Guid.Empty;
        // An entry moved in from another dossier gets a sequence that cannot match: the chain breaks there.
        return HashChain.Verify(
            entries, e => (e.DossierId == first ? e.Sequence : -1, e.PreviousHash, e.Hash), ComputeHash, expectedHeadHash);
    }
}
