using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Surveys;

/// <summary>The SIPAS indices of a campaign (<see cref="SurveyIndexCalculator"/>: factor and overall index per unit and
/// for the campaign, for everyone and per respondent group, with n and the 95 % interval; small cells withheld):
/// <list type="bullet">
/// <item>GET /api/v1/surveys/campaigns/{id}/results: staff who may read the campaign, in any state (the figures so far);</item>
/// <item>GET /api/v1/public/surveys/results and …/results/{id}: anyone, once published (ND 61/2018 Art. 29(2): results
/// are made public).</item>
/// </list></summary>
public static class SurveyResults
{
    /// <summary>One figure. <c>unitId</c> null: the whole campaign; <c>group</c> null: every respondent. <c>n</c>,
    /// <c>value</c>, <c>lower</c>, <c>upper</c> null and <c>suppressed</c> true: withheld because too few answered.</summary>
    public sealed record SurveyIndexRow(
        Guid? UnitId, string? UnitName, string? GroupDimension, string? GroupValue, string Factor, int? N, decimal? Value, decimal? Lower,
        decimal? Upper, bool Suppressed);

    public sealed record SurveyResultsView(
        Guid CampaignId, string Name, int Year, string Level, string Status, DateTime? PublishedAt, CampaignMethodView Method, int Responses,
        IReadOnlyList<SurveyIndexRow> Rows);

    public sealed record PublishedCampaignRow(Guid Id, int Year, string Name, string Level, DateTime PublishedAt);

    public static void MapStaff(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/campaigns/{id:guid}/results", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ForStaffAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetSurveyResults")
            .Produces<SurveyResultsView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void MapPublic(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/results", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.PublishedAsync(ct)))
            .WithName("ListPublishedSurveyResults")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<IReadOnlyList<PublishedCampaignRow>>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/results/{id:guid}", async (Guid id, Handler handler, CancellationToken ct) =>
                (await handler.ForPublicAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetPublishedSurveyResults")
            .AllowAnonymous()
            .RequireRateLimiting(PublicDossierLookup.RateLimitPolicy)
            .Produces<SurveyResultsView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    public sealed class Handler(AppDbContext db, CampaignStore store)
    {
        public async Task<Result<SurveyResultsView>> ForStaffAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await store.LoadAsync(id, user, manage: false, tracked: false, ct);
            return loaded.IsFailure ? loaded.Error : await ComputeAsync(loaded.Value.Campaign, ct);
        }

        public async Task<Result<SurveyResultsView>> ForPublicAsync(Guid id, CancellationToken ct)
        {
            var campaign = await db.SurveyCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == SurveyCampaignStatus.Published, ct);
            return campaign is null ? new NotFoundError($"kết quả khảo sát đã công bố {id}") : await ComputeAsync(campaign, ct);
        }

        public async Task<IReadOnlyList<PublishedCampaignRow>> PublishedAsync(CancellationToken ct)
        {
            var published = await db.SurveyCampaigns.AsNoTracking().Where(c => c.Status == SurveyCampaignStatus.Published).ToListAsync(ct);
            return [.. published.OrderByDescending(c => c.PublishedAt).Select(c => new PublishedCampaignRow(c.Id, c.Year, c.Name, c.Level.ToString(), c.PublishedAt!.Value))];
        }

        /// <summary>The report of <paramref name="campaign"/> from all its responses.</summary>
        public async Task<SurveyResultsView> ComputeAsync(SurveyCampaign campaign, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(campaign);
            var questionnaire = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(q => q.Id == campaign.QuestionnaireId, ct);
            var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id).ToListAsync(ct);
            var report = SurveyIndexCalculator.Compute(campaign, questionnaire, responses);
            var names = await store.UnitNamesAsync(campaign, ct);
            var rows = report.Results
                .Select(r => new SurveyIndexRow(
                    r.UnitId, r.UnitId is { } unit ? names.GetValueOrDefault(unit, "") : null, r.Group?.Dimension.ToString(), r.Group?.Value,
                    r.Factor.ToString(), r.N, r.Value, r.Lower, r.Upper, r.IsSuppressed))
                .ToList();
            return new SurveyResultsView(
                campaign.Id, campaign.Name, campaign.Year, campaign.Level.ToString(), campaign.Status.ToString(), campaign.PublishedAt,
                new CampaignMethodView(campaign.OverallRule.ToString(), campaign.FactorRule.ToString(), campaign.MinCellSize), report.Responses, rows);
        }
    }
}
