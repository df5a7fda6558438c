using System.Globalization;
using System.Security.Cryptography;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The public tracking code of a PAKN, <c>PA-YYYY-BBBBBBC</c>: the submission year, six body characters and
/// one check character, all from Crockford's base-32 alphabet (no I, L, O, U) [design].</summary>
/// <remarks>
/// <para>The submitter reads the code on the receipt or hears it on the phone, and uses it to follow the case without
/// an account, so it must survive dictation and must not be guessable: <see cref="Generate"/> draws the body at random
/// (32⁶ ≈ 10⁹ codes a year); persistence keeps it unique and draws again on a clash.</para>
/// <para>The check character is Luhn mod 32 over the four year digits and the body: it catches every single wrong
/// character and every swap of two adjacent ones except 0 ↔ Z.</para>
/// <para><see cref="Parse"/> is lenient about what people type (lower case, spaces or missing hyphens, O for 0, I or
/// L for 1, as in Crockford's decoding) and strict about everything else.</para>
/// </remarks>
public readonly record struct PaknTrackingCode
{
    /// <summary>The fixed prefix.</summary>
    public const string Prefix = "PA";

    /// <summary>The number of body characters.</summary>
    public const int BodyLength = 6;

    /// <summary>The number of distinct bodies per year (32⁶).</summary>
    public const long BodyCount = 1L << (5 * BodyLength);

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private PaknTrackingCode(int year, string body)
    {
        Year = year;
        Body = body;
        Check = CheckCharacter(year, body);
    }

    /// <summary>The submission year (Vietnam time).</summary>
    public int Year { get; }

    /// <summary>The six body characters.</summary>
    public string Body { get; }

    /// <summary>The check character.</summary>
    public char Check { get; }

    /// <summary>A code with a random body, from a cryptographic generator so codes cannot be enumerated.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2099.</exception>
    public static PaknTrackingCode Generate(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2099);
        return FromNumber(year, RandomNumberGenerator.GetInt32((int)BodyCount)).Value;
    }

    /// <summary>The code whose body encodes <paramref name="number"/> (0 ≤ number &lt; <see cref="BodyCount"/>).</summary>
    public static Result<PaknTrackingCode> FromNumber(int year, long number)
    {
        if (number is < 0 or >= BodyCount)
        {
            return new InvalidPaknTrackingCode(number.ToString(CultureInfo.InvariantCulture), $"số thứ tự phải từ 0 đến {BodyCount - 1}");
        }

        Span<char> body = stackalloc char[BodyLength];
        for (var i = BodyLength - 1; i >= 0; i--)
        {
            body[i] = Alphabet[(int)(number & 31)];
            number >>= 5;
        }

        return Create(year, new string(body));
    }

    /// <summary>A code from its year and body (canonical characters only); the check character is computed.</summary>
    public static Result<PaknTrackingCode> Create(int year, string? body)
    {
        if (year is < 2000 or > 2099)
        {
            return new InvalidPaknTrackingCode(body ?? "", "năm phải từ 2000 đến 2099");
        }

        if (body is null || body.Length != BodyLength || body.Any(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            return new InvalidPaknTrackingCode(body ?? "", $"phần thân phải gồm {BodyLength} ký tự trong bảng {Alphabet}");
        }

        return new PaknTrackingCode(year, body);
    }

    /// <summary>Parses a code as typed by a person; see the remarks for what is tolerated.</summary>
    public static Result<PaknTrackingCode> Parse(string? text)
    {
        const string Format = "không đúng định dạng PA-YYYY-XXXXXXX";
        var compact = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .ToUpperInvariant();
        var length = Prefix.Length + 4 + BodyLength + 1;
        if (compact.Length != length || !compact.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new InvalidPaknTrackingCode(text ?? "", Format);
        }

        var yearText = compact.AsSpan(Prefix.Length, 4);
        if (yearText.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new InvalidPaknTrackingCode(text!, Format);
        }

        Span<char> rest = stackalloc char[BodyLength + 1];
        for (var i = 0; i < rest.Length; i++)
        {
            var c = compact[Prefix.Length + 4 + i] switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return new InvalidPaknTrackingCode(text!, $"ký tự '{c}' không dùng trong mã");
            }

            rest[i] = c;
        }

        var created = Create(year, new string(rest[..BodyLength]));
        if (created.IsFailure)
        {
            return new InvalidPaknTrackingCode(text!, ((InvalidPaknTrackingCode)created.Error).Reason);
        }

        return created.Value.Check == rest[BodyLength]
            ? created
            : new InvalidPaknTrackingCode(text!, "ký tự kiểm tra không khớp; vui lòng kiểm tra lại mã");
    }

    /// <summary>Parses without an error value.</summary>
    public static bool TryParse(string? text, out PaknTrackingCode code)
    {
        var result = Parse(text);
        code = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>The canonical text, e.g. <c>PA-2026-7K3M9QX</c>.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Body}{Check}");

    /// <inheritdoc/>
    public override string ToString() => Body is null ? "" : Format();

    // Luhn mod N (N = 32) over the year digits and the body.
    private static char CheckCharacter(int year, string body)
    {
        var payload = year.ToString("D4", CultureInfo.InvariantCulture) + body;
        var factor = 2;
        var sum = 0;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(payload[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += (addend / 32) + (addend % 32);
        }

        return Alphabet[(32 - (sum % 32)) % 32];
    }
}
