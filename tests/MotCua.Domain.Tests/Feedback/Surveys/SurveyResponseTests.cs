using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;

namespace MotCua.Domain.Tests.Feedback.Surveys;

/// <summary>Responses: one per invitation token, paper ballots against the unit's quota, validation against the
/// questionnaire version, and nothing kept that points to the respondent (ND 61/2018 Art. 27(3)).</summary>
public sealed class SurveyResponseTests
{
    private readonly Questionnaire _questionnaire = SurveyFixture.Published();

    [Fact]
    public void SubmitWeb_ValidAnswers_RecordsAnAnonymousResponse_UsesTheInvitation_CountsForTheUnit()
    {
        var (campaign, invitation) = Collecting();
        var version = campaign.Version;
        var profile = new RespondentProfile(AgeBand.From60, Gender.Female, EthnicMinority: true);

        var response = ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, _questionnaire, invitation,
            Valid() with { Profile = profile }, SurveyFixture.CollectionDay).Value;

        Assert.Equal((campaign.Id, invitation.UnitId, _questionnaire.Id, ResponseChannel.Web, SurveyFixture.CollectionDay),
            (response.CampaignId, response.UnitId, response.QuestionnaireId, response.Channel, response.CollectedOn));
        Assert.Equal(profile, response.Profile);
        Assert.Equal(["TC1", "TC2", "TT1", "CC1", "KQ1", "HL", "GY"], response.Answers.Select(a => a.QuestionCode));
        Assert.Equal(4, response.ValueOf("tc2"));
        Assert.Equal("Cần thêm chỗ để xe.", response.Answers[^1].Text);
        Assert.True(invitation.IsUsed);
        Assert.Equal((1, 0), (campaign.Units[0].WebResponses, campaign.Units[0].PaperResponses));
        Assert.Equal(version + 1, campaign.Version);
        // Nothing on the response leads back to the invitation or a dossier.
        var properties = typeof(SurveyResponse).GetProperties().Select(p => p.Name).ToList();
        Assert.DoesNotContain(properties, p => p.Contains("Invitation", StringComparison.Ordinal) || p.Contains("Dossier", StringComparison.Ordinal)
            || p.Contains("Staff", StringComparison.Ordinal) || p.Contains("By", StringComparison.Ordinal) || p.EndsWith("At", StringComparison.Ordinal));
    }

    [Fact]
    public void SubmitWeb_UsedToken_IsRefusedWithAStableCode_AndChangesNothing()
    {
        var (campaign, invitation) = Collecting();
        Assert.True(ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, _questionnaire, invitation, Valid(), SurveyFixture.CollectionDay).IsSuccess);
        var version = (campaign.Version, invitation.Version);

        var second = ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, _questionnaire, invitation, Valid(), SurveyFixture.CollectionDay);

        Assert.Equal("survey.invitation_used", Assert.IsType<InvitationAlreadyUsed>(second.Error).Code);
        Assert.Equal(version, (campaign.Version, invitation.Version));
        Assert.Equal(1, campaign.Units[0].Responses);
    }

    [Fact]
    public void SubmitWeb_InvalidAnswers_LeaveTheTokenUnused()
    {
        var (campaign, invitation) = Collecting();

        var refused = ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, _questionnaire, invitation,
            new ResponseInput([new("TC2", 4)]), SurveyFixture.CollectionDay);

        Assert.IsType<AnswerRequired>(refused.Error);
        Assert.False(invitation.IsUsed);
        Assert.Equal(0, campaign.Units[0].Responses);
        Assert.True(ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, _questionnaire, invitation, Valid(), SurveyFixture.CollectionDay).IsSuccess);
    }

    [Theory]
    [InlineData(SurveyCampaignStatus.Sampling, 2026, 9, 15, "survey.not_collecting")]
    [InlineData(SurveyCampaignStatus.Closed, 2026, 9, 15, "survey.not_collecting")]
    [InlineData(SurveyCampaignStatus.Collecting, 2026, 8, 31, "survey.outside_collection_period")]
    [InlineData(SurveyCampaignStatus.Collecting, 2026, 11, 1, "survey.outside_collection_period")]
    [InlineData(SurveyCampaignStatus.Collecting, 2026, 10, 31, null)]
    public void SubmitWeb_OnlyWhileCollectingWithinThePeriod(SurveyCampaignStatus status, int y, int m, int d, string? code)
    {
        var (campaign, drawn) = SurveyInvitationTests.Sampling(2, _questionnaire);
        var invitation = SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn[0], SurveyFixture.Secret, SurveyFixture.CollectionDay).Value.Invitation;
        if (status >= SurveyCampaignStatus.Collecting)
        {
            campaign.StartCollecting(SurveyFixture.Now);
        }

        if (status >= SurveyCampaignStatus.Closed)
        {
            campaign.Close(SurveyFixture.Now);
        }

        var result = ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, _questionnaire, invitation, Valid(), new DateOnly(y, m, d));

        Assert.Equal(code, result.IsFailure ? result.Error.Code : null);
        Assert.Equal(code is null, invitation.IsUsed);
    }

    [Fact]
    public void SubmitWeb_InvitationOrQuestionnaireOfAnotherCampaign_IsABug()
    {
        var (campaign, invitation) = Collecting();
        var (other, _) = Collecting();

        Assert.Throws<ArgumentException>(() => ResponseIntake.SubmitWeb(Guid.NewGuid(), other, _questionnaire, invitation, Valid(), SurveyFixture.CollectionDay));
        Assert.Throws<ArgumentException>(() => ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, SurveyFixture.Published(), invitation, Valid(), SurveyFixture.CollectionDay));
    }

    [Fact]
    public void EnterPaper_CountsAgainstTheUnitsQuota_WhichIncludesWebResponses()
    {
        var (campaign, invitation) = Collecting(quota: 3);
        var unit = campaign.Units[0].UnitId;
        Assert.True(ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, _questionnaire, invitation, Valid(), SurveyFixture.CollectionDay).IsSuccess);

        var first = ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, _questionnaire, unit, Valid(), new DateOnly(2026, 9, 2));
        var second = ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, _questionnaire, unit, Valid(), new DateOnly(2026, 9, 2));
        var third = ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, _questionnaire, unit, Valid(), new DateOnly(2026, 9, 2));

        Assert.Equal(ResponseChannel.Paper, first.Value.Channel);
        Assert.Equal(new DateOnly(2026, 9, 2), first.Value.CollectedOn);
        Assert.True(second.IsSuccess);
        var error = Assert.IsType<UnitQuotaReached>(third.Error);
        Assert.Equal(("survey.unit_quota_reached", 3), (error.Code, error.Quota));
        Assert.Equal((1, 2), (campaign.Units[0].WebResponses, campaign.Units[0].PaperResponses));
    }

    [Fact]
    public void EnterPaper_UnitOutsideTheScope_OrCampaignNotCollecting_IsRefused()
    {
        var (campaign, _) = Collecting();

        Assert.IsType<UnitNotInScope>(ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, _questionnaire, Guid.NewGuid(), Valid(), SurveyFixture.CollectionDay).Error);
        Assert.IsType<OutsideCollectionPeriod>(ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, _questionnaire, campaign.Units[0].UnitId, Valid(), new DateOnly(2026, 12, 1)).Error);
        campaign.Close(SurveyFixture.Now);
        Assert.IsType<CampaignNotCollecting>(ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, _questionnaire, campaign.Units[0].UnitId, Valid(), SurveyFixture.CollectionDay).Error);
    }

    public static TheoryData<AnswerInput[], string, string> BadAnswers() => new()
    {
        { [new("XX", 3)], "survey.unknown_question", "XX" },
        { [new("TC2", 6)], "survey.answer_out_of_range", "TC2" },
        { [new("TC2", 0)], "survey.answer_out_of_range", "TC2" },
        { [new("TC1", 3)], "survey.answer_out_of_range", "TC1" },
        { [new("MD1", 4)], "survey.answer_out_of_range", "MD1" },
        { [new("TC2", 4, "rất tốt")], "survey.answer_invalid", "TC2" },
        { [new("GY", 2)], "survey.answer_invalid", "GY" },
        { [new("GY", null, new string('a', 2001))], "survey.answer_invalid", "GY" },
        { [new("GY", null, "góp\u0000ý")], "survey.answer_invalid", "GY" },
        { [new("TC2", 4), new("tc2", 5)], "survey.answer_invalid", "TC2" },
        { [new("TC1", null)], "survey.answer_required", "TC1" },
    };

    [Theory, MemberData(nameof(BadAnswers))]
    public void Validate_BadAnswer_IsRefusedWithAStableCode(AnswerInput[] changes, string code, string question)
    {
        var answers = Valid().Answers.Where(a => !changes.Any(c => string.Equals(c.QuestionCode, a.QuestionCode, StringComparison.OrdinalIgnoreCase))).Concat(changes).ToList();
        var (campaign, _) = Collecting();

        var result = ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, _questionnaire, campaign.Units[0].UnitId, new ResponseInput(answers), SurveyFixture.CollectionDay);

        Assert.Equal(code, result.Error.Code);
        Assert.Contains($"'{question}'", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankOptionalAnswers_AreDropped_TextTrimmed_LineBreaksKept()
    {
        var (campaign, _) = Collecting();
        var input = new ResponseInput([.. Valid().Answers.Where(a => a.QuestionCode != "GY"),
            new("PA1", null), new("MD1", null, " "), new("GY", null, "  Dòng 1\nDòng 2  ")]);

        var response = ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, _questionnaire, campaign.Units[0].UnitId, input, SurveyFixture.CollectionDay).Value;

        Assert.DoesNotContain(response.Answers, a => a.QuestionCode is "PA1" or "MD1");
        Assert.Equal("Dòng 1\nDòng 2", response.Answers.Single(a => a.QuestionCode == "GY").Text);
    }

    [Fact]
    public void Validate_NothingAnswered_IsRefused()
    {
        var optionalOnly = SurveyFixture.Published(new QuestionnaireContent("Phiếu", "QĐ 1001/QĐ-BNV",
            [new("CC1", SurveyFactor.CivilServant, QuestionKind.Satisfaction, "Công chức", AnswerFormat.Likert5, 1, Required: false)]));
        var campaign = SurveyFixture.Campaign(optionalOnly, SurveyCampaignStatus.Collecting);

        var result = ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, optionalOnly, campaign.Units[0].UnitId, new ResponseInput([new("CC1", null)]), SurveyFixture.CollectionDay);

        Assert.Equal("survey.response_empty", Assert.IsType<ResponseEmpty>(result.Error).Code);
    }

    [Fact]
    public void Validate_Demographics_AreOptional_MustBeAsked_AndExist()
    {
        var notAsked = SurveyFixture.Published(SurveyFixture.IndexContent());
        var campaign = SurveyFixture.Campaign(notAsked, SurveyCampaignStatus.Collecting);
        var unit = campaign.Units[0].UnitId;
        var answers = new List<AnswerInput> { new("TT1", 4), new("CC1", 5), new("HL", 4) };

        Assert.True(Paper(campaign, notAsked, unit, new ResponseInput(answers)).IsSuccess);
        Assert.True(Paper(campaign, notAsked, unit, new ResponseInput(answers, new RespondentProfile(Gender: Gender.Male))).IsSuccess);
        var notAskedItem = Assert.IsType<DemographicInvalid>(Paper(campaign, notAsked, unit, new ResponseInput(answers, new RespondentProfile(Disability: true))).Error);
        Assert.Equal((DemographicItem.Disability, "survey.demographic_invalid"), (notAskedItem.Item, notAskedItem.Code));
        Assert.IsType<DemographicInvalid>(Paper(campaign, notAsked, unit, new ResponseInput(answers, new RespondentProfile(Gender: (Gender)3))).Error);
    }

    private (SurveyCampaign Campaign, SurveyInvitation Invitation) Collecting(int quota = 2)
    {
        var (campaign, drawn) = SurveyInvitationTests.Sampling(quota, _questionnaire);
        var invitation = SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn[0], SurveyFixture.Secret, SurveyFixture.CollectionDay).Value.Invitation;
        campaign.StartCollecting(SurveyFixture.Now);
        return (campaign, invitation);
    }

    private static Result<SurveyResponse> Paper(SurveyCampaign campaign, Questionnaire questionnaire, Guid unit, ResponseInput input) =>
        ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, questionnaire, unit, input, SurveyFixture.CollectionDay);

    private static ResponseInput Valid() => new(
    [
        new("TC1", 1), new("TC2", 4), new("TT1", 5), new("CC1", 4), new("KQ1", 3), new("HL", 4),
        new("GY", null, " Cần thêm chỗ để xe. "),
    ]);
}
