using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Domain.Common;

namespace MotCua.Domain.Dossiers;

/// <summary>A dossier code (mã số hồ sơ) <c>&lt;unit identifier&gt;-YYMMDD-NNNN</c>, TT 01/2018/TT-VPCP Art. 19(1).</summary>
/// <remarks>
/// <para>The unit identifier is the receiving agency's code under TT 10/2016/TT-BTTTT
/// (<c>V1V2V3.Z1Z2.Y1Y2.MX1X2</c>, e.g. <c>000.00.01.H26</c>); the date is the reception date in Vietnam time; the
/// sequence restarts every day per unit (ND 61/2018 Art. 26(2)). The sequence itself is allocated by persistence.</para>
/// <para>Past 9999 in one day the circular gives no rule; the sequence widens to as many digits as it needs
/// (<c>-10000</c>), so codes stay unique and parseable. Order codes by (unit, date, <see cref="Sequence"/>), not as
/// strings. <c>YY</c> is read as 2000–2099.</para>
/// </remarks>
public readonly partial record struct DossierCode
{
    private DossierCode(string unitIdentifier, DateOnly date, int sequence)
    {
        UnitIdentifier = unitIdentifier;
        Date = date;
        Sequence = sequence;
    }

    /// <summary>The receiving agency's identifier code.</summary>
    public string UnitIdentifier { get; }

    /// <summary>The reception date (Vietnam time).</summary>
    public DateOnly Date { get; }

    /// <summary>The 1-based sequence of the dossier among those received by the unit that day.</summary>
    public int Sequence { get; }

    /// <summary>Builds a code from its parts, or an <see cref="InvalidDossierCode"/> error.</summary>
    public static Result<DossierCode> Create(string unitIdentifier, DateOnly date, int sequence)
    {
        if (unitIdentifier is null || !UnitPattern().IsMatch(unitIdentifier))
        {
            return new InvalidDossierCode(unitIdentifier ?? "", "mã định danh đơn vị không đúng định dạng V1V2V3.Z1Z2.Y1Y2.MX1X2");
        }

        if (date.Year is < 2000 or > 2099)
        {
            return new InvalidDossierCode(unitIdentifier, "năm tiếp nhận phải từ 2000 đến 2099");
        }

        if (sequence < 1)
        {
            return new InvalidDossierCode(unitIdentifier, "số thứ tự phải từ 1");
        }

        return new DossierCode(unitIdentifier, date, sequence);
    }

    /// <summary>Parses the canonical text form; a sequence of 5 or more digits must not start with 0.</summary>
    public static Result<DossierCode> Parse(string? text)
    {
        var match = text is null ? Match.Empty : CodePattern().Match(text);
        if (!match.Success)
        {
            return new InvalidDossierCode(text ?? "", "không đúng định dạng <mã đơn vị>-YYMMDD-NNNN");
        }

        var digits = match.Groups["seq"].Value;
        if (digits.Length > 4 && digits[0] == '0')
        {
            return new InvalidDossierCode(text!, "số thứ tự trên 4 chữ số không được có số 0 ở đầu");
        }

        if (!DateOnly.TryParseExact("20" + match.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new InvalidDossierCode(text!, "ngày tiếp nhận không hợp lệ");
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return new InvalidDossierCode(text!, "số thứ tự quá lớn");
        }

        return Create(match.Groups["unit"].Value, date, sequence);
    }

    /// <summary>Parses without an error value.</summary>
    public static bool TryParse(string? text, out DossierCode code)
    {
        var result = Parse(text);
        code = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>The canonical text, e.g. <c>000.00.01.H26-260930-0012</c>.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{UnitIdentifier}-{Date:yyMMdd}-{Sequence:D4}");

    /// <inheritdoc/>
    public override string ToString() => Format();

    [GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^(?<unit>[^-\s]+)-(?<date>[0-9]{6})-(?<seq>[0-9]{4,10})$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
