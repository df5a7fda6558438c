using MotCua.Web.Features.Dossiers;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>The public pages' second factor, on its own: which given digits count as the end of a stored number.</summary>
public sealed class TrailingDigitsTests
{
    [Theory]
    [InlineData("1234", true)]
    [InlineData("0000", true)]
    [InlineData("123", false)]
    [InlineData("12345", false)]
    [InlineData("12a4", false)]
    [InlineData("١٢٣٤", false)] // Arabic-Indic digits are digits to char.IsDigit, not to a phone number
    [InlineData(null, false)]
    public void IsWellFormed_OnlyFourAsciiDigits(string? digits, bool expected) =>
        Assert.Equal(expected, TrailingDigits.IsWellFormed(digits));

    [Theory]
    [InlineData("5678", "0912 345 678", true)]
    [InlineData("5678", "+84.912.345.678", true)]
    [InlineData("5679", "0912345678", false)]
    [InlineData("2345", "0912345678", false)]
    [InlineData("0123", "123", false)] // shorter than four digits matches nothing, not a zero-padded tail
    [InlineData("1234", null, false)]
    public void MatchAny_OneNumber(string digits, string? number, bool expected) =>
        Assert.Equal(expected, TrailingDigits.MatchAny(digits, number));

    [Fact]
    public void MatchAny_EitherNumber()
    {
        Assert.True(TrailingDigits.MatchAny("5678", "0912345678", "034095001234"));
        Assert.True(TrailingDigits.MatchAny("1234", "0912345678", "034095001234"));
        Assert.True(TrailingDigits.MatchAny("1234", null, "034095001234"));
        Assert.False(TrailingDigits.MatchAny("9999", "0912345678", "034095001234"));
    }
}
