using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

public sealed class ParScorerTests
{
    private static readonly ParFrameworkTree Tree = ParTestFramework.Definition.Tree;

    // Full marks for a department: 1.2.3 applies to communes only, so the applicable maximum is 18.
    private static Dictionary<string, ParScoreInput> FullMarks() => new()
    {
        ["1.1.1"] = new(CheckedRows: ["a", "b", "c", "d"]),
        ["1.1.2"] = new(Tier: "L1"),
        ["1.1.3"] = new(Done: true),
        ["1.2.1"] = new(Violations: 0),
        ["1.2.2"] = new(Violations: 0),
        ["2.1.1"] = new(Percent: 80m),
        ["2.1.2"] = new(Percent: 100m),
        ["2.2.1"] = new(Value: 100m),
        ["2.2.2"] = new(Value: 5m),
    };

    private static ParResult Score(Dictionary<string, ParScoreInput> inputs, ParLevel level = ParLevel.Department)
    {
        var (result, problems) = ParScorer.Score(Tree, level, inputs);
        Assert.Empty(problems);
        return result!;
    }

    private static decimal PointsOf(string code, ParScoreInput input) =>
        Score(new() { [code] = input }).SubCriteria.Single(s => s.Code == code).Points;

    [Fact]
    public void FullMarks_Department_LeavesTheCommuneOnlyCriterionOutOfTheDenominator()
    {
        var result = Score(FullMarks());

        Assert.Equal(17.5m, result.ScoredTotal); // 2.1.2 is capped at 1.5 of its 2 points
        Assert.Equal(18m, result.ApplicableMax);
        Assert.Equal(18m, result.FullMax);
        Assert.Equal(97.22m, result.Percentage);
        Assert.Equal("A", result.Band!.Code);
        Assert.False(result.SubCriteria.Single(s => s.Code == "1.2.3").Applicable);
        Assert.Equal<decimal>([8m, 9.5m, 0m], result.Areas.Select(a => a.Points));
        Assert.Equal(8m, result.Areas[0].ApplicableMax);
        Assert.Equal(4m, result.Areas[0].Criteria[1].ApplicableMax);
    }

    [Fact]
    public void Commune_CountsTheCommuneOnlyCriterion()
    {
        var inputs = FullMarks();
        inputs["1.2.3"] = new(Done: false);
        var result = Score(inputs, ParLevel.Commune);
        Assert.Equal(20m, result.ApplicableMax);
        Assert.Equal(87.5m, result.Percentage);
        Assert.Equal("B", result.Band!.Code);
    }

