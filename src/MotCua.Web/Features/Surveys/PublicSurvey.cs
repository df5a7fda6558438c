using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Surveys;

/// <summary>The invited respondent's side, anonymous and rate-limited like the public lookup:
/// <list type="bullet">
/// <item>GET /api/v1/public/surveys/{token}: the questionnaire to answer (404 for an unknown token, 410 once answered or
/// once the campaign has closed), with <c>open</c> telling whether answers are taken today;</item>
/// <item>POST /api/v1/public/surveys/{token} <c>{answers, respondent}</c>: the one response of the invitation (201); a
/// second one is 409 <c>survey.invitation_used</c>.</item>
/// </list>
/// Nothing about the respondent is read or kept but what they answer (ND 61/2018 Art. 27(3)).</summary>
public static class PublicSurvey
{
    public sealed record WebResponseRequest(
        [property: MaxLength(Questionnaire.MaxQuestions)] IReadOnlyList<SurveyAnswerInput>? Answers, RespondentInput? Respondent = null);

    /// <summary>What the respondent sees: the campaign, the unit they were served by, the questions in order, the
    /// optional items about themselves, the five-point labels, and whether answers are taken today.</summary>
    public sealed record PublicSurveyView(
        string CampaignName, int Year, string UnitName, string Title, string MethodDecision, bool Open, DateOnly CollectFrom, DateOnly CollectTo,
        IReadOnlyList<SurveyQuestionView> Questions, IReadOnlyList<string> Demographics, IReadOnlyList<string> ScaleLabels);

    public sealed record SurveySubmitted(string CampaignName, DateOnly CollectedOn);

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{token}", async (string token, Handler handler, CancellationToken ct) => Answer(await handler.GetAsync(token, ct)))
            .WithName("GetSurveyInvitation")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<PublicSurveyView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/{token}", async (string token, WebResponseRequest body, Handler handler, CancellationToken ct) =>
                (await handler.SubmitAsync(token, body, ct)).ToHttpResult(r => TypedResults.Created((string?)null, r)))
            .WithName("AnswerSurveyInvitation")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<SurveySubmitted>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The invitation can no longer be answered: used, or its campaign closed (<c>survey.invitation_gone</c>) → 410.</summary>
    public sealed record InvitationGone(string Reason) : Error("survey.invitation_gone", Reason);

    private static IResult Answer(Result<PublicSurveyView> result) =>
        result is { IsFailure: true, Error: InvitationGone gone }
            ? ErrorMapping.Problem(StatusCodes.Status410Gone, gone.Message, gone.Code)
            : result.ToHttpResult(TypedResults.Ok);

    public sealed class Handler(AppDbContext db, ResponseSaving saving, TimeProvider clock)
    {
        public async Task<Result<PublicSurveyView>> GetAsync(string token, CancellationToken ct)
        {
            var found = await FindAsync(token, tracked: false, ct);
            if (found.IsFailure)
            {
                return found.Error;
            }

            var (invitation, campaign, questionnaire) = found.Value;
            if (invitation.IsUsed)
            {
                return new InvitationGone(new InvitationAlreadyUsed().Message);
            }

            if (campaign.Status is SurveyCampaignStatus.Closed or SurveyCampaignStatus.Published)
            {
                return new InvitationGone("Đợt khảo sát đã kết thúc thu phiếu; cảm ơn Ông/Bà đã quan tâm.");
            }

            var unit = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == invitation.UnitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
            var open = campaign.Status == SurveyCampaignStatus.Collecting && campaign.CollectionPeriod.Contains(VietnamTime.Today(clock));
            return new PublicSurveyView(
                campaign.Name, campaign.Year, unit ?? "", questionnaire.Title, questionnaire.MethodDecision, open, campaign.CollectFrom, campaign.CollectTo,
                [.. questionnaire.Questions.Select(QuestionnaireMapping.ToView)], [.. questionnaire.Demographics.Select(d => d.ToString())],
                LikertScale.Labels);
        }

        public async Task<Result<SurveySubmitted>> SubmitAsync(string token, WebResponseRequest body, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var input = SurveyInput.Response(body.Answers, body.Respondent);
            if (input.IsFailure)
            {
                return input.Error;
            }

            return await saving.SaveAsync<SurveySubmitted>(async () =>
            {
                var found = await FindAsync(token, tracked: true, ct);
                if (found.IsFailure)
                {
                    return found.Error;
                }

                var (invitation, campaign, questionnaire) = found.Value;
                var today = VietnamTime.Today(clock);
                // A random id, not a time-ordered one, so that the row's id says nothing about when it was written.
                var response = ResponseIntake.SubmitWeb(Guid.NewGuid(), campaign, questionnaire, invitation, input.Value, today);
                if (response.IsFailure)
                {
                    return SurveyErrorMapping.ForApi(response.Error);
                }

                db.SurveyResponses.Add(response.Value);
                return new SurveySubmitted(campaign.Name, today);
            }, null, ct);
        }

        /// <summary>The invitation, its campaign (tracked when it is to change) and the questionnaire of a token.</summary>
        private async Task<Result<(SurveyInvitation Invitation, SurveyCampaign Campaign, Questionnaire Questionnaire)>> FindAsync(
            string token, bool tracked, CancellationToken ct)
        {
            if (!InvitationToken.IsWellFormed(token))
            {
                return ValidationFailed.One("token", new FieldMessage("survey.token_invalid", "Đường dẫn khảo sát không đúng: mã mời gồm 43 ký tự."));
            }

            var hash = InvitationToken.Hash(token);
            var invitations = tracked ? db.SurveyInvitations : db.SurveyInvitations.AsNoTracking();
            var invitation = await invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
            if (invitation is null)
            {
                return new InvitationNotFound();
            }

            var campaigns = tracked ? db.SurveyCampaigns : db.SurveyCampaigns.AsNoTracking();
            var campaign = await campaigns.SingleAsync(c => c.Id == invitation.CampaignId, ct);
            var questionnaire = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(q => q.Id == campaign.QuestionnaireId, ct);
            return (invitation, campaign, questionnaire);
        }
    }
}
