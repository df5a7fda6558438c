using MotCua.Domain.Calendar;
using MotCua.Domain.ServiceIndex;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>GET /api/v1/serviceindex/indicators?date: the 766 indicator set in force on a date (default today), with each
/// indicator's rule as versioned data (domain.md §8.3), and which of them MotCua computes from its own data.</summary>
public static class ListIndicators
{
    /// <summary>The indicators MotCua computes (the others need imported figures): 2.1 and 3.4 from the dossier statistics,
    /// group 6 from the feedback rates.</summary>
    public static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.Ordinal) { "2.1", "3.4", "4.1", "4.2", "4.3", "5.1a", "5.1b", "5.2", "5.3", "5.4" };

    public sealed record IndicatorView(
        string Id, string? MetricCode, string Group, string Name, decimal MaxPoints, string Conversion, decimal? TargetPercent, decimal? Cap,
        string ZeroDenominator, decimal? PointsWhenNone, string Scope, bool Verified, bool ComputedByMotCua);

    public sealed record View(string Version, DateOnly EffectiveFrom, string Source, IReadOnlyList<IndicatorView> Indicators);

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/serviceindex/indicators", (DateOnly? date, TimeProvider clock) =>
            {
                var set = IndicatorSetJson.Default.For(date ?? VietnamTime.Today(clock));
                return TypedResults.Ok(new View(set.Version, set.EffectiveFrom, set.Source, [.. set.Indicators.Select(i => new IndicatorView(
                    i.Id, i.MetricCode, i.Group.ToString(), i.Name, i.MaxPoints, i.Conversion.ToString(), i.TargetPercent, i.Cap,
                    i.ZeroDenominator.ToString(), i.PointsWhenNone, i.Scope.ToString(), i.Verified, Computed.Contains(i.Id)))]));
            })
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("ServiceIndexIndicators")
            .WithTags("ServiceIndex")
            .Produces<View>();
}
