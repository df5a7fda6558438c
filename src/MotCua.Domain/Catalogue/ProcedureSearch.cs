using MotCua.Domain.Common;

namespace MotCua.Domain.Catalogue;

/// <summary>Accent-insensitive word search over <see cref="Procedure.SearchKey"/>.</summary>
/// <remarks>
/// A query matches when every one of its folded words occurs in the folded key. Persistence turns
/// <see cref="Terms(string?)"/> into one <c>SearchKey LIKE '%term%'</c> per word, which behaves the same on
/// SQLite and PostgreSQL because both sides are already folded to lower-case ASCII-like text.
/// </remarks>
public static class ProcedureSearch
{
    /// <summary>The distinct folded words of a query; empty for a blank query.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        VietnameseText.Fold(query)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Whether every word of <paramref name="query"/> occurs in <paramref name="foldedKey"/>; a blank query matches all.</summary>
    /// <param name="foldedKey">A key produced by <see cref="VietnameseText.Fold(string?)"/>.</param>
    /// <param name="query">User input in any accent form.</param>
    public static bool Matches(string foldedKey, string? query)
    {
        ArgumentNullException.ThrowIfNull(foldedKey);
        return Terms(query).All(term => foldedKey.Contains(term, StringComparison.Ordinal));
    }
}
