using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

/// <summary>The appraisal of a submitted self-assessment (domain.md §11.4 steps 4–5): Submitted → InAppraisal →
/// Clarification → ClarificationAnswered → Finalised (and the audited reopen), the audit trail's stages, and
/// <see cref="ParUnitAssessment.FinalInputs"/>: council final &gt; appraised &gt; self-score.</summary>
public sealed class ParAppraisalTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly Guid Appraiser = Guid.NewGuid();
    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly ParEvidence Plan = new(ParEvidenceKind.Document, new string('a', 64));
    private static readonly string[] AllRows = ["a", "b", "c", "d"];
    private static readonly string[] TwoRows = ["a", "b"];

    private static ParFramework Issued()
    {
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.True(framework.Issue("12/QĐ-UBND", null, Now).IsSuccess);
        return framework;
    }

    /// <summary>A submitted assessment: 1.1.1 all four rows (1 point), 1.1.2 level L1 (2 points).</summary>
    private static (ParFramework Framework, ParUnitAssessment Assessment) Submitted()
    {
        var framework = Issued();
        var assessment = ParUnitAssessment.Create(Guid.NewGuid(), framework, Guid.NewGuid(), Officer, Now).Value;
        Assert.True(assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: AllRows), null, [Plan], null, Officer, Now).IsSuccess);
        Assert.True(assessment.Save(framework, "1.1.2", new ParScoreInput(Tier: "L1"), null, [], null, Officer, Now).IsSuccess);
        Assert.True(assessment.Submit(framework, Head, Now).IsSuccess);
        return (framework, assessment);
    }

    private static decimal Points(ParUnitAssessment a, ParFramework f, string code) =>
        a.ScoreFinal(f).Result!.SubCriteria.Single(s => s.Code == code).Points;

    [Fact]
    public void FullCycle_WalksEveryState_AndAuditsEachStage()
    {
        var (framework, a) = Submitted();

        Assert.True(a.Appraise(framework, "1.1.1", new ParScoreInput(CheckedRows: TwoRows), "Thiếu kinh phí và sản phẩm", Appraiser, Now).IsSuccess);
        Assert.Equal(ParAssessmentStatus.InAppraisal, a.Status);
        Assert.False(a.AppraisalVisibleToUnit);
        Assert.True(a.SendForClarification(Chair, Now).IsSuccess);
        Assert.Equal((ParAssessmentStatus.Clarification, true), (a.Status, a.AppraisalVisibleToUnit));
        Assert.True(a.Answer(framework, "1.1.1", "Đã có quyết định bố trí kinh phí", [Plan], new ParScoreInput(CheckedRows: ["a", "b", "d"]), Officer, Now).IsSuccess);
        Assert.True(a.SubmitAnswer(Head, Now).IsSuccess);
        Assert.Equal(ParAssessmentStatus.ClarificationAnswered, a.Status);
        Assert.True(a.Decide(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b", "d"]), "Chấp nhận giải trình về kinh phí", Chair, Now).IsSuccess);
        Assert.True(a.Finalise(framework, Chair, Now).IsSuccess);
        Assert.Equal((ParAssessmentStatus.Finalised, Chair), (a.Status, a.FinalisedBy));

        Assert.Equal([ParChangeStage.Self, ParChangeStage.Self, ParChangeStage.Appraisal, ParChangeStage.Clarification, ParChangeStage.Council],
            a.Changes.Select(c => c.Stage));
        var appraisal = a.Changes[2];
        Assert.Equal((1m, 0.5m, "Thiếu kinh phí và sản phẩm", Appraiser), (appraisal.OldPoints, appraisal.NewPoints, appraisal.Reason, appraisal.UserId));
        Assert.Equal((0.5m, 0.75m), (a.Changes[3].OldPoints, a.Changes[3].NewPoints));
        Assert.Equal(0.75m, Points(a, framework, "1.1.1"));
        var entry = a.Items.Single(i => i.SubCriterion == "1.1.1");
        Assert.Equal(("Đã có quyết định bố trí kinh phí", Plan), (entry.Answer!.Text, entry.Answer.Evidence.Single()));
        // The self-score itself stays as the unit entered it.
        Assert.Equal(AllRows, entry.Input.CheckedRows!);
    }

    [Fact]
    public void FinalInputs_CouncilBeatsAppraisedBeatsSelf()
    {
        var (framework, a) = Submitted();
        Assert.Equal(AllRows, a.FinalInputs["1.1.1"].CheckedRows!);
        Assert.True(a.Appraise(framework, "1.1.1", new ParScoreInput(CheckedRows: TwoRows), "Thiếu", Appraiser, Now).IsSuccess);
        Assert.True(a.Appraise(framework, "1.1.3", new ParScoreInput(Done: true), "Có sáng kiến được công nhận", Appraiser, Now).IsSuccess);
        Assert.Equal(TwoRows, a.FinalInputs["1.1.1"].CheckedRows!);
        Assert.Equal("L1", a.FinalInputs["1.1.2"].Tier);
        Assert.True(a.FinalInputs["1.1.3"].Done);
        Assert.True(a.SendForClarification(Chair, Now).IsSuccess);
        Assert.True(a.SubmitAnswer(Head, Now).IsSuccess);
        Assert.True(a.Decide(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a"]), "Chỉ đúng hạn", Chair, Now).IsSuccess);
        Assert.Equal(["a"], a.FinalInputs["1.1.1"].CheckedRows!);
        Assert.Equal((0.25m, 2m, 1m), (Points(a, framework, "1.1.1"), Points(a, framework, "1.1.2"), Points(a, framework, "1.1.3")));
        // Score (the self-assessment) is untouched by the appraisal.
        Assert.Equal(3m, a.Score(framework).Result!.ScoredTotal);
    }

    [Fact]
    public void WrongState_IsRefusedAtEveryStep()
    {
        var framework = Issued();
        var draft = ParUnitAssessment.Create(Guid.NewGuid(), framework, Guid.NewGuid(), Officer, Now).Value;
        Assert.Equal("par.assessment_state", draft.Appraise(framework, "1.1.3", new ParScoreInput(Done: true), "x", Appraiser, Now).Error.Code);
        Assert.Equal("par.assessment_state", draft.SendForClarification(Chair, Now).Error.Code);

        var (_, a) = Submitted();
        Assert.Equal("par.assessment_state", a.Answer(framework, "1.1.1", "x", [], null, Officer, Now).Error.Code);
        Assert.Equal("par.assessment_state", a.SubmitAnswer(Head, Now).Error.Code);
        Assert.Equal("par.assessment_state", a.Decide(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a"]), "x", Chair, Now).Error.Code);
        Assert.Equal("par.assessment_state", a.Finalise(framework, Chair, Now).Error.Code);
        Assert.Equal("par.assessment_state", a.Reopen("x", Chair, Now).Error.Code);

        Assert.True(a.SendForClarification(Chair, Now).IsSuccess);
        Assert.Equal("par.assessment_state", a.Appraise(framework, "1.1.3", new ParScoreInput(Done: true), "x", Appraiser, Now).Error.Code);
        Assert.Equal("par.assessment_state", a.SendForClarification(Chair, Now).Error.Code);
        Assert.True(a.SubmitAnswer(Head, Now).IsSuccess);
        Assert.Equal("par.assessment_state", a.Answer(framework, "1.1.1", "x", [], null, Officer, Now).Error.Code);
        Assert.True(a.Finalise(framework, Chair, Now).IsSuccess);
        Assert.Equal("par.assessment_state", a.Decide(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a"]), "x", Chair, Now).Error.Code);
        Assert.Equal("par.assessment_submitted", a.Save(framework, "1.1.3", new ParScoreInput(Done: true), null, [], null, Officer, Now).Error.Code);
    }

    [Fact]
    public void Reopen_NeedsAReason_IsAudited_AndLetsTheCouncilFixAMistake()
    {
        var (framework, a) = Submitted();
        Assert.True(a.SendForClarification(Chair, Now).IsSuccess);
        Assert.True(a.SubmitAnswer(Head, Now).IsSuccess);
        Assert.True(a.Finalise(framework, Chair, Now).IsSuccess);
        var refused = (ParAssessmentInvalid)a.Reopen("  ", Chair, Now).Error;
        Assert.Equal(("reason", "par.reason_required"), (refused.Problems[0].Path, refused.Problems[0].Message.Code));

        Assert.True(a.Reopen("Nhầm mức điểm 1.1.2", Chair, Now.AddHours(1)).IsSuccess);
        Assert.Equal((ParAssessmentStatus.ClarificationAnswered, (DateTime?)null), (a.Status, a.FinalisedAt));
        var reopen = a.Changes[^1];
        Assert.Equal((ParChangeStage.Reopen, "Nhầm mức điểm 1.1.2", ""), (reopen.Stage, reopen.Reason, reopen.SubCriterion));
        Assert.True(a.Decide(framework, "1.1.2", new ParScoreInput(Tier: "L2"), "Chỉ đạt 85 %", Chair, Now).IsSuccess);
        Assert.True(a.Finalise(framework, Chair, Now).IsSuccess);
        Assert.Equal(1m, Points(a, framework, "1.1.2"));
    }

    [Fact]
    public void Appraise_NeedsAReasonWhenThePointsDiffer_AndInputsThatFit()
    {
        var (framework, a) = Submitted();
        var noReason = (ParAssessmentInvalid)a.Appraise(framework, "1.1.1", new ParScoreInput(CheckedRows: TwoRows), null, Appraiser, Now).Error;
        Assert.Equal("par.reason_differs", noReason.Problems.Single().Message.Code);
        Assert.True(a.Appraise(framework, "1.1.2", new ParScoreInput(Tier: "L1"), null, Appraiser, Now).IsSuccess);
        var bad = (ParAssessmentInvalid)a.Appraise(framework, "1.1.2", new ParScoreInput(Tier: "L9"), "x", Appraiser, Now).Error;
        Assert.Equal("par.tier_unknown", bad.Problems[0].Message.Code);
        var unknown = (ParAssessmentInvalid)a.Appraise(framework, "7.7.7", new ParScoreInput(Done: true), "x", Appraiser, Now).Error;
        Assert.Equal("par.subcriterion_unknown", unknown.Problems[0].Message.Code);
        Assert.Equal(ParAssessmentStatus.InAppraisal, a.Status);
    }

    [Fact]
    public void Answer_OnlyOnAnAppraisedSubCriterion_WithText_AndAProposalThatFits()
    {
        var (framework, a) = Submitted();
        Assert.True(a.Appraise(framework, "1.1.1", new ParScoreInput(CheckedRows: TwoRows), "Thiếu", Appraiser, Now).IsSuccess);
        Assert.True(a.SendForClarification(Chair, Now).IsSuccess);
        Assert.Equal("par.not_appraised", ((ParAssessmentInvalid)a.Answer(framework, "1.1.2", "x", [], null, Officer, Now).Error).Problems[0].Message.Code);
        Assert.Equal("par.answer_required", ((ParAssessmentInvalid)a.Answer(framework, "1.1.1", " ", [], null, Officer, Now).Error).Problems[0].Message.Code);
        Assert.Equal("par.row_unknown", ((ParAssessmentInvalid)a.Answer(framework, "1.1.1", "x", [], new ParScoreInput(CheckedRows: ["zz"]), Officer, Now).Error)
            .Problems[0].Message.Code);
        Assert.Equal("par.evidence_invalid", ((ParAssessmentInvalid)a.Answer(framework, "1.1.1", "x", [new(ParEvidenceKind.Url, "ftp://x")], null, Officer, Now).Error)
            .Problems[0].Message.Code);
        // An answer without a proposal explains only: nothing in the audit trail.
        var before = a.Changes.Count;
        Assert.True(a.Answer(framework, "1.1.1", "Giải thích thêm", [], null, Officer, Now).IsSuccess);
        Assert.Equal(before, a.Changes.Count);
        Assert.Null(a.Items.Single(i => i.SubCriterion == "1.1.1").Answer!.Proposed);
    }

    [Fact]
    public void Decide_NeedsAReason()
    {
        var (framework, a) = Submitted();
        Assert.True(a.SendForClarification(Chair, Now).IsSuccess);
        Assert.True(a.SubmitAnswer(Head, Now).IsSuccess);
        var refused = (ParAssessmentInvalid)a.Decide(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a"]), null, Chair, Now).Error;
        Assert.Equal("par.reason_required", refused.Problems.Single().Message.Code);
    }

    [Fact]
    public void MergeSurvey_SetsTheAppraisedValueWithItsSource_NotOverAnAppraisersScore()
    {
        var (framework, a) = Submitted();
        Assert.True(a.MergeSurvey(framework, "2.2.2", 4m, "Điều tra XHH 2026 của Sở Nội vụ", Chair, Now).Value);
        var entry = a.Items.Single(i => i.SubCriterion == "2.2.2");
        Assert.Equal((4m, "Điều tra XHH 2026 của Sở Nội vụ"), (entry.Appraised!.Input.Value, entry.Appraised.Source));
        Assert.Equal(1.5m, Points(a, framework, "2.2.2"));
        Assert.False(a.MergeSurvey(framework, "2.2.2", 4m, "Điều tra XHH 2026 của Sở Nội vụ", Chair, Now).Value);
        Assert.Equal("par.survey_range", ((ParAssessmentInvalid)a.MergeSurvey(framework, "2.2.2", 9m, "x", Chair, Now).Error).Problems[0].Message.Code);

        Assert.True(a.Appraise(framework, "2.2.1", new ParScoreInput(Value: 80m), "Phiếu của đơn vị", Appraiser, Now).IsSuccess);
        Assert.False(a.MergeSurvey(framework, "2.2.1", 90m, "SIPAS", Chair, Now).Value);
        Assert.Equal(80m, a.FinalInputs["2.2.1"].Value);
    }

    [Fact]
    public void Assignment_NeedsMembers_AndACouncilItsChair()
    {
        var framework = Issued();
        var council = ParAppraisalAssignment.Create(Guid.NewGuid(), framework, "1", ParAppraisalKind.Council, [Appraiser, Chair], Chair, Chair, Now);
        Assert.True(council.IsSuccess);
        Assert.True(council.Value.IsMember(Appraiser));
        Assert.Equal("par.chair_required", ((ParAssessmentInvalid)ParAppraisalAssignment.Create(Guid.NewGuid(), framework, "1", ParAppraisalKind.Council,
            [Appraiser], Chair, Chair, Now).Error).Problems[0].Message.Code);
        Assert.Equal("par.members_required", ((ParAssessmentInvalid)ParAppraisalAssignment.Create(Guid.NewGuid(), framework, "1", ParAppraisalKind.Appraisers,
            [], null, Chair, Now).Error).Problems[0].Message.Code);
        Assert.Equal("par.member_duplicate", ((ParAssessmentInvalid)ParAppraisalAssignment.Create(Guid.NewGuid(), framework, "1", ParAppraisalKind.Appraisers,
            [Appraiser, Appraiser], null, Chair, Now).Error).Problems[0].Message.Code);
        Assert.Equal("par.area_unknown", ((ParAssessmentInvalid)ParAppraisalAssignment.Create(Guid.NewGuid(), framework, "5", ParAppraisalKind.Appraisers,
            [Appraiser], null, Chair, Now).Error).Problems[0].Message.Code);
        var draft = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.Equal("par.framework_not_issued", ParAppraisalAssignment.Create(Guid.NewGuid(), draft, "1", ParAppraisalKind.Appraisers, [Appraiser], null, Chair, Now)
            .Error.Code);
    }

    [Fact]
    public void SurveyFigure_OnlyForSurveySubCriteria_OnTheirScale_WithASource()
    {
        var framework = Issued();
        Assert.True(ParSurveyFigure.Create(Guid.NewGuid(), framework, Guid.NewGuid(), "2.2.2", 3.5m, "Điều tra", Chair, Now).IsSuccess);
        Assert.Equal("par.survey_only", ((ParAssessmentInvalid)ParSurveyFigure.Create(Guid.NewGuid(), framework, Guid.NewGuid(), "1.1.3", 1m, "x", Chair, Now).Error)
            .Problems[0].Message.Code);
        Assert.Equal("par.survey_range", ((ParAssessmentInvalid)ParSurveyFigure.Create(Guid.NewGuid(), framework, Guid.NewGuid(), "2.2.2", 7m, "x", Chair, Now).Error)
            .Problems[0].Message.Code);
        Assert.Equal("par.source_required", ((ParAssessmentInvalid)ParSurveyFigure.Create(Guid.NewGuid(), framework, Guid.NewGuid(), "2.2.2", 3m, " ", Chair, Now).Error)
            .Problems[0].Message.Code);
    }
}
