using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

/// <summary>A unit's remediation plan (issue 11 §6): one item per sub-criterion the final result lost points on, most lost
/// first, leaving out what does not apply and unearned bonuses but keeping penalties; regenerating keeps what was entered;
/// done needs evidence; overdue from the deadline; approval needs every weak item planned; the roll-up.</summary>
public sealed class ParRemediationPlanTests
{
    private static readonly DateTime Now = new(2027, 4, 20, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly string Sha = new('a', 64);

    private static ParFramework Issued()
    {
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.True(framework.Issue("12/QĐ-UBND", null, Now).IsSuccess);
        return framework;
    }

    private static void Save(ParUnitAssessment assessment, ParFramework framework, string code, ParScoreInput input, bool evidence = false) =>
        Assert.True(assessment.Save(framework, code, input, null, evidence ? [new ParEvidence(ParEvidenceKind.Url, "https://sonla.gov.vn/qd/1")] : null,
            null, Officer, Now).IsSuccess);

    /// <summary>Lost: 2.1.1 4 (unscored system figure), 1.1.2 1, 1.2.1 1, penalty 9.2.1 1, 2.1.2 0.5, 1.1.1 0.25; nothing
    /// on 1.1.3, the surveys, the bonus 9.1.1 (earned 0.5 of 2: not a loss), the penalty 9.2.2 not incurred, 1.2.2 (not
    /// applicable) and 1.2.3 (communes only).</summary>
    private static ParUnitAssessment Assessed(ParFramework framework, bool submit = true, string tier = "L2", Guid? unit = null)
    {
        var assessment = ParUnitAssessment.Create(Guid.NewGuid(), framework, unit ?? Guid.NewGuid(), Officer, Now).Value;
        Save(assessment, framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b", "c"]), evidence: true);
        Save(assessment, framework, "1.1.2", new ParScoreInput(Tier: tier));
        Save(assessment, framework, "1.1.3", new ParScoreInput(Done: true));
        Save(assessment, framework, "1.2.1", new ParScoreInput(Violations: 2));
        Save(assessment, framework, "1.2.2", new ParScoreInput(NotApplicable: true));
        Save(assessment, framework, "2.1.2", new ParScoreInput(Percent: 100m));
        Save(assessment, framework, "2.2.1", new ParScoreInput(Value: 100m));
        Save(assessment, framework, "2.2.2", new ParScoreInput(Value: 5m));
        Save(assessment, framework, "9.1.1", new ParScoreInput(Count: 1));
        Save(assessment, framework, "9.2.1", new ParScoreInput(Count: 2));
        Save(assessment, framework, "9.2.2", new ParScoreInput(Done: false));
        if (submit)
        {
            Assert.True(assessment.Submit(framework, Head, Now).IsSuccess);
        }

        return assessment;
    }

    private static ParRemediationItemEdit Planned(ParRemediationItemStatus status = ParRemediationItemStatus.NotStarted, bool evidence = false,
        DateOnly? deadline = null) =>
        new("Rà soát, ban hành kế hoạch đúng hạn", Owner, deadline ?? new DateOnly(2027, 6, 30), status,
            evidence ? [new ParEvidence(ParEvidenceKind.Document, Sha)] : [], "Phòng Nội vụ theo dõi");

    [Fact]
    public void Generate_MakesOneItemPerLostSubCriterion_MostLostFirst_WithPenaltiesButNotBonusesOrWhatDoesNotApply()
    {
        var framework = Issued();
        var plan = ParRemediationPlan.Generate(Guid.NewGuid(), framework, Assessed(framework), 0m, Officer, Now).Value;

        Assert.Equal(["2.1.1", "1.1.2", "1.2.1", "9.2.1", "2.1.2", "1.1.1"], plan.Items.Select(i => i.Code));
        Assert.Equal([4m, 1m, 1m, 1m, 0.5m, 0.25m], plan.Items.Select(i => i.Lost));
        var penalty = plan.Items.Single(i => i.Code == "9.2.1");
        Assert.Equal(("9", -2m, -1m), (penalty.Area, penalty.MaxPoints, penalty.Points));
        Assert.All(plan.Items, i => Assert.Equal((true, ParRemediationItemStatus.NotStarted, null), (i.Weak, i.Status, i.Actions)));
        Assert.Equal((ParRemediationStatus.Draft, 1, Now), (plan.Status, plan.Revision, plan.GeneratedAt));
        Assert.Equal(ParRemediationEventKind.Generated, Assert.Single(plan.Events).Kind);

        // The threshold: only what lost at least 1 point.
        var bigOnly = ParRemediationPlan.Generate(Guid.NewGuid(), framework, Assessed(framework), 1m, Officer, Now).Value;
        Assert.Equal(["2.1.1", "1.1.2", "1.2.1", "9.2.1"], bigOnly.Items.Select(i => i.Code));
    }

    [Fact]
    public void Generate_WaitsForThePublishedResults_AndTheSubmittedAssessment()
    {
        var framework = Issued();
        Assert.False(ParRemediationRules.MayGenerate(null, resultsPublished: true));
        var draft = Assessed(framework, submit: false);
        Assert.False(ParRemediationRules.MayGenerate(draft, resultsPublished: true));
        Assert.Equal("par.remediation_not_ready", ParRemediationPlan.Generate(Guid.NewGuid(), framework, draft, 0m, Officer, Now).Error.Code);
        Assert.False(ParRemediationRules.MayGenerate(Assessed(framework), resultsPublished: false));
        Assert.True(ParRemediationRules.MayGenerate(Assessed(framework), resultsPublished: true));
    }

    [Fact]
    public void Regenerate_KeepsWhatWasEntered_MergingByCode()
    {
        var framework = Issued();
        var assessment = Assessed(framework);
        var plan = ParRemediationPlan.Generate(Guid.NewGuid(), framework, assessment, 0m, Officer, Now).Value;
        var kept = plan.Items.Single(i => i.Code == "1.1.2");
        Assert.True(plan.SaveItem("1.1.2", Planned(ParRemediationItemStatus.InProgress), Officer, Now).IsSuccess);

        // Another unit's assessment is refused. A new result (1.1.2 now at full marks) generated again: 1.1.2 is no longer weak
        // but stays with its entries and id; the others keep their ids too.
        var better = Assessed(framework, tier: "L1", unit: assessment.UnitId);
        Assert.Equal("par.remediation_not_ready", plan.Regenerate(framework, Assessed(framework), 0m, Officer, Now).Error.Code);
        Assert.True(plan.Regenerate(framework, better, 0m, Officer, Now.AddDays(1)).IsSuccess);
        var item = plan.Items.Single(i => i.Code == "1.1.2");
        Assert.Equal((kept.Id, false, 0m, 2m, "Rà soát, ban hành kế hoạch đúng hạn", Owner, ParRemediationItemStatus.InProgress),
            (item.Id, item.Weak, item.Lost, item.Points, item.Actions, item.OwnerId, item.Status));
        Assert.Equal(["2.1.1", "1.2.1", "9.2.1", "2.1.2", "1.1.1", "1.1.2"], plan.Items.Select(i => i.Code));
        Assert.Equal([ParRemediationEventKind.Generated, ParRemediationEventKind.ItemSaved, ParRemediationEventKind.Regenerated], plan.Events.Select(e => e.Kind));
        Assert.Equal(3, plan.Revision);
    }

    [Fact]
    public void Done_NeedsEvidence_AndOverdueComesFromTheDeadline()
    {
        var framework = Issued();
        var plan = ParRemediationPlan.Generate(Guid.NewGuid(), framework, Assessed(framework), 0m, Officer, Now).Value;
        var noEvidence = plan.SaveItem("1.1.1", Planned(ParRemediationItemStatus.Done), Officer, Now);
        Assert.Equal("par.remediation_evidence_required", Assert.IsType<ParRemediationInvalid>(noEvidence.Error).Problems.Single().Message.Code);
        var bad = plan.SaveItem("1.1.1", Planned() with { Evidence = [new ParEvidence(ParEvidenceKind.Document, "nope")] }, Officer, Now);
        Assert.Equal(("evidence[0]", "par.evidence_invalid"), Assert.IsType<ParRemediationInvalid>(bad.Error).Problems.Select(p => (p.Path, p.Message.Code)).Single());
        Assert.Equal("par.remediation_item_unknown", Assert.IsType<ParRemediationInvalid>(plan.SaveItem("1.2.2", Planned(), Officer, Now).Error).Problems.Single().Message.Code);

        Assert.True(plan.SaveItem("1.1.1", Planned(ParRemediationItemStatus.Done, evidence: true), Officer, Now).IsSuccess);
        Assert.Equal(Now, plan.Items.Single(i => i.Code == "1.1.1").CompletedAt);
        Assert.True(plan.SaveItem("1.1.2", Planned(deadline: new DateOnly(2027, 5, 31)), Officer, Now).IsSuccess);

        var item = plan.Items.Single(i => i.Code == "1.1.2");
        Assert.False(item.Overdue(new DateOnly(2027, 5, 31)));
        Assert.True(item.Overdue(new DateOnly(2027, 6, 1)));
        Assert.False(plan.Items.Single(i => i.Code == "1.1.1").Overdue(new DateOnly(2028, 1, 1)));

        // The same values again change nothing (no revision, no audit entry).
        var revision = plan.Revision;
        Assert.True(plan.SaveItem("1.1.2", Planned(deadline: new DateOnly(2027, 5, 31)), Officer, Now.AddHours(1)).IsSuccess);
        Assert.Equal(revision, plan.Revision);
    }

    [Fact]
    public void Approval_NeedsEveryWeakItemPlanned_AndAChangeOfThePlanAsksForItAgain()
    {
        var framework = Issued();
        var plan = ParRemediationPlan.Generate(Guid.NewGuid(), framework, Assessed(framework), 1m, Officer, Now).Value;
        var incomplete = Assert.IsType<ParRemediationInvalid>(plan.Approve(Head, Now).Error);
        Assert.Equal(["items.2.1.1", "items.1.1.2", "items.1.2.1", "items.9.2.1"], incomplete.Problems.Select(p => p.Path));
        foreach (var code in plan.Items.Select(i => i.Code).ToList())
        {
            Assert.True(plan.SaveItem(code, Planned(), Officer, Now).IsSuccess);
        }

        Assert.True(plan.Approve(Head, Now).IsSuccess);
        Assert.Equal((ParRemediationStatus.Approved, Head), (plan.Status, plan.ApprovedBy));
        Assert.Equal("par.remediation_approved", plan.Approve(Head, Now).Error.Code);
        Assert.Equal("par.remediation_approved", plan.Regenerate(framework, Assessed(framework, unit: plan.UnitId), 1m, Officer, Now).Error.Code);

        // Progress keeps the approval; a new deadline needs a new one.
        Assert.True(plan.SaveItem("1.1.2", Planned(ParRemediationItemStatus.InProgress), Officer, Now).IsSuccess);
        Assert.Equal(ParRemediationStatus.Approved, plan.Status);
        Assert.True(plan.SaveItem("1.1.2", Planned(ParRemediationItemStatus.InProgress, deadline: new DateOnly(2027, 9, 30)), Officer, Now).IsSuccess);
        Assert.Equal((ParRemediationStatus.Draft, null), (plan.Status, plan.ApprovedBy));

        // Home Affairs' comments are kept; an empty one is refused.
        Assert.Equal("par.remediation_comment", Assert.IsType<ParRemediationInvalid>(plan.Comment(" ", null, Head, Now).Error).Problems.Single().Message.Code);
        Assert.True(plan.Comment("Đề nghị bổ sung kinh phí", "1.1.2", Head, Now).IsSuccess);
        var comment = plan.Events[^1];
        Assert.Equal((ParRemediationEventKind.Commented, "1.1.2", "Đề nghị bổ sung kinh phí"), (comment.Kind, comment.ItemCode, comment.Text));
    }

    [Fact]
    public void Rollup_CountsItems_DoneInProgressOverdue_AndPointsTargeted()
    {
        var framework = Issued();
        var plan = ParRemediationPlan.Generate(Guid.NewGuid(), framework, Assessed(framework), 0m, Officer, Now).Value;
        Assert.True(plan.SaveItem("2.1.1", Planned(ParRemediationItemStatus.Done, evidence: true, deadline: new DateOnly(2027, 5, 1)), Officer, Now).IsSuccess);
        Assert.True(plan.SaveItem("1.1.2", Planned(ParRemediationItemStatus.InProgress, deadline: new DateOnly(2027, 5, 1)), Officer, Now).IsSuccess);
        Assert.True(plan.SaveItem("1.2.1", Planned(deadline: new DateOnly(2027, 7, 1)), Officer, Now).IsSuccess);

        var rollup = plan.Rollup(new DateOnly(2027, 6, 1));
        Assert.Equal(new ParRemediationRollup(6, 1, 1, 4, 1, 16.67m, 7.75m), rollup);
        var province = ParRemediationRollup.Sum([rollup, new ParRemediationRollup(2, 2, 0, 0, 0, 100m, 3m), ParRemediationRollup.Of([], new DateOnly(2027, 6, 1))]);
        Assert.Equal(new ParRemediationRollup(8, 3, 1, 4, 1, 37.5m, 10.75m), province);
        Assert.Null(ParRemediationRollup.Of([], new DateOnly(2027, 6, 1)).PercentDone);
    }
}
