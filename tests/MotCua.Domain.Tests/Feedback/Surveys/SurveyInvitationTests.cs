using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Feedback.Surveys;

namespace MotCua.Domain.Tests.Feedback.Surveys;

/// <summary>Invitations: random URL-safe tokens stored only as hashes, no dossier id kept, one per drawn dossier.</summary>
public sealed class SurveyInvitationTests
{
    [Fact]
    public void Issue_GivesA256BitUrlSafeToken_AndStoresOnlyItsSha256()
    {
        var (campaign, drawn) = Sampling(1);

        var issued = SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn[0], SurveyFixture.Secret, SurveyFixture.CollectionDay).Value;

        Assert.Equal(InvitationToken.Length, issued.Token.Length);
        Assert.True(InvitationToken.IsWellFormed(issued.Token));
        Assert.Equal(32, Convert.FromBase64String(issued.Token.Replace('-', '+').Replace('_', '/') + "=").Length);
        var invitation = issued.Invitation;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(issued.Token))), invitation.TokenHash);
        Assert.DoesNotContain(issued.Token, invitation.TokenHash, StringComparison.Ordinal);
        Assert.True(invitation.Matches(issued.Token));
        Assert.False(invitation.Matches(InvitationToken.New()));
        Assert.Equal((campaign.Id, drawn[0].UnitId, SurveyFixture.CollectionDay, false), (invitation.CampaignId, invitation.UnitId, invitation.IssuedOn, invitation.IsUsed));
    }

    [Fact]
    public void Issue_TokensAreRandom_NotDerivedFromTheSeed()
    {
        var (campaign, drawn) = Sampling(1);

        var tokens = Enumerable.Range(0, 20)
            .Select(_ => SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn[0], SurveyFixture.Secret, SurveyFixture.CollectionDay).Value.Token)
            .ToHashSet();

        Assert.Equal(20, tokens.Count);
    }

    [Fact]
    public void Issue_KeepsNoDossierId_OnlyAKeyedFingerprintPerCampaign()
    {
        var (campaign, drawn) = Sampling(1);
        var dossierId = drawn[0].DossierId;

        var invitation = SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn[0], SurveyFixture.Secret, SurveyFixture.CollectionDay).Value.Invitation;

        var stored = string.Join('|', typeof(SurveyInvitation).GetProperties().Select(p => Convert.ToString(p.GetValue(invitation), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(dossierId.ToString(), stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(dossierId.ToString("N"), stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(InvitationToken.DossierKey(campaign.Id, dossierId, SurveyFixture.Secret), invitation.DossierKey);
        Assert.Equal(64, invitation.DossierKey.Length);
        // Same dossier, another campaign or another secret: unrelated fingerprints.
        Assert.NotEqual(invitation.DossierKey, InvitationToken.DossierKey(Guid.NewGuid(), dossierId, SurveyFixture.Secret));
        Assert.NotEqual(invitation.DossierKey, InvitationToken.DossierKey(campaign.Id, dossierId, new byte[32]));
        Assert.Throws<ArgumentException>(() => InvitationToken.DossierKey(campaign.Id, dossierId, new byte[16]));
    }

    [Fact]
    public void DossierKey_IsHmacSha256OfTheDocumentedInput()
    {
        var campaign = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var dossier = Guid.Parse("66666666-7777-8888-9999-aaaaaaaaaaaa");
        var input = Encoding.ASCII.GetBytes("motcua.sipas.invite.v1")
            .Concat(campaign.ToByteArray(bigEndian: true)).Concat(dossier.ToByteArray(bigEndian: true)).ToArray();

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(SurveyFixture.Secret, input)),
            InvitationToken.DossierKey(campaign, dossier, SurveyFixture.Secret));
    }

    [Theory]
    [InlineData(SurveyCampaignStatus.Draft, false)]
    [InlineData(SurveyCampaignStatus.Sampling, true)]
    [InlineData(SurveyCampaignStatus.Collecting, true)]
    [InlineData(SurveyCampaignStatus.Closed, false)]
    [InlineData(SurveyCampaignStatus.Published, false)]
    public void Issue_OnlyWhileSamplingOrCollecting(SurveyCampaignStatus status, bool allowed)
    {
        var campaign = SurveyFixture.Campaign(SurveyFixture.Published(), status, null, new SurveyUnitQuota(SurveyFixture.Commune(), 1));

        var result = SurveyInvitation.Issue(Guid.NewGuid(), campaign, Redraw(campaign)[0], SurveyFixture.Secret, SurveyFixture.CollectionDay);

        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.IsType<CampaignNotSampling>(result.Error);
        }
    }

    [Fact]
    public void Issue_DossierDrawnForAnotherCampaignsUnit_IsRefused()
    {
        var (campaign, _) = Sampling(1);
        var (_, otherDrawn) = Sampling(1);

        var result = SurveyInvitation.Issue(Guid.NewGuid(), campaign, otherDrawn[0], SurveyFixture.Secret, SurveyFixture.CollectionDay);

        Assert.Equal("survey.unit_not_in_scope", Assert.IsType<UnitNotInScope>(result.Error).Code);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("abc", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-_", true)]
    public void IsWellFormed_OnlyTokenShapedStrings(string? token, bool expected)
    {
        Assert.Equal(expected, InvitationToken.IsWellFormed(token));
    }

    [Fact]
    public void Reissue_GivesANewToken_TheOldOneStopsMatching_TheDossierKeyStays()
    {
        var (campaign, drawn) = Sampling(1);
        var issued = SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn[0], SurveyFixture.Secret, SurveyFixture.CollectionDay).Value;
        var (key, version) = (issued.Invitation.DossierKey, issued.Invitation.Version);

        var token = issued.Invitation.Reissue(campaign, SurveyFixture.CollectionDay.AddDays(3)).Value;

        Assert.NotEqual(issued.Token, token);
        Assert.True(InvitationToken.IsWellFormed(token));
        Assert.True(issued.Invitation.Matches(token));
        Assert.False(issued.Invitation.Matches(issued.Token));
        Assert.Equal((key, version + 1, SurveyFixture.CollectionDay.AddDays(3)), (issued.Invitation.DossierKey, issued.Invitation.Version, issued.Invitation.IssuedOn));
    }

    [Fact]
    public void Reissue_AnsweredOrOutsideSampling_IsRefusedAndChangesNothing()
    {
        var questionnaire = SurveyFixture.Published();
        var (campaign, drawn) = Sampling(1, questionnaire);
        var issued = SurveyInvitation.Issue(Guid.NewGuid(), campaign, drawn[0], SurveyFixture.Secret, SurveyFixture.CollectionDay).Value;
        var closed = SurveyFixture.Campaign(questionnaire, SurveyCampaignStatus.Closed, null, new SurveyUnitQuota(SurveyFixture.Commune(), 1));
        var hash = issued.Invitation.TokenHash;

        Assert.Throws<ArgumentException>(() => issued.Invitation.Reissue(closed, SurveyFixture.CollectionDay));
        Assert.True(campaign.StartCollecting(SurveyFixture.Now).IsSuccess);
        var answers = questionnaire.Questions.Where(q => q.Required).Select(q => q.Format switch
        {
            AnswerFormat.Likert5 => new AnswerInput(q.Code, 4),
            AnswerFormat.SingleChoice => new AnswerInput(q.Code, 1),
            _ => new AnswerInput(q.Code, Text: "Tốt."),
        });
        Assert.True(ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, questionnaire, issued.Invitation, new ResponseInput([.. answers]), SurveyFixture.CollectionDay).IsSuccess);

        Assert.IsType<InvitationAlreadyUsed>(issued.Invitation.Reissue(campaign, SurveyFixture.CollectionDay).Error);
        Assert.True(campaign.Close(SurveyFixture.Now).IsSuccess);
        Assert.IsType<CampaignNotSampling>(issued.Invitation.Reissue(campaign, SurveyFixture.CollectionDay).Error);
        Assert.Equal(hash, issued.Invitation.TokenHash);
    }

    internal static (SurveyCampaign Campaign, IReadOnlyList<SampledDossier> Drawn) Sampling(int quota, Questionnaire? questionnaire = null)
    {
        var unit = SurveyFixture.Commune();
        var campaign = SurveyFixture.Campaign(questionnaire ?? SurveyFixture.Published(), SurveyCampaignStatus.Sampling, null, new SurveyUnitQuota(unit, quota));
        return (campaign, Redraw(campaign));
    }

    private static List<SampledDossier> Redraw(SurveyCampaign campaign)
    {
        var unit = campaign.Units[0];
        var frame = Enumerable.Range(1, unit.Quota + 2)
            .Select(i => new SamplingCandidate(Guid.NewGuid(), unit.UnitId, SurveyFixture.Served.From.AddDays(i)));
        var sample = SurveySampler.Draw(1, [(unit.UnitId, unit.Quota)], SurveyFixture.Served, frame);
        return [.. sample.All];
    }
}
