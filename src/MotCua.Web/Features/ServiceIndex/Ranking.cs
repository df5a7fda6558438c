using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>GET /api/v1/serviceindex/ranking?unit&amp;year&amp;quarter|month (or from&amp;to): the unit's child units of one level
/// (a province's departments and communes, each with its own children, domain.md §8.3) ranked by total points for the
/// period, with the movement since the previous period of the same kind (month → previous month, quarter → previous
/// quarter, year → previous year).</summary>
public static class Ranking
{
    /// <summary>One ranked unit. <c>Movement</c>: places gained since the previous period (positive: up), null when the
    /// unit was not ranked then.</summary>
    public sealed record Row(
        int Rank, Guid UnitId, string UnitName, string UnitLevel, decimal Points, decimal MaxPoints, decimal ScoredMaxPoints,
        int? PreviousRank, decimal? PreviousPoints, int? Movement);

    public sealed record View(Guid UnitId, string UnitName, string PeriodLabel, DateOnly From, DateOnly To, string PreviousLabel, IReadOnlyList<Row> Rows);

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/serviceindex/ranking", async (
                Guid? unit, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetScorecard.Query(unit, year, quarter, month, from, to), user, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("ServiceIndexRanking")
            .WithTags("ServiceIndex")
            .Produces<View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(AppDbContext db, ScorecardScope scopes, ScorecardEvaluator evaluator)
    {
        public async Task<Result<View>> Handle(GetScorecard.Query q, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(q);
            var scope = await scopes.ResolveAsync(q.Unit, q.Year, q.Quarter, q.Month, q.From, q.To, user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var (unitId, _, period) = scope.Value;
            var previous = period.Previous();
            var units = await db.OrganisationalUnits.AsNoTracking().ToListAsync(ct);
            var children = units.Where(u => u.ParentId == unitId && (u.IsValidOn(period.Last) || u.IsValidOn(previous.Last))).ToList();
            var ids = children.Select(c => c.Id).ToList();
            var now = await evaluator.EvaluateManyAsync(ids, period, ct);
            if (now.IsFailure)
            {
                return now.Error;
            }

            var before = await evaluator.EvaluateManyAsync(ids, previous, ct);
            if (before.IsFailure)
            {
                return before.Error;
            }

            var current = Ranks(children.Where(c => c.IsValidOn(period.Last)).Select(c => (c.Id, now.Value[c.Id].Scorecard)));
            var earlier = Ranks(children.Where(c => c.IsValidOn(previous.Last)).Select(c => (c.Id, before.Value[c.Id].Scorecard)))
                .ToDictionary(r => r.Id);
            var rows = current.Select(r =>
            {
                var unit = children.First(c => c.Id == r.Id);
                var was = earlier.GetValueOrDefault(r.Id);
                return new Row(
                    r.Rank, r.Id, unit.Name, unit.Level.ToString(), r.Card.TotalPoints, r.Card.MaxPoints, r.Card.ScoredMaxPoints,
                    was?.Rank, was?.Card.TotalPoints, was is null ? null : was.Rank - r.Rank);
            }).ToList();
            var name = units.First(u => u.Id == unitId).Name;
            return new View(unitId, name, period.Label, period.First, period.Last, previous.Label, rows);
        }

        private sealed record Ranked(int Rank, Guid Id, Scorecard Card);

        // Competition ranking (1, 2, 2, 4): equal points share a place; ties listed by unit id for a stable order.
        private static List<Ranked> Ranks(IEnumerable<(Guid Id, Scorecard Card)> cards)
        {
            var ordered = cards.OrderByDescending(c => c.Card.TotalPoints).ThenBy(c => c.Id).ToList();
            return [.. ordered.Select(c => new Ranked(1 + ordered.Count(o => o.Card.TotalPoints > c.Card.TotalPoints), c.Id, c.Card))];
        }
    }
}
