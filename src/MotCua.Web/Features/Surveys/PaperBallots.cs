using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Web.Api;
using MotCua.Web.Features.Administration;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Surveys;

/// <summary>POST /api/v1/surveys/campaigns/{id}/ballots: a Home Affairs appraiser managing the campaign types in a paper
/// ballot (ND 61/2018 Art. 29(1)(a); the way in for respondents without a phone or internet, Art. 29(4)) for one of its
/// units, while it is collecting and under the unit's quota. Honours <c>Idempotency-Key</c>, so a retried entry is not
/// counted twice.</summary>
/// <remarks>The response keeps no staff id; the audit trail records who entered a ballot for which campaign and unit,
/// without the response's id, so the two cannot be joined (ND 61/2018 Art. 27(3)).</remarks>
public static class PaperBallots
{
    /// <summary>The ballot: the unit it was collected for, the date it was filled in (default today; within the
    /// collection period), the answers and what the respondent said about themselves.</summary>
    public sealed record PaperBallotRequest(
        Guid? UnitId, DateOnly? CollectedOn,
        [property: MaxLength(Questionnaire.MaxQuestions)] IReadOnlyList<SurveyAnswerInput>? Answers,
        RespondentInput? Respondent = null);

    /// <summary>The unit's count after the ballot.</summary>
    public sealed record BallotEntered(Guid CampaignId, Guid UnitId, DateOnly CollectedOn, int Quota, int WebResponses, int PaperResponses);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/campaigns/{id:guid}/ballots", async (Guid id, PaperBallotRequest body, HttpRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.EnterAsync(id, body, user, request.Headers[IdempotentResponses.Header].ToString(), ct))
                .ToHttpResult(r => TypedResults.Created($"/api/v1/surveys/campaigns/{r.CampaignId}", r)))
            .WithName("EnterSurveyBallot")
            .Produces<BallotEntered>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(
        Persistence.AppDbContext db, CampaignStore store, ResponseSaving saving, AdminAuditLog audit, IdempotentResponses idempotency, TimeProvider clock)
    {
        public async Task<Result<BallotEntered>> EnterAsync(Guid id, PaperBallotRequest body, ClaimsPrincipal user, string? idempotencyKey, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            if (idempotencyKey is { Length: > IdempotentResponses.MaxKeyLength })
            {
                return IdempotentResponses.KeyTooLong();
            }

            if (body.UnitId is not { } unitId)
            {
                return ValidationFailed.One("unitId", new FieldMessage("survey.ballot_unit_required", "Chọn đơn vị mà phiếu được thu."));
            }

            var input = SurveyInput.Response(body.Answers, body.Respondent);
            if (input.IsFailure)
            {
                return input.Error;
            }

            var key = IdempotentResponses.For(userId, idempotencyKey, $"POST /surveys/campaigns/{id}/ballots", body);
            if (key is not null && await idempotency.ReplayAsync<BallotEntered>(key, ct) is { } earlier)
            {
                return earlier;
            }

            return await saving.SaveAsync<BallotEntered>(async () =>
            {
                var loaded = await store.LoadAsync(id, user, manage: true, tracked: true, ct);
                if (loaded.IsFailure)
                {
                    return loaded.Error;
                }

                var campaign = loaded.Value.Campaign;
                var questionnaire = await db.SurveyQuestionnaires.FindAsync([campaign.QuestionnaireId], ct);
                var collectedOn = body.CollectedOn ?? VietnamTime.Today(clock);
                var response = ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, questionnaire!, unitId, input.Value, collectedOn);
                if (response.IsFailure)
                {
                    return SurveyErrorMapping.ForApi(response.Error);
                }

                db.SurveyResponses.Add(response.Value);
                audit.Add(userId, "survey.paper_ballot", campaign.Id, unitId, new { });
                var unit = campaign.Unit(unitId)!;
                var entered = new BallotEntered(campaign.Id, unitId, collectedOn, unit.Quota, unit.WebResponses, unit.PaperResponses);
                if (key is not null)
                {
                    idempotency.Record(key, campaign.Id, StatusCodes.Status201Created, entered, clock.GetUtcNow().UtcDateTime);
                }

                return entered;
            },
            key is null ? null : async () => await idempotency.ReplayAsync<BallotEntered>(key, ct), ct);
        }
    }
}
