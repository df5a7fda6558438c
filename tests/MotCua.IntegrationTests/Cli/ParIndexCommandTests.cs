using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Cli;

/// <summary>`motcua parindex score --framework f.json --assessment a.json` and `parindex export`, run in-process.</summary>
public sealed class ParIndexCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("motcua-par-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string DemoFramework =>
        Path.Combine(DataRoot.Find(AppContext.BaseDirectory), "src", "MotCua.Persistence", "Seeding", "ParIndex", "framework-department-2026.json");

    private async Task<string> FileAsync(string text)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    private static readonly string[] Scored = ["1.1.1", "1.1.2", "1.2.1", "3.2.1", "3.2.2", "5.2.3", "8.1.1", "8.2.1", "9.1.1", "9.2.1"];

    private const string Assessment = """
        {
          "format": "motcua.parindex.assessment/1",
          "unit": "000.00.03.H56",
          "framework": { "code": "SONLA-SO", "year": 2026, "level": "Department" },
          "items": [
            { "subCriterion": "1.1.1", "checkedRows": [ "a", "b", "c" ] },
            { "subCriterion": "1.1.2", "tier": "L2" },
            { "subCriterion": "1.2.1", "violations": 1 },
            { "subCriterion": "3.2.1", "percent": 97.5 },
            { "subCriterion": "3.2.2", "percent": 81 },
            { "subCriterion": "5.2.3", "violations": 9 },
            { "subCriterion": "2.3.1", "notApplicable": true },
            { "subCriterion": "8.1.1", "value": 82.5 },
            { "subCriterion": "8.2.1", "value": 4 },
            { "subCriterion": "9.1.1", "count": 2 },
            { "subCriterion": "9.2.1", "count": 1 }
          ]
        }
        """;

    [Fact]
    public async Task Score_PrintsPointsTotalsPercentageAndBand()
    {
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), "parindex", "score", "--framework", DemoFramework, "--assessment", await FileAsync(Assessment));

        Assert.True(run.ExitCode == 0, run.Error);
        var result = JsonNode.Parse(run.Output)!;
        var points = result["subCriteria"]!.AsArray().ToDictionary(s => s!["code"]!.GetValue<string>(), s => s!["points"]!.GetValue<decimal>());
        // Checklist 3 × 0.25; tier L2; 2 − 0.5; 4 × 97.5 %; 3 × 81 / 90; floor 0.5; 10 × 82.5 %; 6 × (4 − 1) / 4; +1; −0.5.
        Assert.Equal([0.75m, 1m, 1.5m, 3.9m, 2.7m, 0.5m, 8.25m, 4.5m, 1m, -0.5m],
            Scored.Select(c => points[c]));
        Assert.False(result["subCriteria"]!.AsArray().Single(s => s!["code"]!.GetValue<string>() == "2.3.1")!["applicable"]!.GetValue<bool>());
        Assert.Equal(23.1m, result["scoredTotal"]!.GetValue<decimal>());
        Assert.Equal(0.5m, result["bonusPenalty"]!.GetValue<decimal>());
        Assert.Equal(99.5m, result["applicableMax"]!.GetValue<decimal>());
        Assert.Equal(23.72m, result["percentage"]!.GetValue<decimal>()); // 23.1 / 99.5 × 100 + 0.5
        Assert.Equal("D", result["band"]!.GetValue<string>());
        Assert.Equal(9, result["areas"]!.AsArray().Count);
        Assert.Equal(3.25m, result["areas"]![0]!["points"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("\"tier\": \"L2\"", "\"tier\": \"L7\"", "L7")]
    [InlineData("\"level\": \"Department\"", "\"level\": \"Commune\"", "SONLA-SO")]
    [InlineData("\"violations\": 1 }", "\"violations\": 1, \"score\": 1 }", "1.2.1")]
    [InlineData("{ \"subCriterion\": \"1.1.2\"", "{ \"subCriterion\": \"7.7.7\"", "7.7.7")]
    [InlineData("\"items\": [", "\"items\": [ oops", "JSON")]
    public async Task Score_BadAssessment_SaysWhy_Exit2(string from, string to, string fragment)
    {
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), "parindex", "score", "--framework", DemoFramework,
            "--assessment", await FileAsync(Assessment.Replace(from, to, StringComparison.Ordinal)));
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_BadFramework_SaysWhy_Exit2()
    {
        var framework = (await File.ReadAllTextAsync(DemoFramework, TestContext.Current.CancellationToken)).Replace("\"code\": \"1.1.2\"", "\"code\": \"1.1.1\"", StringComparison.Ordinal);
        var run = await CliRunner.RunAsync(CliRunner.NoDatabase(), "parindex", "score", "--framework", await FileAsync(framework), "--assessment", await FileAsync(Assessment));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Mã 1.1.1 đã dùng", run.Error, StringComparison.Ordinal);
        var missing = await CliRunner.RunAsync(CliRunner.NoDatabase(), "parindex", "score", "--framework", Path.Combine(_directory, "none.json"), "--assessment", await FileAsync(Assessment));
        Assert.Equal(2, missing.ExitCode);
    }

    [Theory, AllDatabases]
    public async Task Export_PrintsTheSeededFramework(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using (var db = database.CreateContext())
        {
            await new DatabaseSeeder(db) { IncludeDemoDossiers = false }.SeedAsync("demo", ct);
        }

        var run = await CliRunner.RunAsync(database.Options, "parindex", "export", "--year", "2026", "--level", "commune");
        Assert.True(run.ExitCode == 0, run.Error);
        var (definition, problems) = Domain.ParIndex.ParFrameworkJson.Parse(run.Output);
        Assert.Empty(problems);
        Assert.Equal(("SONLA-XA", "Issued"), (definition!.Code, definition.Status.ToString()));
        var none = await CliRunner.RunAsync(database.Options, "parindex", "export", "--year", "2030", "--level", "commune");
        Assert.Equal(2, none.ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync(database.Options, "parindex", "export", "--year", "2026", "--level", "province")).ExitCode);
    }
}
