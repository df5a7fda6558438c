using MotCua.Domain.ServiceIndex;

namespace MotCua.Domain.Tests.ServiceIndex;

public sealed class IndicatorSetJsonTests
{
    private const string OneIndicator = """
        { "versions": [ { "version": "v1", "effectiveFrom": "2025-01-01", "indicators": [ ROW ] } ] }
        """;

    [Fact]
    public void Shipped_LoadsOneVersion_With100Points() =>
        Assert.Equal(100m, IndicatorSetJson.Default.Versions[^1].Indicators.Sum(i => i.Ceiling));

    [Theory]
    [InlineData("""{ "id": "x", "group": "Progress", "maxPoints": 6, "conversion": "Sideways" }""", "JSON không hợp lệ")]
    [InlineData("""{ "id": "x", "group": "Progress", "maxPoints": 6, "conversion": "FullAtTarget" }""", "targetPercent")]
    [InlineData("""{ "id": "x", "group": "Progress", "maxPoints": -1, "conversion": "Linear" }""", "maxPoints")]
    [InlineData("""{ "id": "x", "maxPoints": 6, "conversion": "Linear" }""", "group")]
    [InlineData("""{ "group": "Progress", "maxPoints": 6, "conversion": "Linear" }""", "id")]
    [InlineData("""{ "id": "x", "group": "Progress", "maxPoints": 6, "conversion": "Linear" }, { "id": "X", "group": "Progress", "maxPoints": 6, "conversion": "Linear" }""", "hai lần")]
    public void Parse_NamesEachProblem(string row, string expectedFragment)
    {
        var (history, errors) = IndicatorSetJson.Parse(OneIndicator.Replace("ROW", row, StringComparison.Ordinal));
        Assert.Null(history);
        Assert.Contains(errors, e => e.Contains(expectedFragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Versions_PickedByDate()
    {
        var (history, errors) = IndicatorSetJson.Parse("""
            { "versions": [
              { "version": "new", "effectiveFrom": "2026-07-01", "indicators": [ { "id": "2.1", "group": "Progress", "maxPoints": 18, "conversion": "Linear" } ] },
              { "version": "old", "effectiveFrom": "2025-01-01", "indicators": [ { "id": "2.1", "group": "Progress", "maxPoints": 20, "conversion": "Linear" } ] }
            ] }
            """);
        Assert.Empty(errors);
        Assert.Equal("old", history!.For(new DateOnly(2026, 6, 30)).Version);
        Assert.Equal("new", history.For(new DateOnly(2026, 7, 1)).Version);
        Assert.Equal("old", history.For(new DateOnly(2020, 1, 1)).Version);
        Assert.Equal(18m, history.For(new DateOnly(2026, 12, 31)).Find("2.1")!.MaxPoints);
    }
}
