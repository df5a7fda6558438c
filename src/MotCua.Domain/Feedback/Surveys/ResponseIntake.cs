using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>Taking responses: a web response with an invitation token, or a paper ballot typed in by staff. Each call
/// validates everything first and changes nothing on failure; on success it changes the campaign (its unit's count)
/// and, for the web, the invitation, which the caller saves with the new response in one transaction.</summary>
public static class ResponseIntake
{
    /// <summary>Records the web response of the invitation whose token the respondent holds.</summary>
    /// <param name="id">The response's id: <see cref="Guid.NewGuid"/> (see <see cref="SurveyResponse"/>).</param>
    /// <param name="campaign">The invitation's campaign.</param>
    /// <param name="questionnaire">The campaign's questionnaire version.</param>
    /// <param name="invitation">The invitation found by the token's hash.</param>
    /// <param name="input">The answers.</param>
    /// <param name="today">Today in Vietnam.</param>
    /// <exception cref="ArgumentException">The invitation or questionnaire is not the campaign's (a bug in the caller).</exception>
    public static Result<SurveyResponse> SubmitWeb(
        Guid id, SurveyCampaign campaign, Questionnaire questionnaire, SurveyInvitation invitation, ResponseInput input,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        EnsureSameCampaign(campaign, questionnaire);
        if (invitation.CampaignId != campaign.Id)
        {
            throw new ArgumentException("The invitation belongs to another campaign.", nameof(invitation));
        }

        var open = CheckOpen(campaign, today);
        if (open is not null)
        {
            return open;
        }

        if (invitation.IsUsed)
        {
            return new InvitationAlreadyUsed();
        }

        var answers = ResponseRules.Validate(questionnaire, input);
        if (answers.IsFailure)
        {
            return answers.Error;
        }

        invitation.Use();
        campaign.CountResponse(invitation.UnitId, ResponseChannel.Web);
        return SurveyResponse.Create(
            id, campaign, invitation.UnitId, ResponseChannel.Web, today, input.Profile ?? RespondentProfile.None, answers.Value);
    }

    /// <summary>Records a paper ballot for <paramref name="unitId"/>, while the unit is under its quota.</summary>
    /// <param name="id">The response's id: <see cref="Guid.NewGuid"/>.</param>
    /// <param name="campaign">The campaign.</param>
    /// <param name="questionnaire">The campaign's questionnaire version.</param>
    /// <param name="unitId">The unit the ballot was collected for.</param>
    /// <param name="input">The answers as written on the ballot.</param>
    /// <param name="collectedOn">The date the ballot was filled in, within the collection period; it may be typed in
    /// later, but before the campaign closes.</param>
    /// <exception cref="ArgumentException">The questionnaire is not the campaign's (a bug in the caller).</exception>
    public static Result<SurveyResponse> EnterPaper(
        Guid id, SurveyCampaign campaign, Questionnaire questionnaire, Guid unitId, ResponseInput input, DateOnly collectedOn)
    {
        EnsureSameCampaign(campaign, questionnaire);
        var open = CheckOpen(campaign, collectedOn);
        if (open is not null)
        {
            return open;
        }

        var unit = campaign.Unit(unitId);
        if (unit is null)
        {
            return new UnitNotInScope(unitId);
        }

        // A paper ballot has no token, so the quota is what stops a unit from filling its own results; a web
        // response always counts, its invitation having been drawn within the quota.
        if (unit.Responses >= unit.Quota)
        {
            return new UnitQuotaReached(unitId, unit.Quota);
        }

        var answers = ResponseRules.Validate(questionnaire, input);
        if (answers.IsFailure)
        {
            return answers.Error;
        }

        campaign.CountResponse(unitId, ResponseChannel.Paper);
        return SurveyResponse.Create(
            id, campaign, unitId, ResponseChannel.Paper, collectedOn, input.Profile ?? RespondentProfile.None, answers.Value);
    }

    private static void EnsureSameCampaign(SurveyCampaign campaign, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(questionnaire);
        if (questionnaire.Id != campaign.QuestionnaireId)
        {
            throw new ArgumentException("The questionnaire is not the campaign's version.", nameof(questionnaire));
        }
    }

    private static Error? CheckOpen(SurveyCampaign campaign, DateOnly date) =>
        campaign.Status != SurveyCampaignStatus.Collecting ? new CampaignNotCollecting(campaign.Status)
        : !campaign.CollectionPeriod.Contains(date) ? new OutsideCollectionPeriod(date, campaign.CollectionPeriod)
        : null;
}
