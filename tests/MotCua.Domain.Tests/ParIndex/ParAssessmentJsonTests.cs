using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

public sealed class ParAssessmentJsonTests
{
    private const string Json = """
        {
          "format": "motcua.parindex.assessment/1",
          "unit": "000.00.03.H56",
          "unitName": "Sở Tư pháp",
          "framework": { "code": "TEST-SO", "year": 2026, "level": "Department" },
          "items": [
            { "subCriterion": "1.1.1", "checkedRows": [ "a", "b", "c" ], "note": "Thiếu dự toán kinh phí" },
            { "subCriterion": "1.1.2", "tier": "L2" },
            { "subCriterion": "1.1.3", "done": true },
            { "subCriterion": "1.2.1", "violations": 1 },
            { "subCriterion": "1.2.2", "score": 2 },
            { "subCriterion": "2.1.1", "percent": 72.5 },
            { "subCriterion": "2.1.2", "notApplicable": true },
            { "subCriterion": "2.2.1", "value": 88.4 },
            { "subCriterion": "2.2.2", "value": 4.2 },
            { "subCriterion": "9.1.1", "count": 1 }
          ]
        }
        """;

    [Fact]
    public void Parses_AndScores()
    {
        var (assessment, problems) = ParAssessmentJson.Parse(Json);
        Assert.Empty(problems);
        var framework = ParTestFramework.Definition;
        Assert.Empty(assessment!.Matches(framework));
        var (result, scoring) = ParScorer.Score(framework.Tree, framework.Level, assessment.Inputs);
        Assert.Empty(scoring);
        // 0.75 + 1 + 1 + 1.5 + 2 + 3.63 (4 × 72.5 / 80 = 3.625) + 1.77 + 1.6 = 13.25 of 16 (2.1.2 not applicable)
        Assert.Equal(13.25m, result!.ScoredTotal);
        Assert.Equal(16m, result.ApplicableMax);
        Assert.Equal(0.5m, result.BonusPenalty);
        Assert.Equal(85.59m, result.Percentage); // 82.8125 + 0.5 / 18 × 100: the bonus is on the framework's full 18 points
        Assert.Equal("B", result.Band!.Code);
    }

    [Fact]
    public void RoundTripsExactly()
    {
        var (assessment, _) = ParAssessmentJson.Parse(Json);
        var text = ParAssessmentJson.Write(assessment!);
        Assert.Equal(text, ParAssessmentJson.Write(ParAssessmentJson.Parse(text).Assessment!));
        Assert.Contains("\"notApplicable\": true", text, StringComparison.Ordinal);
        Assert.Contains("Thiếu dự toán", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"level\": \"Department\"", "\"level\": \"Commune\"", "par.framework_mismatch")]
    [InlineData("\"code\": \"TEST-SO\"", "\"code\": \"OTHER\"", "par.framework_mismatch")]
    public void AnotherFramework_IsRefused(string from, string to, string code)
    {
        var (assessment, problems) = ParAssessmentJson.Parse(Json.Replace(from, to, StringComparison.Ordinal));
        Assert.Empty(problems);
        Assert.Equal(code, Assert.Single(assessment!.Matches(ParTestFramework.Definition)).Message.Code);
    }

    [Theory]
    [InlineData("{ \"subCriterion\": \"1.1.3\", \"done\": true }", "{ \"subCriterion\": \"1.1.2\", \"done\": true }", "par.input_duplicate")]
    [InlineData("\"unit\": \"000.00.03.H56\",", "", "par.field_required")]
    [InlineData("\"violations\": 1", "\"violations\": 1.5", "par.json_invalid")]
    [InlineData("\"year\": 2026", "\"year\": 3026", "par.year_range")]
    public void BadDocuments_AreNamed(string from, string to, string code)
    {
        var (assessment, problems) = ParAssessmentJson.Parse(Json.Replace(from, to, StringComparison.Ordinal));
        Assert.Null(assessment);
        Assert.Contains(problems, p => p.Message.Code == code);
    }
}
