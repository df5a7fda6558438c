using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Reports;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;
using MotCua.Web.Api;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Reports;

namespace MotCua.Web.Features.Dashboard;

/// <summary>GET /api/v1/dashboard?unit&amp;year: the operations dashboard (IOC) of a unit and its child units (domain.md
/// §8.3) for a calendar year up to today: the monthly trend, the breakdown one level down (child units, or procedures
/// at a unit without children) and the satisfaction rates, in Biểu 06's terms (<see cref="DashboardFigures"/>).</summary>
/// <remarks>Read from the kept statistics only (two prefixes and the year's month rows, never the dossiers), so a
/// province-year costs the same at 1 M dossiers as at 1 000; the satisfaction rates are those of
/// <see cref="FeedbackRates"/> for the same days. Who may read: as Biểu 06 (<see cref="UnitPeriodQuery"/>).</remarks>
public static class DashboardData
{
    /// <summary>One month of the trend; <see cref="DashboardFigures.OverdueOpen"/> is the standing at
    /// <paramref name="LastDay"/>, the month's end or, in the current month, today.</summary>
    public sealed record Month(int Number, DateOnly LastDay, DashboardFigures Figures);

    /// <summary>One row of the breakdown: a child unit with its own subtree (<c>unit</c>, which has a dashboard of its
    /// own; listed while it exists, with zeros if need be), the unit's own dossiers when it also has children (<c>own</c>), or a procedure (<c>procedure</c>).</summary>
    public sealed record Part(string Kind, Guid Id, string Name, string? Code, DashboardFigures Figures);

    /// <summary>One satisfaction rate of <see cref="FeedbackRates"/>: a percent, or null with <c>NoData</c> when its
    /// denominator is 0.</summary>
    public sealed record Rate(string Indicator, int Numerator, int Denominator, decimal? Percent, bool NoData);

    /// <summary>766 §5.4 (receiving and handling dossiers), §5.2 (PAKN on time) and §5.3 (satisfaction in PAKN handling).</summary>
    public sealed record Satisfaction(Rate Dossiers, Rate PaknOnTime, Rate PaknHandling);

    /// <summary>One group of the 766 scorecard (domain.md §8.2): its number (1–6), its key, its points (null when none
    /// of its indicators has a figure) and maximum.</summary>
    public sealed record IndexGroup(int Number, string Group, decimal? Points, decimal MaxPoints);

    /// <summary>The unit's 766 scorecard for the year (<see cref="ServiceIndex.ScorecardEvaluator"/>, the scorecard page's
    /// figures): total over the indicators with a figure, and each group.</summary>
    public sealed record ServiceIndexSummary(decimal TotalPoints, decimal MaxPoints, decimal ScoredMaxPoints, IReadOnlyList<IndexGroup> Groups);

