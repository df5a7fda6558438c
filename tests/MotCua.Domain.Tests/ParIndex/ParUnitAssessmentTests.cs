using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

/// <summary>A unit's self-assessment (domain.md §11.4 step 3): Draft → Submitted (locked), the evidence guard, the audit
/// trail of score changes, the totals through the scorer.</summary>
public sealed class ParUnitAssessmentTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly ParEvidence Plan = new(ParEvidenceKind.Document, new string('a', 64));

    private static ParFramework Issued()
    {
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.True(framework.Issue("12/QĐ-UBND", null, Now).IsSuccess);
        return framework;
    }

    private static ParUnitAssessment Draft(ParFramework framework) =>
        ParUnitAssessment.Create(Guid.NewGuid(), framework, Guid.NewGuid(), Officer, Now).Value;

    [Fact]
    public void OnlyAnIssuedFramework_IsAssessed()
    {
        var draft = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.Equal("par.framework_not_issued", ParUnitAssessment.Create(Guid.NewGuid(), draft, Guid.NewGuid(), Officer, Now).Error.Code);
        var assessment = Draft(Issued());
        Assert.Equal((ParAssessmentStatus.Draft, 1), (assessment.Status, assessment.Revision));
    }

    [Fact]
    public void Save_ScoresThroughTheScorer_AndTotals()
    {
        var framework = Issued();
        var assessment = Draft(framework);
        Assert.True(assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b", "c"]), "Chưa bố trí kinh phí", [Plan], null, Officer, Now).IsSuccess);
        Assert.True(assessment.Save(framework, "1.1.2", new ParScoreInput(Tier: "L2"), null, [], null, Officer, Now).IsSuccess);
        Assert.True(assessment.Save(framework, "2.1.2", new ParScoreInput(NotApplicable: true), "Không có thủ tục", [], null, Officer, Now).IsSuccess);
        Assert.True(assessment.Save(framework, "9.1.1", new ParScoreInput(Count: 2), null, [], null, Officer, Now).IsSuccess);

        var (result, problems) = assessment.Score(framework);
        Assert.Empty(problems);
        Assert.Equal((1.75m, 1m, 16m), (result!.ScoredTotal, result.BonusPenalty, result.ApplicableMax));
        Assert.Equal(["1.1.1", "1.1.2", "2.1.2", "9.1.1"], assessment.Items.Select(i => i.SubCriterion));
        Assert.Equal(5, assessment.Revision);
    }

    [Theory]
    [InlineData("1.1.1", "par.row_unknown")]
    [InlineData("1.1.2", "par.tier_unknown")]
    [InlineData("4.4.4", "par.subcriterion_unknown")]
    public void Save_RefusesInputsThatDoNotFit(string code, string expected)
    {
        var framework = Issued();
        var assessment = Draft(framework);
        var saved = assessment.Save(framework, code, new ParScoreInput(CheckedRows: code == "1.1.1" ? ["z"] : null, Tier: code == "1.1.2" ? "L9" : null,
            Score: code == "4.4.4" ? 1 : null), null, [], null, Officer, Now);
        Assert.Contains(((ParAssessmentInvalid)saved.Error).Problems, p => p.Message.Code == expected);
        Assert.Empty(assessment.Items);
        Assert.Empty(assessment.Changes);
    }

    [Theory]
    [InlineData(ParEvidenceKind.Document, "ABCDEF")]
    [InlineData(ParEvidenceKind.Dossier, "HS-1")]
    [InlineData(ParEvidenceKind.Url, "ftp://example.org/qd.pdf")]
    [InlineData(ParEvidenceKind.Url, " ")]
    public void Save_RefusesEvidenceThatIsNotAReference(ParEvidenceKind kind, string reference)
    {
        var framework = Issued();
        var saved = Draft(framework).Save(framework, "1.1.3", new ParScoreInput(Done: true), null, [new ParEvidence(kind, reference)], null, Officer, Now);
        Assert.Equal(("evidence[0]", "par.evidence_invalid"), (((ParAssessmentInvalid)saved.Error).Problems[0].Path, ((ParAssessmentInvalid)saved.Error).Problems[0].Message.Code));
    }

    [Fact]
    public void EveryScoreChange_IsInTheAuditTrail_WithWhoWhenOldNewAndReason()
    {
        var framework = Issued();
        var assessment = Draft(framework);
        var other = Guid.NewGuid();
        assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a"]), null, [Plan], null, Officer, Now);
        // The explanation or evidence alone is not a score change.
        assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a"]), "Giải trình thêm", [Plan, new(ParEvidenceKind.Url, "https://sonla.gov.vn/qd-12")], null, Officer, Now);
        assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b"]), "Giải trình thêm", [Plan], "Bổ sung nhiệm vụ", other, Now.AddHours(1));

        Assert.Equal(2, assessment.Changes.Count);
        var first = assessment.Changes[0];
        Assert.Equal((null, null, 0.25m, Officer), (first.OldValue, first.OldPoints, first.NewPoints, first.UserId));
        var second = assessment.Changes[1];
        Assert.Equal((first.NewValue, 0.25m, 0.5m), (second.OldValue, second.OldPoints, second.NewPoints));
        Assert.Equal((other, Now.AddHours(1), "Bổ sung nhiệm vụ", "1.1.1", assessment.Id), (second.UserId, second.At, second.Reason, second.SubCriterion, second.AssessmentId));
        Assert.Contains("\"checkedRows\":[\"a\",\"b\"]", second.NewValue, StringComparison.Ordinal);
        Assert.Equal("Giải trình thêm", assessment.Items.Single().Explanation);
    }

    [Fact]
    public void Submit_NeedsEvidence_ForEachScoreAboveZeroThatRequiresIt()
    {
        var framework = Issued();
        var assessment = Draft(framework);
        assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a"]), null, [], null, Officer, Now);
        // 1.1.3 does not require evidence; 1.1.1 at 0 points would not need it either.
        assessment.Save(framework, "1.1.3", new ParScoreInput(Done: true), null, [], null, Officer, Now);

        var refused = assessment.Submit(framework, Head, Now);
        var problem = Assert.Single(((ParAssessmentInvalid)refused.Error).Problems);
        Assert.Equal(("items.1.1.1", "par.evidence_required"), (problem.Path, problem.Message.Code));
        Assert.Equal(ParAssessmentStatus.Draft, assessment.Status);

        assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: []), null, [], "Không đạt", Officer, Now);
        Assert.Empty(assessment.MissingEvidence(framework));
        assessment.Save(framework, "1.1.1", new ParScoreInput(CheckedRows: ["a", "b"]), null, [Plan], null, Officer, Now);
        Assert.True(assessment.Submit(framework, Head, Now.AddDays(1)).IsSuccess);
        Assert.Equal((ParAssessmentStatus.Submitted, Head, Now.AddDays(1)), (assessment.Status, assessment.SubmittedBy, assessment.SubmittedAt));
    }

    [Fact]
    public void ASubmittedAssessment_IsLocked()
    {
        var framework = Issued();
        var assessment = Draft(framework);
        assessment.Save(framework, "1.1.3", new ParScoreInput(Done: true), null, [], null, Officer, Now);
        Assert.True(assessment.Submit(framework, Head, Now).IsSuccess);
        var revision = assessment.Revision;

        Assert.Equal("par.assessment_submitted", assessment.Save(framework, "1.1.3", new ParScoreInput(Done: false), null, [], null, Officer, Now).Error.Code);
        Assert.Equal("par.assessment_submitted", assessment.Submit(framework, Head, Now).Error.Code);
        Assert.Equal((true, 1, revision), (assessment.Items.Single().Input.Done, assessment.Changes.Count, assessment.Revision));
    }
}
