using MotCua.Domain.ParIndex;

namespace MotCua.Domain.Tests.ParIndex;

/// <summary>System-sourced sub-criteria filled by MotCua (not by the unit), and the self-assessment deadline: its range,
/// late submissions flagged or refused.</summary>
public sealed class ParSelfAssessmentSystemTests
{
    // 2026-11-20 10:00 in Vietnam.
    private static readonly DateTime Now = new(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly ParSystemFigure OnTime = new("dossier.on_time_rate", 90, 100, 90m, "Chỉ số 2.1", new(2026, 1, 1), new(2026, 12, 31));

    private static ParFramework Issued(DateOnly? deadline = null)
    {
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), ParTestFramework.Definition, 1, Now);
        Assert.True(framework.Issue("12/QĐ-UBND", null, Now).IsSuccess);
        Assert.True(framework.SetSelfAssessmentDeadline(deadline).IsSuccess);
        return framework;
    }

    private static ParUnitAssessment Draft(ParFramework framework) =>
        ParUnitAssessment.Create(Guid.NewGuid(), framework, Guid.NewGuid(), Officer, Now).Value;

    [Fact]
    public void RefreshSystem_FillsTheFigure_AsThePercentage_WithoutARevisionOrAuditEntry()
    {
        var framework = Issued();
        var assessment = Draft(framework);
        Assert.True(assessment.RefreshSystem(framework, f => f == "dossier.on_time_rate" ? OnTime : null));

        var entry = Assert.Single(assessment.Items);
        Assert.Equal(("2.1.1", 90m, OnTime), (entry.SubCriterion, entry.Input.Percent, entry.System));
        // 4 points at the 80 % target: 90 % reaches the maximum.
        Assert.Equal(4m, assessment.Score(framework).Result!.SubCriteria.Single(s => s.Code == "2.1.1").Points);
        Assert.Equal(1, assessment.Revision);
        Assert.Empty(assessment.Changes);
        Assert.False(assessment.RefreshSystem(framework, f => f == "dossier.on_time_rate" ? OnTime : null));
    }

    [Fact]
    public void RefreshSystem_WithoutData_LeavesItUnscored_AndNothingAfterSubmission()
    {
        var framework = Issued();
        var assessment = Draft(framework);
        var none = OnTime with { Numerator = 0, Denominator = 0, Percent = null };
        assessment.RefreshSystem(framework, _ => none);
        Assert.False(assessment.Score(framework).Result!.SubCriteria.Single(s => s.Code == "2.1.1").Scored);

        assessment.RefreshSystem(framework, _ => OnTime);
        Assert.True(assessment.Submit(framework, Officer, Now).IsSuccess);
        Assert.False(assessment.RefreshSystem(framework, _ => none));
        Assert.Equal(90m, assessment.Items.Single().Input.Percent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Save_OfASystemSourcedSubCriterion_RefusesAFigure_KeepsExplanationAndEvidence(bool notApplicable)
    {
        var framework = Issued();
        var assessment = Draft(framework);
        assessment.RefreshSystem(framework, _ => OnTime);
        var refused = assessment.Save(framework, "2.1.1", new ParScoreInput(Percent: notApplicable ? null : 100m, NotApplicable: notApplicable), null, [], null, Officer, Now);
        Assert.Equal("par.system_sourced", Assert.Single(((ParAssessmentInvalid)refused.Error).Problems).Message.Code);

        var evidence = new ParEvidence(ParEvidenceKind.Url, "https://example.gov.vn/bao-cao");
        Assert.True(assessment.Save(framework, "2.1.1", new ParScoreInput(), "Số liệu hệ thống", [evidence], null, Officer, Now).IsSuccess);
        var entry = Assert.Single(assessment.Items);
        Assert.Equal((90m, OnTime, "Số liệu hệ thống"), (entry.Input.Percent, entry.System, entry.Explanation));
        Assert.Equal([evidence], entry.Evidence);
        Assert.Empty(assessment.Changes);
    }

    [Fact]
    public void EvidenceGuard_DoesNotAskEvidenceOfASystemFigure()
    {
        var framework = Issued();
        var assessment = Draft(framework);
        assessment.RefreshSystem(framework, _ => OnTime);
        Assert.Empty(assessment.MissingEvidence(framework));
    }

    [Theory]
    [InlineData(2025, 12, 31, false)]
    [InlineData(2026, 1, 1, true)]
    [InlineData(2027, 12, 31, true)]
    [InlineData(2028, 1, 1, false)]
    public void Deadline_IsADayOfTheYearOrTheNext(int year, int month, int day, bool accepted)
    {
        var framework = Issued();
        var set = framework.SetSelfAssessmentDeadline(new DateOnly(year, month, day));
        Assert.Equal(accepted, set.IsSuccess);
        if (!accepted)
        {
            Assert.Equal("par.deadline_range", Assert.Single(((ParFrameworkInvalid)set.Error).Problems).Message.Code);
        }
    }

    [Fact]
    public void Deadline_CanBeSetOnAnIssuedFramework_AndCleared()
    {
        var framework = Issued(new DateOnly(2026, 12, 15));
        var revision = framework.Revision;
        Assert.True(framework.SetSelfAssessmentDeadline(null).IsSuccess);
        Assert.Null(framework.SelfAssessmentDeadline);
        Assert.Equal(revision + 1, framework.Revision);
    }

    [Theory]
    // 2026-11-20 in Vietnam; 2026-11-19 23:30 UTC is already the 20th there.
    [InlineData("2026-11-20T03:00:00Z", "2026-11-20", false)]
    [InlineData("2026-11-20T16:59:00Z", "2026-11-20", false)]
    [InlineData("2026-11-20T17:00:00Z", "2026-11-20", true)]
    [InlineData("2026-11-19T23:30:00Z", "2026-11-19", true)]
    public void LateSubmission_IsAcceptedAndFlagged_OrRefusedWhenTheProvinceSaysSo(string at, string deadline, bool late)
    {
        var when = DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var framework = Issued(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));

        var refusing = Draft(framework);
        var refused = refusing.Submit(framework, Officer, when, refuseLate: true);
        Assert.Equal(late, refused.IsFailure);
        if (late)
        {
            Assert.Equal("par.deadline_passed", refused.Error.Code);
        }

        var accepting = Draft(framework);
        Assert.Equal(late, accepting.Late(framework, when));
        Assert.True(accepting.Submit(framework, Officer, when).IsSuccess);
        Assert.Equal(late, accepting.SubmittedLate(framework));
        Assert.Equal(late, accepting.Late(framework, when.AddDays(100)));
    }

    [Fact]
    public void WithoutADeadline_NothingIsLate()
    {
        var framework = Issued();
        var assessment = Draft(framework);
        Assert.False(assessment.Late(framework, Now.AddYears(2)));
        Assert.True(assessment.Submit(framework, Officer, Now.AddYears(2), refuseLate: true).IsSuccess);
    }
}
