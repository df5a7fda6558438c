using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MotCua.Domain.Units;

/// <summary>An organisational unit's identifier code (mã định danh), e.g. <c>000.00.01.H26</c>.</summary>
/// <remarks>
/// Format <c>V1V2V3.Z1Z2.Y1Y2.MX1X2</c> from the technical regulation on identifier codes of state agencies
/// (QCVN 102:2016/BTTTT, TT 10/2016/TT-BTTTT), cited by TT 01/2018/TT-VPCP Art. 19: three digits, two digits,
/// two digits, then one upper-case letter and two digits (H26 is Hà Nội). Only the shape is checked here; whether a
/// code is actually assigned is a matter for the national register.
/// </remarks>
public readonly partial record struct UnitIdentifierCode
{
    private UnitIdentifierCode(string value) => Value = value;

    /// <summary>The canonical text, e.g. <c>000.00.01.H26</c>.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="text"/> has the identifier-code shape (upper-case letter, no spaces).</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => text is not null && Shape().IsMatch(text);

    /// <summary>Parses a code, accepting surrounding spaces and a lower-case letter.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UnitIdentifierCode code)
    {
        var candidate = text?.Trim().ToUpperInvariant();
        if (IsValid(candidate))
        {
            code = new UnitIdentifierCode(candidate);
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>Parses a code that is known to be valid (seed data, stored values).</summary>
    /// <exception cref="FormatException">The text is not an identifier code.</exception>
    public static UnitIdentifierCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a unit identifier code (V1V2V3.Z1Z2.Y1Y2.MX1X2).");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex(@"^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
