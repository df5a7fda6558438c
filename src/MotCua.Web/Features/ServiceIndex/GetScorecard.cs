using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>GET /api/v1/serviceindex/scorecard?unit&amp;year&amp;quarter|month (or from&amp;to)&amp;whatIf: every indicator of
/// the 766 set in force on the period's last day for a unit with its child units (domain.md §8.2–8.3): counts, ratio,
/// points, maximum, points lost, and where the counts come from (computed, imported, not available, not applicable);
/// with <c>whatIf=N</c>, for each computed indicator, the points regained if N of its lost items had been fine.</summary>
public static class GetScorecard
{
    /// <summary>The largest what-if asked.</summary>
    public const int MaxWhatIf = 1_000_000;

    public sealed record WhatIfView(long Fixed, decimal PointsAfter, decimal Regained);

    public sealed record PortalView(long Numerator, long Denominator, decimal? Ratio, decimal? Points);

    /// <summary>One indicator. <c>Source</c>: computed, imported, notAvailable or notApplicable. <c>LostItems</c>: how many
    /// items count against a computed indicator (denominator − numerator); <c>HasItems</c>: whether
    /// <c>…/scorecard/{id}/items</c> lists them (2.1, 5.2, 5.3, 5.4).</summary>
    public sealed record IndicatorView(
        string Id, string? MetricCode, string Name, string Source, long? Numerator, long? Denominator, decimal? Ratio, decimal? Points,
        decimal MaxPoints, decimal PointsLost, bool Verified, string? Note, long LostItems, bool HasItems, PortalView? Portal, WhatIfView? WhatIf);

    public sealed record GroupView(string Group, int Number, decimal? Points, decimal MaxPoints, decimal PointsLost, IReadOnlyList<IndicatorView> Indicators);

    public sealed record View(
        Guid UnitId, string UnitName, string UnitLevel, string PeriodKind, string PeriodLabel, DateOnly From, DateOnly To, int UnitsIncluded,
        string SetVersion, decimal TotalPoints, decimal MaxPoints, decimal ScoredMaxPoints, decimal PointsLost, int? WhatIf,
        IReadOnlyList<GroupView> Groups);

    /// <summary>The indicators whose lost items <see cref="ScorecardItems"/> lists.</summary>
    public static readonly IReadOnlySet<string> Listed = new HashSet<string>(StringComparer.Ordinal) { "2.1", "4.1", "4.2", "4.3", "5.2", "5.3", "5.4" };

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/serviceindex/scorecard", async (
                Guid? unit, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to, int? whatIf, ClaimsPrincipal user, Handler handler,
                CancellationToken ct) =>
                (await handler.Handle(new Query(unit, year, quarter, month, from, to), whatIf, user, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("ServiceIndexScorecard")
            .WithTags("ServiceIndex")
            .Produces<View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The unit and period parameters every scorecard read shares.</summary>
    public sealed record Query(Guid? Unit, int? Year, int? Quarter, int? Month, DateOnly? From, DateOnly? To);

    public sealed class Handler(AppDbContext db, ScorecardScope scopes, ScorecardEvaluator evaluator)
    {
        public async Task<Result<View>> Handle(Query q, int? whatIf, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(q);
            if (whatIf is < 0 or > MaxWhatIf)
            {
                return ValidationFailed.One("whatIf", new FieldMessage("serviceindex.what_if", "Số hồ sơ giả định phải từ 0 đến {0}.", MaxWhatIf));
            }

            var scope = await scopes.ResolveAsync(q.Unit, q.Year, q.Quarter, q.Month, q.From, q.To, user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var (unitId, units, period) = scope.Value;
            var evaluated = await evaluator.EvaluateAsync(unitId, period, ct);
            if (evaluated.IsFailure)
            {
                return evaluated.Error;
            }

            var unit = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Level }).SingleAsync(ct);
            var card = evaluated.Value.Scorecard;
            var groups = card.Groups.Select(g => new GroupView(
                g.Group.ToString(), (int)g.Group, g.Points, g.MaxPoints, g.PointsLost,
                [.. card.Rows.Where(r => r.Definition.Group == g.Group).Select(r => ToView(r, whatIf))])).ToList();
            return new View(
                unitId, unit.Name, unit.Level.ToString(), period.Kind.ToString(), period.Label, period.First, period.Last, units.Count,
                card.Set.Version, card.TotalPoints, card.MaxPoints, card.ScoredMaxPoints, card.PointsLost, whatIf, groups);
        }

        private static IndicatorView ToView(ScorecardRow row, int? whatIf)
        {
            var d = row.Definition;
            var s = row.Score;
            var computed = row.Source == FigureSource.Computed && s is not null;
            var lost = computed ? s!.Denominator - s.Numerator : 0;
            var what = computed && whatIf is { } n && WhatIf.For(s!, n) is { } w ? new WhatIfView(w.Fixed, w.PointsAfter, w.Regained) : null;
            return new IndicatorView(
                d.Id, d.MetricCode, d.Name, SourceName(row.Source), s?.Numerator, s?.Denominator, s?.PresentedRatio, s?.PresentedPoints,
                row.MaxPoints, row.PointsLost, d.Verified, row.Note, Math.Max(0, lost), computed && lost > 0 && Listed.Contains(d.Id),
                row.Portal is { } p ? new PortalView(p.Numerator, p.Denominator, p.PresentedRatio, p.PresentedPoints) : null, what);
        }

        private static string SourceName(FigureSource source) => source switch
        {
            FigureSource.Computed => "computed",
            FigureSource.Imported => "imported",
            FigureSource.NotApplicable => "notApplicable",
            _ => "notAvailable",
        };
    }
}
