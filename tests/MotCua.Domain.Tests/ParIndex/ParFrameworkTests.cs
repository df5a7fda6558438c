using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

public sealed class ParFrameworkTests
{
    private static readonly DateTime Now = new(2026, 1, 20, 3, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<ParProblem> ProblemsOf(string from, string to)
    {
        var json = ParTestFramework.Json.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(ParTestFramework.Json, json);
        return ParFrameworkJson.Parse(json).Problems;
    }

    [Theory]
    [InlineData("\"code\": \"1.1.3\"", "\"code\": \"1.1.2\"", "par.code_duplicate", "areas[0].criteria[0].subCriteria[2].code")]
    [InlineData("\"code\": \"d\", \"text\": \"Có kinh phí\", \"points\": 0.25", "\"code\": \"d\", \"text\": \"Có kinh phí\", \"points\": 0.5", "par.rows_points_mismatch", "areas[0].criteria[0].subCriteria[0].method.rows")]
    [InlineData("\"minPercent\": 80, \"points\": 1", "\"minPercent\": 100, \"points\": 1", "par.tiers_invalid", "areas[0].criteria[0].subCriteria[1].method.tiers")]
    [InlineData("\"pointsEach\": 1, \"floor\": 0.5", "\"pointsEach\": 1, \"floor\": 2", "par.floor_range", "areas[0].criteria[1].subCriteria[1].method.floor")]
    [InlineData("dossier.on_time_rate", "dossier.guess", "par.formula_unknown", "areas[1].criteria[0].subCriteria[0].method.formula")]
    [InlineData("\"targetPercent\": 80", "\"targetPercent\": 120", "par.target_range", "areas[1].criteria[0].subCriteria[0].method.targetPercent")]
    [InlineData("\"scaleMin\": 1, \"scaleMax\": 5", "\"scaleMin\": 5, \"scaleMax\": 1", "par.scale_range", "areas[1].criteria[1].subCriteria[1].method.scaleMax")]
    [InlineData("\"maxPoints\": 2, \"method\": { \"kind\": \"PerOccurrence\", \"pointsEach\": 0.5 } } ] }", "\"maxPoints\": 2, \"method\": { \"kind\": \"Proportional\" } } ] }", "par.bonus_method", "areas[2].criteria[0].subCriteria[0].method.kind")]
    [InlineData("\"level\": \"Department\"", "\"level\": \"Province\"", "par.enum_invalid", "level")]
    [InlineData("\"kind\": \"Binary\" } }\n", "\"kind\": \"Sideways\" } }\n", "par.enum_invalid", "areas[0].criteria[0].subCriteria[2].method.kind")]
    [InlineData("\"year\": 2026", "\"year\": 1999", "par.year_range", "year")]
    [InlineData("\"code\": \"D\", \"label\": \"D\", \"minPercent\": 0", "\"code\": \"D\", \"label\": \"D\", \"minPercent\": 75", "par.bands_invalid", "bands")]
    [InlineData("\"name\": \"Sáng kiến\", \"maxPoints\": 1", "\"name\": \" \", \"maxPoints\": 1", "par.name_invalid", "areas[0].criteria[0].subCriteria[2].name")]
    [InlineData("\"name\": \"Sáng kiến\", \"maxPoints\": 1", "\"name\": \"Sáng kiến\", \"maxPoints\": 0", "par.max_points_range", "areas[0].criteria[0].subCriteria[2].maxPoints")]
    [InlineData("\"name\": \"Sáng kiến\", \"maxPoints\": 1", "\"name\": \"Sáng kiến\", \"maxPoints\": 79000000000000000000000000000", "par.max_points_range", "areas[0].criteria[0].subCriteria[2].maxPoints")]
    [InlineData("\"pointsEach\": 1, \"floor\": 0.5", "\"pointsEach\": 1e20, \"floor\": 0.5", "par.points_each", "areas[0].criteria[1].subCriteria[1].method.pointsEach")]
    public void Validation_NamesTheProblem_WithAStableCodeAndPath(string from, string to, string code, string path)
    {
        var problems = ProblemsOf(from, to);
        Assert.Contains(problems, p => p.Message.Code == code && p.Path == path && !p.IssueOnly);
        Assert.Null(ParFrameworkJson.Parse(ParTestFramework.Json.Replace(from, to, StringComparison.Ordinal)).Definition);
    }

    [Fact]
    public void DeclaredTotals_ThatThePartsDoNotReach_OnlyStopIssuing()
    {
        var json = ParTestFramework.Json.Replace("\"code\": \"1\", \"name\": \"Chỉ đạo điều hành\", \"maxPoints\": 10", "\"code\": \"1\", \"name\": \"Chỉ đạo điều hành\", \"maxPoints\": 11", StringComparison.Ordinal);
        var (definition, problems) = ParFrameworkJson.Parse(json);
        Assert.NotNull(definition);
        var problem = Assert.Single(problems);
        Assert.Equal(("par.points_mismatch", "areas[0].maxPoints", true), (problem.Message.Code, problem.Path, problem.IssueOnly));
        Assert.Contains("(10)", problem.Message.Text, StringComparison.Ordinal);

        var draft = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), definition!, 1, Now);
        var issued = draft.Issue("1/QĐ-UBND", null, Now);
        Assert.True(issued.IsFailure);
        Assert.Equal("par.framework_invalid", issued.Error.Code);
        Assert.Equal(ParFrameworkStatus.Draft, draft.Status);
    }

    [Fact]
    public void InvalidJson_IsOneProblem()
    {
        var (definition, problems) = ParFrameworkJson.Parse("{ \"code\": ");
        Assert.Null(definition);
        Assert.Equal("par.json_invalid", Assert.Single(problems).Message.Code);
    }

    [Fact]
    public void Json_RoundTripsExactly()
    {
        var first = ParFrameworkJson.Write(ParTestFramework.Definition);
        var (again, problems) = ParFrameworkJson.Parse(first);
        Assert.Empty(problems);
        Assert.Equal(first, ParFrameworkJson.Write(again!));
        Assert.Contains("\"points\": 0.25", first, StringComparison.Ordinal);
        Assert.Contains("\"decisionDate\": \"2026-01-15\"", first, StringComparison.Ordinal);
        Assert.Contains("Bộ chỉ số thử", first, StringComparison.Ordinal); // Vietnamese unescaped
        Assert.Equal(ParFrameworkJson.WriteTree(ParTestFramework.Definition.Tree), ParFrameworkJson.WriteTree(ParFrameworkJson.ReadTree(ParFrameworkJson.WriteTree(again!.Tree))));
    }

    [Fact]
    public void NoBands_TakesTheDefaultBands()
    {
        var json = ParTestFramework.Json.Replace("\"bands\"", "\"unusedBands\"", StringComparison.Ordinal);
        var (definition, _) = ParFrameworkJson.Parse(json);
        Assert.Equal(["A", "B", "C", "D"], definition!.Tree.Bands.Select(b => b.Code));
        Assert.Equal(90m, definition.Tree.Bands[0].MinPercent);
    }

    [Fact]
    public void CopyToNewYear_IsANewDraft_AndLeavesLastYearIntact()
    {
        var last = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition with { Name = "Bộ chỉ số năm 2026" }, 1, Now);
        Assert.True(last.Issue("12/QĐ-UBND", new DateOnly(2026, 1, 15), Now).IsSuccess);
        var before = ParFrameworkJson.Write(last.Definition);

        var copy = last.CopyToYear(Guid.NewGuid(), 2027, 1, Now.AddYears(1));
        Assert.NotEqual(last.Id, copy.Id);
        Assert.Equal((2027, ParFrameworkStatus.Draft, (string?)null, last.Id), (copy.Year, copy.Status, copy.DecisionNumber, copy.CopiedFromId));
        Assert.Equal("Bộ chỉ số năm 2027", copy.Name);

        var edited = copy.EditSubCriterion("1.1.3", copy.Tree.Find("1.1.3")! with { Name = "Sáng kiến mới", MaxPoints = 1m });
        Assert.True(edited.IsSuccess);
        Assert.Equal("Sáng kiến mới", copy.Tree.Find("1.1.3")!.Name);
        Assert.Equal(before, ParFrameworkJson.Write(last.Definition));
        Assert.Equal((2026, ParFrameworkStatus.Issued, "Sáng kiến"), (last.Year, last.Status, last.Tree.Find("1.1.3")!.Name));

        // Last year's results are still scored by last year's rules.
        var (result, _) = ParScorer.Score(last.Tree, last.Level, new Dictionary<string, ParScoreInput> { ["1.1.3"] = new(Done: true) });
        Assert.Equal(1m, result!.ScoredTotal);
    }

    [Fact]
    public void AnIssuedFramework_CannotBeEdited()
    {
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.Equal(1, framework.Revision);
        Assert.True(framework.Issue(null, null, Now).IsSuccess);
        Assert.Equal("12/QĐ-UBND", framework.DecisionNumber);
        var edit = framework.EditSubCriterion("1.1.3", framework.Tree.Find("1.1.3")! with { Name = "khác" });
        Assert.Equal("par.framework_issued", edit.Error.Code);
        Assert.Equal("par.framework_issued", framework.Issue(null, null, Now).Error.Code);
        Assert.Equal(2, framework.Revision);
    }

    [Fact]
    public void EditingADraft_KeepsItsCode_AndRefusesAStructuralProblem()
    {
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        var rows = framework.Tree.Find("1.1.1")!;
        var broken = framework.EditSubCriterion("1.1.1", rows with { MaxPoints = 2m });
        Assert.Equal("par.framework_invalid", broken.Error.Code);
        Assert.Contains(((ParFrameworkInvalid)broken.Error).Problems, p => p.Message.Code == "par.rows_points_mismatch");
        Assert.Equal(1m, framework.Tree.Find("1.1.1")!.MaxPoints);

        // A new maximum the criterion's declared total does not match yet is allowed in a draft, and stops issuing.
        Assert.True(framework.EditSubCriterion("1.1.3", framework.Tree.Find("1.1.3")! with { Code = "ignored", MaxPoints = 1.5m }).IsSuccess);
        Assert.Equal(1.5m, framework.Tree.Find("1.1.3")!.MaxPoints);
        Assert.Contains(framework.Problems, p => p.IssueOnly && p.Path == "areas[0].criteria[0].maxPoints");
        Assert.Equal("par.framework_invalid", framework.Issue(null, null, Now).Error.Code);
    }

    private static readonly string[] NamedFormulas =
        ["dossier.on_time_rate", "dossier.online_share", "dossier.digitisation_rate", "pakn.on_time_rate", "serviceindex.total_percent"];

    [Fact]
    public void SystemFormulas_HaveUniqueCodes_AndTheOnesTheBriefNames() =>
        Assert.True(ParSystemFormulas.All.Select(f => f.Code).Distinct().Count() == ParSystemFormulas.All.Count
            && NamedFormulas.All(c => ParSystemFormulas.Find(c) is not null));
}
