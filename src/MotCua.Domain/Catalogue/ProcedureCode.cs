using System.Text.RegularExpressions;

namespace MotCua.Domain.Catalogue;

/// <summary>A procedure code (mã TTHC) of the national procedure database, e.g. <c>1.001193</c> or <c>1.000948.H38</c>.</summary>
/// <remarks>
/// National codes are a digit, a dot and six digits, optionally followed by dot-separated upper-case suffixes
/// (province code such as <c>H26</c>, or <c>000.00.00</c> agency segments). Codes not yet obtained from the
/// national database use the placeholder form <c>LOCAL.&lt;letters-digits&gt;</c>, which is never synced.
/// </remarks>
/// <param name="Value">The code text.</param>
public readonly partial record struct ProcedureCode(string Value)
{
    /// <summary>Whether this is a placeholder rather than a national code.</summary>
    public bool IsLocalPlaceholder => Value.StartsWith("LOCAL.", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> is a well-formed national or placeholder code.</summary>
    public static bool IsWellFormed(string? text) => text is not null && Pattern().IsMatch(text);

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^(\d\.\d{6}(\.[0-9A-Z]+)*|LOCAL\.[0-9A-Z]+(-[0-9A-Z]+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