    [Theory]
    [InlineData(new[] { "a", "c" }, 0.5)]
    [InlineData(new[] { "a", "b", "c" }, 0.75)]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "d", "d" }, 0.25)]
    public void Checklist_SumsTheTickedRows(string[] rows, double expected) =>
        Assert.Equal((decimal)expected, PointsOf("1.1.1", new(CheckedRows: rows)));

    [Theory]
    [InlineData("1.2.1", 0, 2)]
    [InlineData("1.2.1", 3, 0.5)]
    [InlineData("1.2.1", 10, 0)] // default floor 0
    [InlineData("1.2.2", 1, 1)]
    [InlineData("1.2.2", 5, 0.5)] // floor 0.5
    public void Deduction_TakesPointsPerViolation_DownToTheFloor(string code, int violations, double expected) =>
        Assert.Equal((decimal)expected, PointsOf(code, new(Violations: violations)));

    [Theory]
    [InlineData(100, 2)]
    [InlineData(85, 1)]
    [InlineData(80, 1)]
    [InlineData(79.99, 0)]
    public void Tiered_ByPercentage_TakesTheHighestThresholdReached(double percent, double expected) =>
        Assert.Equal((decimal)expected, PointsOf("1.1.2", new(Percent: (decimal)percent)));

    [Fact]
    public void Tiered_ByLevel_AndBinary()
    {
        Assert.Equal(1m, PointsOf("1.1.2", new(Tier: "L2")));
        Assert.Equal(0m, PointsOf("1.1.3", new(Done: false)));
        Assert.Equal(1m, PointsOf("1.1.3", new(Done: true)));
    }

    [Theory]
    [InlineData("2.1.1", 60, 3)] // 4 × 60 / 80 (target 80 %)
    [InlineData("2.1.1", 95, 4)] // beyond the target: the maximum
    [InlineData("2.1.1", 33.333, 1.67)]
    [InlineData("2.1.2", 50, 1)]
    [InlineData("2.1.2", 90, 1.5)] // 1.8 capped at 1.5
    public void ProportionalAndSystemSourced_ScaleTheRatio_WithTargetAndCap(string code, double percent, double expected) =>
        Assert.Equal((decimal)expected, PointsOf(code, new(Percent: (decimal)percent)));

    [Theory]
    [InlineData("2.2.1", 83.33, 1.67)]
    [InlineData("2.2.2", 4, 1.5)] // 2 × (4 − 1) / (5 − 1)
    [InlineData("2.2.2", 1, 0)]
    public void Survey_MapsTheScaleLinearly(string code, double value, double expected) =>
        Assert.Equal((decimal)expected, PointsOf(code, new(Value: (decimal)value)));

    [Fact]
    public void DirectScore_IsBoundedByTheMaximum()
    {
        Assert.Equal(0.75m, PointsOf("1.1.1", new(Score: 0.75m)));
        var (result, problems) = ParScorer.Score(Tree, ParLevel.Department, new Dictionary<string, ParScoreInput> { ["1.1.1"] = new(Score: 1.25m) });
        Assert.Null(result);
        Assert.Equal("par.score_range", Assert.Single(problems).Message.Code);
    }

    [Fact]
    public void NotApplicable_LeavesTheDenominator()
    {
        var inputs = FullMarks();
        inputs["2.1.1"] = new(NotApplicable: true);
        var result = Score(inputs);
        Assert.Equal(13.5m, result.ScoredTotal);
        Assert.Equal(14m, result.ApplicableMax);
        Assert.Equal(96.43m, result.Percentage);
        Assert.False(result.SubCriteria.Single(s => s.Code == "2.1.1").Applicable);
    }

    [Fact]
    public void Unscored_CountsZero_InTheDenominator()
    {
        var inputs = FullMarks();
        inputs.Remove("2.1.1");
        var result = Score(inputs);
        var row = result.SubCriteria.Single(s => s.Code == "2.1.1");
        Assert.True(row.Applicable);
        Assert.False(row.Scored);
        Assert.Equal(18m, result.ApplicableMax);
        Assert.Equal(75m, result.Percentage);
        Assert.Equal("C", result.Band!.Code);
    }

    [Fact]
    public void BonusAndPenalty_AreAddedAfter_OnTheFrameworksScale_WithinTheCap()
    {
        var inputs = FullMarks();
        inputs["2.1.1"] = new(Percent: 40m); // 2 of 4: 15.5 / 18
        inputs["9.1.1"] = new(Count: 1); // +0.5
        inputs["9.2.1"] = new(Count: 3); // −1.5
        var result = Score(inputs);
        Assert.Equal(15.5m, result.ScoredTotal);
        Assert.Equal(-1m, result.BonusPenalty);
        Assert.Equal(14.5m, result.Total);
        Assert.Equal(80.56m, result.Percentage); // 86.11 − 1 / 18 × 100
        Assert.Equal<decimal>([0.5m, -1.5m, 0m], result.SubCriteria.Where(s => s.AreaCode == "9").Select(s => s.Points));
        Assert.Equal((-1m, 0m), (result.Areas[2].Points, result.Areas[2].ApplicableMax));
        Assert.All(result.Areas[2].Criteria, c => Assert.Equal(0m, c.ApplicableMax));
    }

    [Fact]
    public void Penalties_AreCapped_AndThePercentageNeverBelowZero()
    {
        var result = Score(new()
        {
            ["1.1.3"] = new(Done: true),
            ["9.2.1"] = new(Count: 10), // −2 (its maximum)
            ["9.2.2"] = new(Done: true), // −3
        });
        Assert.Equal(-2m, result.BonusPenalty); // −5 within the cap of 2
        Assert.Equal(1m, result.ScoredTotal);
        Assert.Equal(0m, result.Percentage); // 5.56 − 11.11
        Assert.Equal("D", result.Band!.Code);
    }

    [Fact]
    public void BonusBeyondFullMarks_PassesHundred()
    {
        var inputs = FullMarks();
        inputs["2.1.2"] = new(Score: 2m);
        inputs["9.1.1"] = new(Count: 2);
        Assert.Equal(105.56m, Score(inputs).Percentage);
    }

    [Theory]
    [InlineData("1.1.1", "tier", "par.input_mismatch")]
    [InlineData("1.1.1", "rows-unknown", "par.row_unknown")]
    [InlineData("1.1.2", "tier-unknown", "par.tier_unknown")]
    [InlineData("1.2.1", "negative", "par.input_negative")]
    [InlineData("2.1.1", "huge", "par.input_range")]
    [InlineData("2.2.2", "value-0", "par.survey_range")]
    [InlineData("1.1.3", "two", "par.input_ambiguous")]
    [InlineData("7.7.7", "tier", "par.subcriterion_unknown")]
    public void BadInput_IsNamed(string code, string kind, string expected)
    {
        ParScoreInput input = kind switch
        {
            "tier" => new(Tier: "L1"),
            "rows-unknown" => new(CheckedRows: ["a", "z"]),
            "tier-unknown" => new(Tier: "L9"),
            "negative" => new(Violations: -1),
            "value-0" => new(Value: 0m),
            "huge" => new(Percent: decimal.MaxValue),
            _ => new(Done: true, Score: 1m),
        };
        var (result, problems) = ParScorer.Score(Tree, ParLevel.Department, new Dictionary<string, ParScoreInput> { [code] = input });
        Assert.Null(result);
        Assert.Equal(expected, Assert.Single(problems).Message.Code);
    }

    [Fact]
    public void NothingApplicable_HasNoPercentage()
    {
        var all = Tree.SubCriteria.Where(x => !x.Area.IsBonusPenalty).ToDictionary(x => x.Sub.Code, _ => new ParScoreInput(NotApplicable: true));
        var result = Score(all);
        Assert.Null(result.Percentage);
        Assert.Null(result.Band);
    }

    [Fact]
    public void Ranking_SharesRanksOnTies_AndSkipsAfter()
    {
        var ranks = ParRanking.Rank([("Sở Tư pháp", 95.5m), ("Sở Tài chính", 88m), ("Sở Nội vụ", 95.5m), ("Sở Y tế", 70m), ("Sở Xây dựng", 88m), ("Sở mới", null)]);
        Assert.Equal(
            new (string, int?)[] { ("Sở Nội vụ", 1), ("Sở Tư pháp", 1), ("Sở Tài chính", 3), ("Sở Xây dựng", 3), ("Sở Y tế", 5), ("Sở mới", null) },
            ranks.Select(r => (r.Unit, r.Rank)));
    }

    [Fact]
    public void Ranking_OfScoredUnits_FromTheirResults()
    {
        var strong = Score(FullMarks()).Percentage;
        var weaker = FullMarks();
        weaker["1.1.2"] = new(Tier: "L2");
        var alsoWeaker = FullMarks();
        alsoWeaker["1.2.1"] = new(Violations: 2);
        var ranks = ParRanking.Rank([("X", Score(weaker).Percentage), ("Y", strong), ("Z", Score(alsoWeaker).Percentage)]);
        Assert.Equal(new int?[] { 1, 2, 2 }, ranks.Select(r => r.Rank));
        Assert.Equal("Y", ranks[0].Unit);
        Assert.Equal(91.67m, ranks[1].Percentage);
    }
}
