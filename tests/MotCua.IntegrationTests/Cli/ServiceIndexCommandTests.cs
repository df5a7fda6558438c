using System.Text.Json.Nodes;

namespace MotCua.IntegrationTests.Cli;

/// <summary>`motcua serviceindex points --file counts.json`, the contract of issue 10 §2, run in-process.</summary>
public sealed class ServiceIndexCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("motcua-766-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<CliRunner.Run> PointsAsync(string countsJson, params string[] extra)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, countsJson, TestContext.Current.CancellationToken);
        return await CliRunner.RunAsync(CliRunner.NoDatabase(), ["serviceindex", "points", "--file", path, .. extra]);
    }

    [Fact]
    public async Task Points_SameOrder_RatioAndPointsToTwoDecimals()
    {
        var run = await PointsAsync("""
            [
              {"indicator": "2.1", "numerator": 2134, "denominator": 2645},
              {"indicator": "5.4", "numerator": 85, "denominator": 100},
              {"indicator": "4.3", "numerator": 9, "denominator": 10},
              {"indicator": "5.2", "numerator": 0, "denominator": 0},
              {"indicator": "5.4", "numerator": 0, "denominator": 0},
              {"indicator": "3.5b", "numerator": 3, "denominator": 10},
              {"indicator": "REUSED_DIGITIZED_DATA", "numerator": 6, "denominator": 10}
            ]
            """);

        Assert.Equal(0, run.ExitCode);
        var rows = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal(["2.1", "5.4", "4.3", "5.2", "5.4", "3.5b", "REUSED_DIGITIZED_DATA"], rows.Select(r => r!["indicator"]!.GetValue<string>()));
        Assert.Equal([80.68m, 85.00m, 90.00m, 0m, 0m, 30.00m, 60.00m], rows.Select(r => r!["ratio"]!.GetValue<decimal>()));
        Assert.Equal([16.14m, 5.67m, 2.00m, 6.00m, 0.00m, 0.75m, 1.50m], rows.Select(r => r!["points"]!.GetValue<decimal>()));
        Assert.Contains("\"points\": 18.00", (await PointsAsync("""[{"indicator":"2.1","numerator":180,"denominator":200}]""")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Points_EmptyArray_PrintsEmptyArray()
    {
        var run = await PointsAsync("[]");
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(JsonNode.Parse(run.Output)!.AsArray());
    }

    [Theory]
    [InlineData("""[{"indicator": "9.9", "numerator": 1, "denominator": 2}]""", "9.9")]
    [InlineData("""[{"indicator": "2.1", "numerator": -1, "denominator": 2}]""", "không được âm")]
    [InlineData("""[{"indicator": "2.1", "numerator": 1, "denominator": -2}]""", "không được âm")]
    [InlineData("""[{"indicator": "2.1", "numerator": 1.5, "denominator": 2}]""", "số nguyên")]
    [InlineData("""[{"indicator": "2.1", "numerator": "1", "denominator": 2}]""", "numerator")]
    [InlineData("""[{"indicator": "2.1", "denominator": 2}]""", "numerator")]
    [InlineData("""[{"numerator": 1, "denominator": 2}]""", "indicator")]
    [InlineData("""{"indicator": "2.1", "numerator": 1, "denominator": 2}""", "mảng")]
    [InlineData("""[1]""", "đối tượng")]
    [InlineData("""[{"indicator": "2.1", """, "JSON")]
    public async Task Points_BadInput_IsAClearErrorWithExit2_AndNoOutput(string json, string expected)
    {
        var run = await PointsAsync(json);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Points_OneBadEntryAfterGoodOnes_FailsTheWholeFile()
    {
        var run = await PointsAsync("""[{"indicator": "2.1", "numerator": 1, "denominator": 2}, {"indicator": "2.1", "numerator": -3, "denominator": 2}]""");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("phần tử thứ 2", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Points_MissingFile_Exit2() =>
        Assert.Equal(2, (await CliRunner.RunAsync(CliRunner.NoDatabase(), "serviceindex", "points", "--file", Path.Combine(_directory, "none.json"))).ExitCode);

    [Fact]
    public async Task Points_OtherDefinitions_ChangeTheRule()
    {
        var definitions = Path.Combine(_directory, "defs.json");
        await File.WriteAllTextAsync(definitions, """
            { "versions": [ { "version": "test", "effectiveFrom": "2025-01-01",
              "indicators": [ { "id": "2.1", "group": "Progress", "maxPoints": 20, "conversion": "FullAtTarget", "targetPercent": 90 } ] } ] }
            """, TestContext.Current.CancellationToken);
        var run = await PointsAsync("""[{"indicator": "2.1", "numerator": 45, "denominator": 50}]""", "--definitions", definitions);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(20.00m, JsonNode.Parse(run.Output)![0]!["points"]!.GetValue<decimal>());
    }
}
