using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

/// <summary>A unit's commitment (issue 11 §5): the default proposal by area group, targets 0–100 %, signing locks it, only a
/// reopening with a reason (audited) unlocks it, and met / not met per area with non-applicable sub-criteria leaving the
/// denominator.</summary>
public sealed class ParCommitmentTests
{
    private static readonly DateTime Now = new(2026, 1, 20, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly Guid HomeAffairs = Guid.NewGuid();

    private static ParFramework Issued()
    {
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.True(framework.Issue("12/QĐ-UBND", null, Now).IsSuccess);
        return framework;
    }

    private static ParCommitment Draft(ParFramework framework) => ParCommitment.Create(Guid.NewGuid(), framework, Guid.NewGuid(), Officer, Now).Value;

    private static ParSubCriterion Sub(string code, decimal max, ParDataSource source = ParDataSource.Self, string? appraiser = "SNV",
        ParAppliesTo appliesTo = ParAppliesTo.Both) =>
        new(code, "Tiêu chí " + code, max, ParMethod.Of(source == ParDataSource.Survey ? ParMethodKind.Survey : ParMethodKind.Binary), appliesTo, source, appraiser, false);

    private static ParArea Area(params ParSubCriterion[] subs) => new("1", "Lĩnh vực", null, false, null, [new ParCriterion("1.1", "Tiêu chí", null, subs)]);

    [Fact]
    public void OnlyAnIssuedFramework_IsCommittedTo_AndANewCommitmentCarriesTheDefaultProposal()
    {
        var draft = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.Equal("par.framework_not_issued", ParCommitment.Create(Guid.NewGuid(), draft, Guid.NewGuid(), Officer, Now).Error.Code);

        var commitment = Draft(Issued());
        Assert.Equal((ParCommitmentStatus.Draft, 1), (commitment.Status, commitment.Revision));
        // Both scored areas mix appraised and unnamed sub-criteria: 90 % each; the bonus/penalty area has no target.
        Assert.Equal([new ParCommitmentTarget("1", 90m), new ParCommitmentTarget("2", 90m)], commitment.Targets);
        var opened = Assert.Single(commitment.Events);
        Assert.Equal((ParCommitmentEventKind.Opened, Officer, Now), (opened.Kind, opened.UserId, opened.At));
    }

    [Fact]
    public void GroupOf_FollowsCaoLanhsThreeGroups()
    {
        // Every sub-criterion appraised by a named department, none from a survey: 100 %.
        Assert.Equal(ParAreaGroup.Appraised, ParCommitment.GroupOf(Area(Sub("1.1.1", 2), Sub("1.1.2", 1, ParDataSource.System, "VPUB")), ParLevel.Department));
        // Survey points at least half of the area's: 95 %.
        Assert.Equal(ParAreaGroup.Survey, ParCommitment.GroupOf(Area(Sub("1.1.1", 2, ParDataSource.Survey), Sub("1.1.2", 2)), ParLevel.Department));
        // Some survey points but less than half, or a sub-criterion nobody appraises: 90 %.
        Assert.Equal(ParAreaGroup.Other, ParCommitment.GroupOf(Area(Sub("1.1.1", 1, ParDataSource.Survey), Sub("1.1.2", 2)), ParLevel.Department));
        Assert.Equal(ParAreaGroup.Other, ParCommitment.GroupOf(Area(Sub("1.1.1", 2), Sub("1.1.2", 2, appraiser: null)), ParLevel.Department));
        // Only what applies to the level counts: a commune-only survey does not make a department's area a survey area.
        Assert.Equal(ParAreaGroup.Appraised, ParCommitment.GroupOf(Area(Sub("1.1.1", 2), Sub("1.1.2", 5, ParDataSource.Survey, appliesTo: ParAppliesTo.Commune)),
            ParLevel.Department));
        Assert.Equal((100m, 95m, 90m), (ParCommitment.DefaultPercent(ParAreaGroup.Appraised), ParCommitment.DefaultPercent(ParAreaGroup.Survey),
            ParCommitment.DefaultPercent(ParAreaGroup.Other)));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    [InlineData(95.555)]
    public void Targets_AreBetween0And100_WithAtMostTwoDecimals(double percent)
    {
        var commitment = Draft(Issued());
        var saved = commitment.SetTargets(Issued(), [new("1", (decimal)percent), new("2", 90m)], Officer, Now);
        var problem = Assert.Single(((ParCommitmentInvalid)saved.Error).Problems);
        Assert.Equal(("targets.1", "par.commitment_target_range"), (problem.Path, problem.Message.Code));
        Assert.Equal(90m, commitment.Targets[0].Percent);
        Assert.Single(commitment.Events);
    }

    [Fact]
    public void Targets_NameEveryCommittedAreaOnce_AndNothingElse()
    {
        var framework = Issued();
        var commitment = Draft(framework);
        var saved = commitment.SetTargets(framework, [new("2", 80m), new("2", 85m), new("9", 100m)], Officer, Now);
        Assert.Equal(
            [("targets[1].area", "par.commitment_area_duplicate"), ("targets[2].area", "par.commitment_area_unknown"), ("targets.1", "par.commitment_area_missing")],
            ((ParCommitmentInvalid)saved.Error).Problems.Select(p => (p.Path, p.Message.Code)));

        // In any order, kept in the framework's; 0 and 100 are allowed; the same targets again change nothing.
        Assert.True(commitment.SetTargets(framework, [new("2", 0m), new("1", 100m)], Officer, Now.AddHours(1)).IsSuccess);
        Assert.Equal([new ParCommitmentTarget("1", 100m), new ParCommitmentTarget("2", 0m)], commitment.Targets);
        Assert.Equal((2, 2), (commitment.Revision, commitment.Events.Count));
        Assert.True(commitment.SetTargets(framework, [new("1", 100.00m), new("2", 0m)], Officer, Now.AddHours(2)).IsSuccess);
        Assert.Equal((2, 2), (commitment.Revision, commitment.Events.Count));
        Assert.Equal(ParCommitmentEventKind.TargetsSaved, commitment.Events[1].Kind);
        Assert.Contains("\"percent\":100", commitment.Events[1].Targets, StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_Locks_AndOnlyAReopeningWithAReason_Unlocks_Audited()
    {
        var framework = Issued();
        var commitment = Draft(framework);
        Assert.Equal("par.commitment_not_signed", commitment.Reopen("Sai", HomeAffairs, Now).Error.Code);
        Assert.True(commitment.Sign(Head, Now.AddDays(1)).IsSuccess);
        Assert.Equal((ParCommitmentStatus.Signed, Head, Now.AddDays(1)), (commitment.Status, commitment.SignedBy, commitment.SignedAt));
        Assert.Equal("par.commitment_signed", commitment.SetTargets(framework, [new("1", 80m), new("2", 80m)], Officer, Now).Error.Code);
        Assert.Equal("par.commitment_signed", commitment.Sign(Head, Now).Error.Code);

        Assert.Equal("par.commitment_reason", ((ParCommitmentInvalid)commitment.Reopen("  ", HomeAffairs, Now).Error).Problems[0].Message.Code);
        Assert.Equal("par.commitment_reason", ((ParCommitmentInvalid)commitment.Reopen(new string('x', 1001), HomeAffairs, Now).Error).Problems[0].Message.Code);
        Assert.Equal(ParCommitmentStatus.Signed, commitment.Status);

        Assert.True(commitment.Reopen(" Ghi nhầm chỉ tiêu lĩnh vực 2 ", HomeAffairs, Now.AddDays(2)).IsSuccess);
        Assert.Equal((ParCommitmentStatus.Draft, (Guid?)null, (DateTime?)null), (commitment.Status, commitment.SignedBy, commitment.SignedAt));
        var reopened = commitment.Events[^1];
        Assert.Equal((ParCommitmentEventKind.Reopened, HomeAffairs, Now.AddDays(2), "Ghi nhầm chỉ tiêu lĩnh vực 2"),
            (reopened.Kind, reopened.UserId, reopened.At, reopened.Reason));
        Assert.True(commitment.SetTargets(framework, [new("1", 90m), new("2", 95m)], Officer, Now.AddDays(3)).IsSuccess);
        Assert.True(commitment.Sign(Head, Now.AddDays(4)).IsSuccess);
        Assert.Equal([ParCommitmentEventKind.Opened, ParCommitmentEventKind.Signed, ParCommitmentEventKind.Reopened, ParCommitmentEventKind.TargetsSaved,
            ParCommitmentEventKind.Signed], commitment.Events.Select(e => e.Kind));
        Assert.Equal(5, commitment.Revision);
    }

    [Fact]
    public void Progress_MetAndNotMet_PerArea_WithNotApplicableLeavingTheDenominator()
    {
        var framework = Issued();
        IReadOnlyList<ParCommitmentTarget> targets = [new("1", 90m), new("2", 75m)];
        // Area 1 (department: 8 applicable points; 1.2.3 is the communes'): 1.1.1 all rows, 1.1.2 L2 (1), 1.1.3 done,
        // 1.2.1 no violation (2), 1.2.2 marked not applicable → 5 / 6 = 83.33 % < 90 %: 0.4 points short.
        // Area 2 (10): 2.1.1 80 % of an 80 % target (4), 2.1.2 100 % capped at 1.5, 2.2.1 not applicable, 2.2.2 scale 5 (2)
        // → 7.5 / 8 = 93.75 % ≥ 75 %.
        var inputs = new Dictionary<string, ParScoreInput>(StringComparer.Ordinal)
        {
            ["1.1.1"] = new(CheckedRows: ["a", "b", "c", "d"]),
            ["1.1.2"] = new(Tier: "L2"),
            ["1.1.3"] = new(Done: true),
            ["1.2.1"] = new(Violations: 0),
            ["1.2.2"] = new(NotApplicable: true),
            ["2.1.1"] = new(Percent: 80m),
            ["2.1.2"] = new(Percent: 100m),
            ["2.2.1"] = new(NotApplicable: true),
            ["2.2.2"] = new(Value: 5m),
        };
        var (result, problems) = ParScorer.Score(framework.Tree, framework.Level, inputs);
        Assert.Empty(problems);

        var progress = ParCommitmentProgress.Evaluate(targets, result);
        Assert.Equal(new ParAreaProgress("1", 90m, 6m, 5m, 83.33m, 5.4m, false, 0.4m), progress[0]);
        Assert.Equal(new ParAreaProgress("2", 75m, 8m, 7.5m, 93.75m, 6m, true, 0m), progress[1]);

        // Without 1.2.2 marked not applicable it stays in the denominator (0 of 2): 5 / 8 = 62.5 %, 2.2 points short.
        inputs.Remove("1.2.2");
        var withIt = ParCommitmentProgress.Evaluate(targets, ParScorer.Score(framework.Tree, framework.Level, inputs).Result);
        Assert.Equal((8m, 62.5m, 7.2m, false, 2.2m), (withIt[0].ApplicableMax, withIt[0].Percent, withIt[0].Required, withIt[0].Met, withIt[0].Gap));

        // Exactly at the target is met; nothing known yet is neither met nor not met.
        var exact = ParCommitmentProgress.Evaluate([new("1", 62.5m)], ParScorer.Score(framework.Tree, framework.Level, inputs).Result);
        Assert.Equal((true, 0m), (exact[0].Met, exact[0].Gap));
        Assert.All(ParCommitmentProgress.Evaluate(targets, null), p => Assert.Null(p.Met));
    }
}
