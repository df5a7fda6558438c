namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The part of a case's history that had happened by an instant.</summary>
internal static class PaknHistoryWindow
{
    /// <summary>The entries up to <paramref name="asOfUtc"/> (inclusive), in sequence order.</summary>
    /// <exception cref="InvalidOperationException">The history is not loaded whole.</exception>
    public static List<PaknHistoryEntry> Until(PaknCase pakn, DateTime asOfUtc)
    {
        if (pakn.History.Count != pakn.Version)
        {
            throw new InvalidOperationException("Judging a PAKN case at an instant needs its whole history loaded.");
        }

        // A store may materialise the entries in any order.
        return [.. pakn.History.OrderBy(e => e.Sequence).TakeWhile(e => e.At <= asOfUtc)];
    }
}
