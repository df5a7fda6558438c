using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

/// <summary>Results (issue 11 §4) on a known set of units under the test framework (department level: 18 applicable points,
/// bonus/penalty capped at 2): totals, percentages over the applicable points, bands, competition ranking with ties, units
/// without a result listed unranked; publication snapshots and corrections; comparison with last year by code; the
/// simulator.</summary>
public sealed class ParResultsTests
{
    private static readonly DateTime Now = new(2027, 3, 10, 3, 0, 0, DateTimeKind.Utc);

    // Every applicable sub-criterion at its maximum, entered as points.
    private static readonly Dictionary<string, decimal> Full = new(StringComparer.Ordinal)
    {
        ["1.1.1"] = 1m,
        ["1.1.2"] = 2m,
        ["1.1.3"] = 1m,
        ["1.2.1"] = 2m,
        ["1.2.2"] = 2m,
        ["2.1.1"] = 4m,
        ["2.1.2"] = 2m,
        ["2.2.1"] = 2m,
        ["2.2.2"] = 2m,
    };

    private static readonly Guid P = Guid.NewGuid(), Q = Guid.NewGuid(), R = Guid.NewGuid(), S = Guid.NewGuid(), T = Guid.NewGuid();

    private static ParFramework Issued(string json = ParTestFramework.Json, int year = 2026)
    {
        var (definition, problems) = ParFrameworkJson.Parse(json);
        Assert.Empty(problems);
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), definition! with { Year = year }, 1, Now);
        Assert.True(framework.Issue("12/QĐ-UBND", null, Now).IsSuccess);
        return framework;
    }

    private static Dictionary<string, ParScoreInput> Inputs(IReadOnlyDictionary<string, decimal>? overrides = null, string[]? notApplicable = null,
        int bonuses = 0, int lateReports = 0)
    {
        var inputs = Full.ToDictionary(p => p.Key, p => new ParScoreInput(Score: overrides?.GetValueOrDefault(p.Key, p.Value) ?? p.Value), StringComparer.Ordinal);
        foreach (var code in notApplicable ?? [])
        {
            inputs[code] = new ParScoreInput(NotApplicable: true);
        }

        inputs["9.1.1"] = new ParScoreInput(Count: bonuses);
        inputs["9.2.1"] = new ParScoreInput(Count: lateReports);
        return inputs;
    }

    // P: everything and two initiatives (+1): 100 % + 1/18 = 105.56 %, A.
    // Q: 2.1.1 at 2 of 4 and 1.1.3 missed, one late report (−0.5): 15/18 − 0.5/18 = 80.56 %, B.
    // R: 2.2.1 not applicable (16 applicable), 2.1.1 at 2.4: 14.4/16 = 90 %, A (the threshold reached).
    // S: 1.2.1 at 0.2: 16.2/18 = 90 %, A: tied with R.
    // T: no submitted assessment.
    private static Dictionary<Guid, Dictionary<string, ParScoreInput>> Units() => new()
    {
        [P] = Inputs(bonuses: 2),
        [Q] = Inputs(new Dictionary<string, decimal> { ["2.1.1"] = 2m, ["1.1.3"] = 0m }, lateReports: 1),
        [R] = Inputs(new Dictionary<string, decimal> { ["2.1.1"] = 2.4m }, ["2.2.1"]),
        [S] = Inputs(new Dictionary<string, decimal> { ["1.2.1"] = 0.2m }),
    };

    private static readonly Dictionary<Guid, string> Names = new() { [P] = "Sở P", [Q] = "Sở Q", [R] = "Sở R", [S] = "Sở S", [T] = "Sở T" };

    private static ParResultsTable Table(ParFramework framework, Dictionary<Guid, Dictionary<string, ParScoreInput>> units) =>
        ParResultsTable.Build(framework, Names.Keys.Select(id => new ParResultCandidate(id, Names[id], "CODE-" + Names[id][^1],
            units.TryGetValue(id, out var inputs) ? Score(framework, inputs) : null)));

    private static ParResult Score(ParFramework framework, IReadOnlyDictionary<string, ParScoreInput> inputs)
    {
        var (result, problems) = ParScorer.Score(framework.Tree, framework.Level, inputs);
        Assert.Empty(problems);
        return result!;
    }

    [Fact]
    public void Table_RanksByPercentageWithTies_BandsByThreshold_AndListsUnitsWithoutAResultUnranked()
    {
        var table = Table(Issued(), Units());

        Assert.Equal(["Sở P", "Sở R", "Sở S", "Sở Q", "Sở T"], table.Units.Select(u => u.UnitName));
        Assert.Equal(new int?[] { 1, 2, 2, 4, null }, table.Units.Select(u => u.Rank));
        Assert.Equal(new decimal?[] { 105.56m, 90m, 90m, 80.56m, null }, table.Units.Select(u => u.Percentage));
        Assert.Equal(["A", "A", "A", "B", null], table.Units.Select(u => u.Band));
        Assert.Equal("Sở T", Assert.Single(table.NotRanked).UnitName);

        var q = table.Units.Single(u => u.UnitId == Q);
        Assert.Equal((15m, -0.5m, 14.5m, 18m), (q.ScoredTotal!.Value, q.BonusPenalty!.Value, q.Total!.Value, q.ApplicableMax!.Value));
        Assert.Equal([new ParTotalLine("1", 7m, 8m), new ParTotalLine("2", 8m, 10m), new ParTotalLine("9", -0.5m, 0m)], q.Areas);
        Assert.Equal(new ParTotalLine("2.1", 4m, 6m), q.Criteria.Single(c => c.Code == "2.1"));
        // The non-applicable sub-criterion leaves R's denominator: area 2 is out of 8, and the line says it does not apply.
        var r = table.Units.Single(u => u.UnitId == R);
        Assert.Equal((16m, 8m), (r.ApplicableMax!.Value, r.Areas[1].ApplicableMax));
        Assert.False(r.SubCriteria.Single(s => s.Code == "2.2.1").Applicable);
        // The commune-only sub-criterion is no one's at department level.
        Assert.All(table.Units.Where(u => u.Ranked), u => Assert.False(u.SubCriteria.Single(s => s.Code == "1.2.3").Applicable));
        Assert.Equal(["1", "2", "9"], table.Areas.Select(a => a.Code));
        Assert.True(table.Areas[2].BonusPenalty);
    }

    [Fact]
    public void Publication_IsASnapshot_ACorrectionNeedsAReason_AndKeepsTheEarlierOne()
    {
        var framework = Issued();
        var user = Guid.NewGuid();
        var draft = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.Equal("par.framework_not_issued",
            ParPublication.Publish(Guid.NewGuid(), draft, Table(Issued(), Units()), null, user, Now, null).Error.Code);

        var first = ParPublication.Publish(Guid.NewGuid(), framework, Table(framework, Units()), null, user, Now, null).Value;
        Assert.Equal((1, framework.Id, 2026, ParLevel.Department, (string?)null), (first.Number, first.FrameworkId, first.Year, first.Level, first.Reason));
        Assert.Equal(Table(framework, Units()), first.Table, new TableComparer());

        var noReason = ParPublication.Publish(Guid.NewGuid(), framework, Table(framework, Units()), first, user, Now, "  ");
        var problem = Assert.Single(Assert.IsType<ParPublicationInvalid>(noReason.Error).Problems);
        Assert.Equal(("reason", "par.publication_reason"), (problem.Path, problem.Message.Code));
        var tooLong = ParPublication.Publish(Guid.NewGuid(), framework, Table(framework, Units()), first, user, Now, new string('x', 1001));
        Assert.Equal("par.publication_reason_length", Assert.Single(Assert.IsType<ParPublicationInvalid>(tooLong.Error).Problems).Message.Code);

        // T submits late: the correction ranks it; the first publication is unchanged.
        var corrected = Units();
        corrected[T] = Inputs();
        var second = ParPublication.Publish(Guid.NewGuid(), framework, Table(framework, corrected), first, user, Now.AddDays(3), " Sở T nộp bổ sung ").Value;
        Assert.Equal((2, "Sở T nộp bổ sung"), (second.Number, second.Reason));
        Assert.Equal(2, second.Table.Units.Single(u => u.UnitId == T).Rank); // behind P's bonus
        Assert.Null(first.Table.Units.Single(u => u.UnitId == T).Rank);
    }

    [Fact]
    public void CopyingTheFrameworkToANewYear_AndEditingTheCopy_LeavesLastYearsPublishedResultsIntact()
    {
        var framework = Issued();
        var published = ParPublication.Publish(Guid.NewGuid(), framework, Table(framework, Units()), null, Guid.NewGuid(), Now, null).Value;
        var snapshot = published.Snapshot;

        var copy = framework.CopyToYear(Guid.NewGuid(), 2027, 1, Now);
        var sub = copy.Tree.Find("2.1.1")!;
        Assert.True(copy.EditSubCriterion("2.1.1", sub with { MaxPoints = 3m, Name = "Đúng hạn (2027)" }).IsSuccess);

        Assert.Equal(snapshot, published.Snapshot);
        Assert.Equal(framework.Id, published.FrameworkId);
        Assert.Equal(4m, framework.Tree.Find("2.1.1")!.MaxPoints);
        var p = published.Table.Units.Single(u => u.UnitId == P);
        Assert.Equal((105.56m, 1, 4m), (p.Percentage!.Value, p.Rank!.Value, p.SubCriteria.Single(s => s.Code == "2.1.1").MaxPoints));
    }

    [Fact]
    public void Comparison_MatchesByCode_MarksNewAndRemovedCriteria_AndCountsPointsGainedAndLost()
    {
        // Last year's framework had the survey criterion as 2.9; this year's calls it 2.2.
        var lastYear = Issued(ParTestFramework.Json.Replace("\"code\": \"2.2\", \"name\": \"Khảo sát\"", "\"code\": \"2.9\", \"name\": \"Khảo sát cũ\"",
            StringComparison.Ordinal), 2025);
        var previous = Table(lastYear, new()
        {
            [P] = Inputs(new Dictionary<string, decimal> { ["2.1.1"] = 3m }),
            [Q] = Inputs(new Dictionary<string, decimal> { ["1.1.3"] = 0m }),
        });
        var comparison = ParComparison.Compare(Table(Issued(), Units()), previous);

        Assert.Equal(ParComparisonStatus.New, comparison.Criteria.Single(c => c.Code == "2.2").Status);
        var removed = comparison.Criteria.Single(c => c.Code == "2.9");
        Assert.Equal((ParComparisonStatus.Removed, "Khảo sát cũ"), (removed.Status, removed.Name));
        Assert.All(comparison.Criteria.Where(c => c.Code is not ("2.2" or "2.9")), c => Assert.Equal(ParComparisonStatus.Kept, c.Status));
        Assert.All(comparison.Areas, a => Assert.Equal(ParComparisonStatus.Kept, a.Status));

        // P recovered 1 point on 2.1 and gained a 1-point bonus.
        var p = comparison.Units.Single(u => u.UnitId == P);
        Assert.Equal((2m, 0m, 2m, 1, 1), (p.Gained, p.Lost, p.Change!.Value, p.Rank!.Value, p.PreviousRank!.Value));
        Assert.Equal(new ParComparedTotal("2.1", ParComparisonStatus.Kept, 6m, 6m, 5m, 6m, 1m), p.Criteria.Single(c => c.Code == "2.1"));
        Assert.Equal(new ParComparedTotal("2.2", ParComparisonStatus.New, 4m, 4m, null, null, null), p.Criteria.Single(c => c.Code == "2.2"));
        Assert.Equal(new ParComparedTotal("2.9", ParComparisonStatus.Removed, null, null, 4m, 4m, null), p.Criteria.Single(c => c.Code == "2.9"));
        // Q lost 2 points on 2.1 and took a 0.5 penalty: 17 → 14.5.
        var q = comparison.Units.Single(u => u.UnitId == Q);
        Assert.Equal((0m, 2.5m, -2.5m, 17m, 14.5m), (q.Gained, q.Lost, q.Change!.Value, q.PreviousTotal!.Value, q.Total!.Value));
        Assert.Equal(-2m, q.Criteria.Single(c => c.Code == "2.1").Change);
        Assert.Equal(-2m, q.Areas.Single(a => a.Code == "2").Change);
        // R had no result last year: figures of this year only, nothing gained or lost.
        var r = comparison.Units.Single(u => u.UnitId == R);
        Assert.Equal(((decimal?)null, (decimal?)null, 0m, 0m), (r.PreviousTotal, r.Change, r.Gained, r.Lost));

        // No publication last year: everything new.
        Assert.All(ParComparison.Compare(Table(Issued(), Units()), null).Criteria, c => Assert.Equal(ParComparisonStatus.New, c.Status));
    }

    [Fact]
    public void Simulator_ListsLostSubCriteriaMostFirst_AndTheOutcomeOfRecoveringEach_AloneAndCumulatively()
    {
        var framework = Issued();
        var units = Units();
        var others = new decimal?[] { 105.56m, 90m, 90m, null };

        var simulation = ParSimulator.Simulate(framework, units[Q], others);

        Assert.Equal(new ParSimulatedOutcome(14.5m, 80.56m, "B", 4), simulation.Current);
        // The penalty is not a lost sub-criterion; 2.1.1 lost 2, 1.1.3 lost 1.
        Assert.Equal(["2.1.1", "1.1.3"], simulation.Lost.Select(l => l.Code));
        var first = simulation.Lost[0];
        Assert.Equal(("2", "2.1", 4m, 2m, 2m), (first.AreaCode, first.CriterionCode, first.MaxPoints, first.Points, first.Lost));
        Assert.Equal(new ParSimulatedOutcome(16.5m, 91.67m, "A", 2), first.Alone);
        Assert.Equal(first.Alone, first.Cumulative);
        var second = simulation.Lost[1];
        Assert.Equal(new ParSimulatedOutcome(15.5m, 86.11m, "B", 4), second.Alone);
        Assert.Equal(new ParSimulatedOutcome(17.5m, 97.22m, "A", 2), second.Cumulative);

        // R: the non-applicable sub-criterion is not "lost"; a tie at 90 % shares rank 2.
        var r = ParSimulator.Simulate(framework, units[R], [105.56m, 90m, 80.56m]);
        Assert.Equal(["2.1.1"], r.Lost.Select(l => l.Code));
        Assert.Equal(2, r.Current.Rank);
        Assert.Equal(new ParSimulatedOutcome(16m, 100m, "A", 2), r.Lost[0].Alone);
        // A unit at full marks has nothing to recover.
        Assert.Empty(ParSimulator.Simulate(framework, units[P], others).Lost);
    }

    /// <summary>Tables compare by their stored text (records with lists compare lists by reference).</summary>
    private sealed class TableComparer : IEqualityComparer<ParResultsTable>
    {
        public bool Equals(ParResultsTable? x, ParResultsTable? y) => ParResultsJson.Write(x!) == ParResultsJson.Write(y!);

        public int GetHashCode(ParResultsTable obj) => ParResultsJson.Write(obj).GetHashCode(StringComparison.Ordinal);
    }
}
