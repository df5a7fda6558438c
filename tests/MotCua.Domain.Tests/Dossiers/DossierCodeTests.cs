using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Tests.Dossiers;

public class DossierCodeTests
{
    [Fact]
    public void Format_AppendixB3_MatchesTheCircular()
    {
        var code = DossierCode.Create("000.00.01.H26", new DateOnly(2026, 9, 30), 12);
        Assert.Equal("000.00.01.H26-260930-0012", code.Value.Format());
        Assert.Equal("000.00.01.H26-260930-0012", code.Value.ToString());
    }

    [Theory]
    [InlineData("000.00.01.H26-260930-0012", "000.00.01.H26", 2026, 9, 30, 12)]
    [InlineData("000.00.01.H26-260101-0001", "000.00.01.H26", 2026, 1, 1, 1)]
    [InlineData("000.00.01.H26-260101-9999", "000.00.01.H26", 2026, 1, 1, 9999)]
    [InlineData("000.00.01.H26-260101-10000", "000.00.01.H26", 2026, 1, 1, 10000)]
    [InlineData("H38.01.02.K01-250701-0007", "H38.01.02.K01", 2025, 7, 1, 7)]
    public void Parse_ValidCodes_RoundTrip(string text, string unit, int year, int month, int day, int sequence)
    {
        var code = DossierCode.Parse(text);
        Assert.True(code.IsSuccess);
        Assert.Equal((unit, new DateOnly(year, month, day), sequence), (code.Value.UnitIdentifier, code.Value.Date, code.Value.Sequence));
        Assert.Equal(text, code.Value.Format());
        Assert.True(DossierCode.TryParse(text, out var again));
        Assert.Equal(code.Value, again);
    }

    [Fact]
    public void Format_PastNineThousandNineHundredNinetyNine_WidensToFiveDigits() =>
        Assert.Equal("000.00.01.H26-260930-10000", DossierCode.Create("000.00.01.H26", new DateOnly(2026, 9, 30), 10_000).Value.Format());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("000.00.01.H26-260930-012")]    // 3 digits
    [InlineData("000.00.01.H26-260930-01234")]  // 5 digits with a leading zero: 1234 is written 1234
    [InlineData("000.00.01.H26-260230-0001")]   // 30 February
    [InlineData("000.00.01.H26-2609300-0001")]
    [InlineData("000.00.01-260930-0001")]       // unit identifier incomplete
    [InlineData("000.00.01.h26-260930-0001")]   // lower-case level code
    [InlineData("000.00.01.H26-260930-0000")]   // sequences start at 1
    [InlineData("000.00.01.H26 260930 0001")]
    public void Parse_InvalidCodes_InvalidDossierCode(string? text)
    {
        var result = DossierCode.Parse(text);
        Assert.Equal("dossier.invalid_code", Assert.IsType<InvalidDossierCode>(result.Error).Code);
        Assert.False(DossierCode.TryParse(text, out _));
    }

    [Theory]
    [InlineData("000.00.01.H26", 2026, 0)]
    [InlineData("000.00.01.H26", 2100, 1)]
    [InlineData("bad", 2026, 1)]
    public void Create_OutOfRange_InvalidDossierCode(string unit, int year, int sequence) =>
        Assert.IsType<InvalidDossierCode>(DossierCode.Create(unit, new DateOnly(year, 1, 1), sequence).Error);
}
