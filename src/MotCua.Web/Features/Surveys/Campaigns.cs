using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Surveys;

/// <summary>SIPAS campaigns (domain.md §9.1; ND 61/2018 Art. 29):
/// <list type="bullet">
/// <item>GET /api/v1/surveys/campaigns, GET …/{id}: the campaigns within the caller's scope, each with its progress
/// per unit (quota, invited, web, paper) and the actions the caller may take now;</item>
/// <item>POST …/campaigns: a draft from a published questionnaire; PUT …/{id}: a draft's new content at its
/// <c>version</c>; POST …/{id}/transitions: <c>StartSampling</c> (fixes the seed), <c>StartCollecting</c>,
/// <c>Close</c>, <c>Publish</c>. Writes: a Home Affairs appraiser whose scope holds every unit of the campaign.</item>
/// </list></summary>
public static class Campaigns
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/campaigns", async (ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListSurveyCampaigns")
            .Produces<IReadOnlyList<CampaignRow>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/campaigns/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetSurveyCampaign")
            .Produces<CampaignView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/campaigns", async (CampaignRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.CreateAsync(body, user, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/surveys/campaigns/{c.Id}", c)))
            .WithName("CreateSurveyCampaign")
            .Produces<CampaignView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/campaigns/{id:guid}", async (Guid id, CampaignRevisionRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ReviseAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ReviseSurveyCampaign")
            .Produces<CampaignView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/campaigns/{id:guid}/transitions", async (Guid id, CampaignTransitionRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.TransitionAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("TransitionSurveyCampaign")
            .Produces<CampaignView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A unit that can be surveyed.</summary>
    public sealed record UnitChoice(Guid Id, string Name);

    public sealed class Handler(AppDbContext db, SurveyAccess access, CampaignStore store, TimeProvider clock)
    {
        public async Task<Result<IReadOnlyList<CampaignRow>>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var campaigns = await db.SurveyCampaigns.AsNoTracking().ToListAsync(ct);
            return campaigns.Where(scope.Value.MayRead)
                .OrderByDescending(c => c.Year).ThenByDescending(c => c.CreatedAt)
                .Select(CampaignMapping.ToRow).ToList();
        }

        public async Task<Result<CampaignView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await store.LoadAsync(id, user, manage: false, tracked: false, ct);
            return loaded.IsFailure ? loaded.Error : await store.ViewAsync(loaded.Value.Campaign, loaded.Value.Scope, ct);
        }

        public async Task<Result<CampaignView>> CreateAsync(CampaignRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var scope = await access.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var spec = await SpecAsync(body, scope.Value, ct);
            if (spec.IsFailure)
            {
                return spec.Error;
            }

            var created = SurveyCampaign.Create(Guid.NewGuid(), spec.Value.Spec, spec.Value.Questionnaire, clock.GetUtcNow().UtcDateTime);
            if (created.IsFailure)
            {
                return SurveyErrorMapping.ForApi(created.Error);
            }

            db.SurveyCampaigns.Add(created.Value);
            await db.SaveChangesAsync(ct);
            return await store.ViewAsync(created.Value, scope.Value, ct);
        }

        public async Task<Result<CampaignView>> ReviseAsync(Guid id, CampaignRevisionRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (body.Campaign is not { } content)
            {
                return ValidationFailed.One("campaign", new FieldMessage("survey.campaign_required", "Gửi nội dung mới của đợt khảo sát."));
            }

            var loaded = await LoadAtVersionAsync(id, body.Version, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (campaign, scope) = loaded.Value;
            var spec = await SpecAsync(content, scope, ct);
            if (spec.IsFailure)
            {
                return spec.Error;
            }

            var revised = campaign.Revise(spec.Value.Spec, spec.Value.Questionnaire);
            return revised.IsFailure ? SurveyErrorMapping.ForApi(revised.Error) : await store.SaveAsync(campaign, scope, body.Version!.Value, ct);
        }

        public async Task<Result<CampaignView>> TransitionAsync(Guid id, CampaignTransitionRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (!SurveyInput.TryEnum<SurveyCampaignTrigger>(body.Trigger, out var trigger))
            {
                return ValidationFailed.One("trigger", new FieldMessage("survey.unknown_trigger", "Thao tác: StartSampling, StartCollecting, Close hoặc Publish."));
            }

            var loaded = await LoadAtVersionAsync(id, body.Version, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (campaign, scope) = loaded.Value;
            var now = clock.GetUtcNow().UtcDateTime;
            var moved = trigger switch
            {
                SurveyCampaignTrigger.StartSampling => campaign.StartSampling(body.Seed ?? SurveyCampaign.NewSeed(), now),
                SurveyCampaignTrigger.StartCollecting => campaign.StartCollecting(now),
                SurveyCampaignTrigger.Close => campaign.Close(now),
                _ => campaign.Publish(now),
            };
            return moved.IsFailure ? SurveyErrorMapping.ForApi(moved.Error) : await store.SaveAsync(campaign, scope, body.Version!.Value, ct);
        }

        /// <summary>The units the caller may put in a campaign of <paramref name="level"/>: of that tier, existing on
        /// <paramref name="on"/>, within their Home Affairs scope; by name (the new-campaign page's list).</summary>
        public async Task<Result<IReadOnlyList<UnitChoice>>> EligibleUnitsAsync(ProcedureLevel level, DateOnly on, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var units = await db.OrganisationalUnits.AsNoTracking().ToListAsync(ct);
            return units
                .Where(u => ProcedureLevels.SettledBy(u.Level) == level && u.IsValidOn(on) && scope.Value.Managed.Contains(u.Id))
                .OrderBy(u => u.Level).ThenBy(u => VietnameseText.Fold(u.Name), StringComparer.Ordinal)
                .Select(u => new UnitChoice(u.Id, u.Name))
                .ToList();
        }

        private async Task<Result<(SurveyCampaign Campaign, SurveyAccess.Scope Scope)>> LoadAtVersionAsync(
            Guid id, int? version, ClaimsPrincipal user, CancellationToken ct)
        {
            if (version is not { } expected)
            {
                return ValidationFailed.One("version", new FieldMessage("api.version_required", "Phải gửi phiên bản (version) đã đọc."));
            }

            var loaded = await store.LoadAsync(id, user, manage: true, tracked: true, ct);
            return loaded.IsFailure ? loaded.Error
                : loaded.Value.Campaign.Version != expected ? new StaleVersion(expected, loaded.Value.Campaign.Version)
                : loaded.Value;
        }

        /// <summary>The domain's spec: names parsed, units and questionnaire found, every unit in the caller's scope.</summary>
        private async Task<Result<(SurveyCampaignSpec Spec, Questionnaire Questionnaire)>> SpecAsync(
            CampaignRequest body, SurveyAccess.Scope scope, CancellationToken ct)
        {
            var errors = new Dictionary<string, FieldMessage[]>();
            void Require(bool ok, string field, FieldMessage message)
            {
                if (!ok)
                {
                    errors[field] = [message];
                }
            }

            Require(body.Year is not null, "year", new FieldMessage("survey.year_required", "Nhập năm khảo sát."));
            Require(SurveyInput.TryEnum<ProcedureLevel>(body.Level, out var level), "level",
                new FieldMessage("survey.level_required", "Cấp khảo sát: Province (cấp tỉnh) hoặc Commune (cấp xã)."));
            Require(body.ServedFrom is not null && body.ServedTo is not null, "servedPeriod",
                new FieldMessage("survey.served_period_required", "Nhập kỳ nhận kết quả được khảo sát (từ ngày, đến ngày)."));
            Require(body.CollectFrom is not null && body.CollectTo is not null, "collectionPeriod",
                new FieldMessage("survey.collection_period_required", "Nhập thời gian thu phiếu (từ ngày, đến ngày)."));
            var method = Method(body.IndexMethod, errors);
            var questionnaire = body.QuestionnaireId is { } qid
                ? await db.SurveyQuestionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == qid, ct)
                : null;
            Require(questionnaire is not null, "questionnaireId", new FieldMessage("survey.questionnaire_required", "Chọn bộ câu hỏi đã công bố."));
            var inputs = body.Units ?? [];
            var ids = inputs.Select(u => u.UnitId ?? Guid.Empty).Distinct().ToList();
            var units = await db.OrganisationalUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
            for (var i = 0; i < inputs.Count; i++)
            {
                Require(inputs[i].UnitId is { } unitId && units.ContainsKey(unitId), $"units[{i}].unitId", new FieldMessage("survey.unit_required", "Chọn đơn vị được khảo sát."));
                Require(inputs[i].Quota is not null, $"units[{i}].quota", new FieldMessage("survey.quota_required", "Nhập cỡ mẫu của đơn vị."));
            }

            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            if (!units.Keys.All(scope.Managed.Contains))
            {
                return SurveyAccess.NotManager();
            }

            var quotas = inputs.Select(u => new SurveyUnitQuota(units[u.UnitId!.Value], u.Quota!.Value)).ToList();
            var spec = new SurveyCampaignSpec(
                body.Year!.Value, body.Name ?? "", level, new SurveyPeriod(body.ServedFrom!.Value, body.ServedTo!.Value),
                new SurveyPeriod(body.CollectFrom!.Value, body.CollectTo!.Value), quotas, body.MethodDecision, method);
            return (spec, questionnaire!);
        }

        private static SurveyIndexMethod? Method(CampaignMethodInput? input, Dictionary<string, FieldMessage[]> errors)
        {
            if (input is null)
            {
                return null;
            }

            var overall = OverallIndexRule.Top2BoxMeanOfFactors;
            var factor = FactorIndexRule.MeanOfQuestionShares;
            if (input.Overall is not null && !SurveyInput.TryEnum(input.Overall, out overall))
            {
                errors["indexMethod.overall"] = [new FieldMessage("survey.overall_index_rule", "Chỉ số chung: Top2BoxMeanOfFactors (trung bình các yếu tố) hoặc Top2BoxOverallQuestion (câu hỏi hài lòng chung).")];
            }

            if (input.Factor is not null && !SurveyInput.TryEnum(input.Factor, out factor))
            {
                errors["indexMethod.factor"] = [new FieldMessage("survey.factor_index_rule", "Chỉ số yếu tố: MeanOfQuestionShares (trung bình các câu hỏi) hoặc PooledAnswers (gộp các câu trả lời).")];
            }

            return new SurveyIndexMethod(overall, factor, input.MinCellSize ?? SurveyIndexMethod.DefaultMinCellSize);
        }
    }
}