    public sealed record View(
        Guid UnitId, string UnitName, Guid? ParentUnitId, int Year, DateOnly From, DateOnly AsOf, int UnitsIncluded, DashboardFigures Total,
        IReadOnlyList<Month> Months, string BreakdownBy, IReadOnlyList<Part> Breakdown, Satisfaction? Satisfaction,
        ServiceIndexSummary? ServiceIndex);

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/dashboard", async (Guid? unit, int? year, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(unit, year, user, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("Dashboard")
            .WithTags("Dashboard")
            .Produces<View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public sealed class Handler(
        AppDbContext db, UnitPeriodQuery query, FeedbackRates.Handler rates, ServiceIndex.ScorecardEvaluator scorecards, TimeProvider clock)
    {
        public async Task<Result<View>> Handle(Guid? unit, int? year, ClaimsPrincipal user, CancellationToken ct)
        {
            var today = VietnamTime.Today(clock);
            var y = year ?? today.Year;
            if (y is < 2000 or > 2100)
            {
                return ValidationFailed.One("year", new FieldMessage("period.years", "Kỳ phải nằm trong các năm 2000–2100."));
            }

            if (y > today.Year)
            {
                return ValidationFailed.One("year", new FieldMessage("dashboard.year_not_started", "Năm {0} chưa bắt đầu.", y));
            }

            var first = new DateOnly(y, 1, 1);
            var asOf = y < today.Year ? new DateOnly(y, 12, 31) : today;
            var scope = await query.ResolveAsync(unit, first, asOf, 366, user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var (unitId, units, _, _) = scope.Value;
            var tree = await db.OrganisationalUnits.AsNoTracking().Where(u => units.Contains(u.Id))
                .Select(u => new { u.Id, u.Name, u.IdentifierCode, u.ParentId, u.ValidFrom, u.ValidTo }).ToDictionaryAsync(u => u.Id, ct);
            var self = tree[unitId];
            var children = tree.Values.Where(u => u.ParentId == unitId).ToList();
            var byProcedure = children.Count == 0;
            var groups = byProcedure ? StatGroups.Procedure : StatGroups.Unit;
            var before = await StatisticsReader.PrefixAsync(db, units, first.AddDays(-1), groups, ct);
            var until = await StatisticsReader.PrefixAsync(db, units, asOf, groups, ct);

            // Each unit of the subtree counts under the child of the chosen unit it belongs to, or as the unit's own.
            Guid PartOf(StatisticsReader.GroupKey key)
            {
                if (byProcedure)
                {
                    return key.ProcedureId;
                }

                var id = key.UnitId;
                while (id != unitId && tree[id].ParentId is { } parent && parent != unitId)
                {
                    id = parent;
                }

                return id;
            }

            var figures = before.Keys.Union(until.Keys).GroupBy(PartOf).ToDictionary(g => g.Key, g => DashboardFigures.From(
                g.Select(k => (k.Channel, until.GetValueOrDefault(k) - before.GetValueOrDefault(k))), g.Sum(k => until.GetValueOrDefault(k).Overdue)));
            var breakdown = byProcedure
                ? await ProceduresAsync(figures, ct)
                : Units(unitId, self.Name, self.IdentifierCode, children.Where(c => (c.ValidFrom <= asOf && (c.ValidTo is null || c.ValidTo >= first)) || figures.ContainsKey(c.Id))
                    .Select(c => (c.Id, c.Name, c.IdentifierCode)), figures);
            var total = DashboardFigures.Sum(figures.Values);
            var months = await MonthsAsync(units, first, asOf, before, until, ct);
            var satisfaction = await SatisfactionAsync(unitId, first, asOf, user, ct);
            var index = await scorecards.EvaluateAsync(unitId, Domain.ServiceIndex.ScorecardPeriod.Year(y), ct);
            var summary = index.IsFailure ? null : new ServiceIndexSummary(
                index.Value.Scorecard.TotalPoints, index.Value.Scorecard.MaxPoints, index.Value.Scorecard.ScoredMaxPoints,
                [.. index.Value.Scorecard.Groups.Select(g => new IndexGroup((int)g.Group, g.Group.ToString(), g.Points, g.MaxPoints))]);
            return new View(
                unitId, self.Name, self.ParentId, y, first, asOf, units.Count, total, months, byProcedure ? "procedure" : "unit", breakdown, satisfaction,
                summary);
        }

        // Whole months from their month rows; the current month, not yet ended, as what the prefix to today adds to them.
        private async Task<List<Month>> MonthsAsync(
            HashSet<Guid> units, DateOnly first, DateOnly asOf, Dictionary<StatisticsReader.GroupKey, DossierCounts> before,
            Dictionary<StatisticsReader.GroupKey, DossierCounts> until, CancellationToken ct)
        {
            var lastMonth = new DateOnly(asOf.Year, asOf.Month, 1);
            var lastWholeMonth = asOf == lastMonth.AddMonths(1).AddDays(-1) ? lastMonth : lastMonth.AddMonths(-1);
            var rows = lastWholeMonth >= first
                ? await StatisticsReader.MonthsAsync(db, units, first, lastWholeMonth, StatGroups.None, ct)
                : [];
            var overdue = before.Values.Sum(c => c.Overdue);
            var counted = new Dictionary<Domain.Dossiers.DossierChannel, DossierCounts>();
            var months = new List<Month>();
            for (var month = first; month <= lastMonth; month = month.AddMonths(1))
            {
                List<(Domain.Dossiers.DossierChannel Channel, DossierCounts Flow)> flows;
                DateOnly lastDay;
                if (month <= lastWholeMonth)
                {
                    flows = [.. rows.Where(r => r.Key.Month == month).Select(r => (r.Key.Key.Channel, r.Value))];
                    overdue += flows.Sum(f => f.Flow.Overdue);
                    lastDay = month.AddMonths(1).AddDays(-1);
                }
                else
                {
                    flows = [.. until.Keys.Union(before.Keys).GroupBy(k => k.Channel).Select(g => (g.Key,
                        g.Aggregate(default(DossierCounts), (sum, k) => sum + until.GetValueOrDefault(k) - before.GetValueOrDefault(k)) - counted.GetValueOrDefault(g.Key)))];
                    overdue = until.Values.Sum(c => c.Overdue);
                    lastDay = asOf;
                }

                foreach (var (channel, flow) in flows)
                {
                    counted[channel] = counted.GetValueOrDefault(channel) + flow;
                }

                months.Add(new Month(month.Month, lastDay, DashboardFigures.From(flows, overdue)));
            }

            return months;
        }

        private static List<Part> Units(
            Guid unitId, string unitName, string unitCode, IEnumerable<(Guid Id, string Name, string Code)> children, Dictionary<Guid, DashboardFigures> figures)
        {
            var parts = children.Select(c => new Part("unit", c.Id, c.Name, c.Code, figures.GetValueOrDefault(c.Id) ?? DashboardFigures.Zero))
                .OrderBy(p => VietnameseText.Fold(p.Name), StringComparer.Ordinal).ToList();
            if (figures.TryGetValue(unitId, out var own))
            {
                parts.Insert(0, new Part("own", unitId, unitName, unitCode, own));
            }

            return parts;
        }

        private async Task<List<Part>> ProceduresAsync(Dictionary<Guid, DashboardFigures> figures, CancellationToken ct)
        {
            var ids = figures.Keys.ToList();
            var procedures = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Name, p.Code }).ToDictionaryAsync(p => p.Id, ct);
            return [.. figures.Where(f => !f.Value.IsZero())
                .Select(f => procedures.TryGetValue(f.Key, out var p)
                    ? new Part("procedure", f.Key, p.Name, p.Code.Value, f.Value)
                    : new Part("procedure", f.Key, "(không rõ thủ tục)", null, f.Value))
                .OrderByDescending(p => p.Figures.Received).ThenBy(p => VietnameseText.Fold(p.Name), StringComparer.Ordinal)];
        }

        private async Task<Satisfaction?> SatisfactionAsync(Guid unitId, DateOnly first, DateOnly asOf, ClaimsPrincipal user, CancellationToken ct)
        {
            var found = await rates.Handle(unitId, first, asOf, user, ct, listed: 0);
            if (found.IsFailure)
            {
                return null;
            }

            static Rate Of(FeedbackRates.RateView r) => new(r.Indicator, r.Numerator, r.Denominator, r.Percent, r.NoData);
            return new Satisfaction(Of(found.Value.DossierSatisfaction), Of(found.Value.PaknOnTime), Of(found.Value.PaknSatisfaction));
        }
    }
}
