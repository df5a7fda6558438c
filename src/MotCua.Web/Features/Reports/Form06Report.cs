using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Reports;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Reports;

/// <summary>GET /api/v1/reports/form06?unit&amp;period&amp;year&amp;month&amp;quarter&amp;from&amp;to (<see cref="ReportRequest"/>):
/// Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP; domain.md §12.3) for a unit and its child units (§8.3) over a period of §12.2
/// (calendar or ND 09/2019 cut-off) or any range of days, read from the kept statistics (two prefixes: the day before the
/// period and its last day), rows by level then sector, with the form's checks and the period rule it used.</summary>
/// <remarks>Who may read: anyone whose assignments let them read the unit's dossiers (role and unit, as the work list).
/// Figures are as of the last statistics run (a few seconds behind a transition).</remarks>
public static class Form06Report
{
    /// <summary>Longest period asked at once.</summary>
    public const int MaxDays = 5 * 366;

    public sealed record Row(string Kind, string? Level, string Label, int Total, int Online, int InPersonOrPostal, int CarriedOver,
        int Finished, int Early, int OnTime, int Late, int InProgress, int WithinDeadline, int Overdue);

    public sealed record View(Guid UnitId, string UnitName, DateOnly From, DateOnly To, string PeriodRule, int UnitsIncluded, IReadOnlyList<Row> Rows,
        Row Total, IReadOnlyList<string> Inconsistencies);

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/reports/form06", async ([AsParameters] ReportRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(request, user, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("Form06Report")
            .WithTags("Reports")
            .Produces<View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The form's checks (<see cref="Form06Row.Inconsistencies"/>) on each level's subtotal and the total, each
    /// failure prefixed by the row's label; empty when all hold.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<Row> rows, Row total) =>
        [.. rows.Where(r => r.Kind == "level").Append(total)
            .Select(r => new Form06Row(r.Label, r.Total, r.Online, r.InPersonOrPostal, r.CarriedOver, r.Finished, r.Early, r.OnTime, r.Late,
                r.InProgress, r.WithinDeadline, r.Overdue))
            .SelectMany(r => r.Inconsistencies().Select(p => $"{r.Label}: {p}"))];

    public sealed class Handler(AppDbContext db, ReportScope scope)
    {
        public async Task<Result<View>> Handle(ReportRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            var resolved = await scope.ResolveAsync(request, MaxDays, user, ct);
            return resolved.IsFailure ? resolved.Error : await ComputeAsync(resolved.Value, ct);
        }

        /// <summary>The form for a resolved unit and period, read from the statistics as they stand in the context's
        /// transaction (a recorded run reads them and their version in one).</summary>
        public async Task<View> ComputeAsync(ReportScope.Resolved resolved, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(resolved);
            var (unitId, units, period) = resolved;
            var (first, last) = (period.From, period.To);
            var unitName = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
            var before = await StatisticsReader.PrefixAsync(db, units, first.AddDays(-1), ct, perUnit: false);
            var until = await StatisticsReader.PrefixAsync(db, units, last, ct, perUnit: false);
            var procedureIds = before.Keys.Concat(until.Keys).Select(k => k.ProcedureId).Distinct().ToList();
            var procedures = await db.Procedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Level, p.Sector.Name }).ToDictionaryAsync(p => p.Id, ct);

            var rows = new List<Row>();
            var levels = new List<Form06Row>();
            var parts = before.Keys.Union(until.Keys)
                .Select(k => procedures.TryGetValue(k.ProcedureId, out var p)
                    ? (Key: k, Level: (ProcedureLevel?)p.Level, Sector: p.Name)
                    : (Key: k, Level: null, Sector: "(không rõ lĩnh vực)"))
                .ToList();
            foreach (var level in parts.GroupBy(p => p.Level).OrderBy(g => g.Key))
            {
                var sectors = level.GroupBy(p => p.Sector, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Form06Row.From(g.Key, g.Select(p => (p.Key.Channel, before.GetValueOrDefault(p.Key), until.GetValueOrDefault(p.Key)))))
                    .Where(r => r.Total > 0)
                    .ToList();
                if (sectors.Count == 0)
                {
                    continue;
                }

                var levelRow = Form06Row.Sum(LevelLabel(level.Key), sectors);
                levels.Add(levelRow);
                rows.Add(ToView("level", level.Key?.ToString(), levelRow));
                rows.AddRange(sectors.Select(r => ToView("sector", level.Key?.ToString(), r)));
            }

            var total = ToView("total", null, Form06Row.Sum("Tổng cộng", levels));
            return new View(unitId, unitName, first, last, period.Code, units.Count, rows, total, Check(rows, total));
        }

        private static string LevelLabel(ProcedureLevel? level) => level switch
        {
            ProcedureLevel.Province => "Cấp tỉnh",
            ProcedureLevel.Commune => "Cấp xã",
            _ => "Khác",
        };

        private static Row ToView(string kind, string? level, Form06Row r) => new(
            kind, level, r.Label, r.Total, r.Online, r.InPersonOrPostal, r.CarriedOver, r.Finished, r.Early, r.OnTime, r.Late, r.InProgress,
            r.WithinDeadline, r.Overdue);
    }

    /// <summary>Biểu 06 as a report of the builder and the run machinery (<see cref="IStandardReport"/>).</summary>
    public sealed class Definition(Handler handler) : IStandardReport
    {
        public string Code => Runs.Form06Rows.Report;

        public int DefinitionVersion => Runs.Form06Rows.DefinitionVersion;

        public int MaxDays => Form06Report.MaxDays;

        public string ResourcePrefix => "Report06_";

        public string FileName => "bieu-06";

        public IReadOnlyList<string> Columns { get; } =
            ["total", "online", "inPersonOrPostal", "carriedOver", "finished", "early", "onTime", "late", "inProgress", "withinDeadline", "overdue"];

        public IReadOnlyList<(string Key, int Span)> Groups { get; } = [("Group_Received", 4), ("Group_Finished", 4), ("Group_InProgress", 3)];

        public IReadOnlyList<string> Notes { get; } = ["Note_OnTime", "Note_WithinDeadline"];

        public bool IsPercent(int index) => false;

        public async Task<Result<ReportTable>> ComputeAsync(ReportScope.Resolved resolved, CancellationToken ct)
        {
            var view = await handler.ComputeAsync(resolved, ct);
            return new ReportTable(view.UnitId, view.UnitName, view.UnitsIncluded, [.. view.Rows.Select(Runs.Form06Rows.ToLine)], Runs.Form06Rows.ToLine(view.Total));
        }

        public IReadOnlyList<string> Check(IReadOnlyList<ReportLine> rows, ReportLine total) =>
            Form06Report.Check(rows.Select(Runs.Form06Rows.FromLine), Runs.Form06Rows.FromLine(total));
    }
}
