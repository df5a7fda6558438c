using MotCua.Domain.Feedback.Pakn;

namespace MotCua.Domain.Tests.Feedback.Pakn;

public class PaknTrackingCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Fact]
    public void FromNumber_Zero_HasTheHandComputedCheckCharacter()
    {
        // Luhn mod 32 over "2026000000": from the right, doubled positions 6 → 12 and 0; plain 2 and 2: 12 + 2 + 2 = 16;
        // check = (32 − 16) mod 32 = 16 → 'G'.
        var code = PaknSamples.Ok(PaknTrackingCode.FromNumber(2026, 0));

        Assert.Equal("PA-2026-000000G", code.Format());
        Assert.Equal((2026, "000000", 'G'), (code.Year, code.Body, code.Check));
    }

    [Fact]
    public void FromNumber_LargestNumber_UsesTheLastSymbolEverywhere() =>
        Assert.Equal("ZZZZZZ", PaknSamples.Ok(PaknTrackingCode.FromNumber(2026, PaknTrackingCode.BodyCount - 1)).Body);

    [Theory]
    [InlineData(-1L)]
    [InlineData(PaknTrackingCode.BodyCount)]
    public void FromNumber_OutOfRange_InvalidTrackingCode(long number) =>
        Assert.Equal("pakn.invalid_tracking_code", PaknTrackingCode.FromNumber(2026, number).Error.Code);

    [Fact]
    public void Generate_ManyCodes_RoundTripThroughTheirText()
    {
        for (var i = 0; i < 500; i++)
        {
            var code = PaknTrackingCode.Generate(2026);
            var text = code.Format();

            Assert.Matches("^PA-2026-[0-9A-HJKMNP-TV-Z]{7}$", text);
            Assert.Equal(code, PaknSamples.Ok(PaknTrackingCode.Parse(text)));
            Assert.True(PaknTrackingCode.TryParse(text, out var parsed));
            Assert.Equal(code, parsed);
        }
    }

    [Theory]
    [InlineData("pa-2026-000000g")]
    [InlineData(" PA 2026 000000G ")]
    [InlineData("PA2026000000G")]
    [InlineData("PA-2026-OOOOOOG")] // O read as 0
    public void Parse_AsPeopleTypeIt_TheSameCode(string text) =>
        Assert.Equal("PA-2026-000000G", PaknSamples.Ok(PaknTrackingCode.Parse(text)).Format());

    [Fact]
    public void Parse_IAndLReadAsOne()
    {
        var code = PaknSamples.Ok(PaknTrackingCode.Create(2026, "111111"));
        var typed = code.Format().Replace("-111111", "-IL1iIl", StringComparison.Ordinal);

        Assert.Equal(code, PaknSamples.Ok(PaknTrackingCode.Parse(typed)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("PA-2026-000000H")] // wrong check character
    [InlineData("PB-2026-000000G")] // wrong prefix
    [InlineData("PA-2026-00000G")] // too short
    [InlineData("PA-2026-0000000G")] // too long
    [InlineData("PA-2026-00000UG")] // U is not in the alphabet
    [InlineData("PA-20X6-000000G")] // year not digits
    [InlineData("PA-1999-000000G")] // year out of range
    [InlineData("PA-2026-00000#G")]
    public void Parse_Malformed_InvalidTrackingCode(string? text)
    {
        var result = PaknTrackingCode.Parse(text);

        Assert.Equal("pakn.invalid_tracking_code", result.Error.Code);
        Assert.False(PaknTrackingCode.TryParse(text, out var code));
        Assert.Equal(default, code);
    }

    [Fact]
    public void Parse_AnySingleCharacterChanged_Rejected()
    {
        var text = PaknSamples.Ok(PaknTrackingCode.Create(2026, "7K3M9Q")).Format();
        for (var i = "PA-2026-".Length; i < text.Length; i++)
        {
            foreach (var c in Alphabet.Where(c => c != text[i]))
            {
                var altered = string.Concat(text.AsSpan(0, i), c.ToString(), text.AsSpan(i + 1));
                Assert.True(PaknTrackingCode.Parse(altered).IsFailure, altered);
            }
        }
    }

    [Fact]
    public void Parse_AdjacentCharactersSwapped_RejectedExceptZeroAndZ()
    {
        var random = new Random(20260720);
        for (var n = 0; n < 300; n++)
        {
            var text = PaknSamples.Ok(PaknTrackingCode.FromNumber(2026, random.NextInt64(PaknTrackingCode.BodyCount))).Format();
            for (var i = "PA-2026-".Length; i < text.Length - 1; i++)
            {
                var (a, b) = (text[i], text[i + 1]);
                if (a == b || (a, b) is ('0', 'Z') or ('Z', '0'))
                {
                    continue;
                }

                var swapped = string.Concat(text.AsSpan(0, i), b.ToString(), a.ToString(), text.AsSpan(i + 2));
                Assert.True(PaknTrackingCode.Parse(swapped).IsFailure, swapped);
            }
        }
    }

    [Theory]
    [InlineData(1999, "000000")]
    [InlineData(2026, "00000U")]
    [InlineData(2026, "00000")]
    [InlineData(2026, null)]
    public void Create_InvalidParts_InvalidTrackingCode(int year, string? body) =>
        Assert.Equal("pakn.invalid_tracking_code", PaknTrackingCode.Create(year, body).Error.Code);
}
