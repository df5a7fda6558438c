using MotCua.Domain.Units;

namespace MotCua.Domain.Tests.Units;

public sealed class UnitIdentifierCodeTests
{
    [Theory]
    [InlineData("000.00.01.H26")]
    [InlineData("000.00.00.H56")]
    [InlineData("123.45.67.G09")]
    public void IsValid_WellFormedCode_ReturnsTrue(string text) => Assert.True(UnitIdentifierCode.IsValid(text));

    [Theory]
    [InlineData("")]
    [InlineData("000.00.01.h26")]
    [InlineData("000.00.01.H2")]
    [InlineData("00.00.01.H26")]
    [InlineData("000.000.01.H26")]
    [InlineData("000-00-01-H26")]
    [InlineData("000.00.01.H26 ")]
    [InlineData("000.00.01.126")]
    [InlineData("000.00.01.HH6")]
    [InlineData("０00.00.01.H26")]
    public void IsValid_MalformedCode_ReturnsFalse(string text) => Assert.False(UnitIdentifierCode.IsValid(text));

    [Fact]
    public void IsValid_Null_ReturnsFalse() => Assert.False(UnitIdentifierCode.IsValid(null));

    [Fact]
    public void TryParse_SpacesAndLowerCaseLetter_ReturnsCanonicalCode()
    {
        Assert.True(UnitIdentifierCode.TryParse("  000.00.01.h26 ", out var code));
        Assert.Equal("000.00.01.H26", code.Value);
        Assert.Equal("000.00.01.H26", code.ToString());
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatException() => Assert.Throws<FormatException>(() => UnitIdentifierCode.Parse("H26"));
}
