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
            var procedures = await SectorsAsync(db, before, until, ct);
            var groups = before.Keys.Union(until.Keys)
                .Select(k => (Key: k, Level: procedures.TryGetValue(k.ProcedureId, out var p) ? (ProcedureLevel?)p.Level : null, Sector: Sector(procedures, k)))
                .GroupBy(p => p.Level).OrderBy(g => g.Key)
                .Select(g => (g.Key?.ToString(), LevelLabel(g.Key), g.Select(p => (p.Key, p.Sector))));
            var (rows, total) = Lines(groups, before, until);
            return new View(unitId, unitName, first, last, period.Code, units.Count, rows, total, Check(rows, total));
        }

        /// <summary>The level and sector of each procedure in the prefixes' keys.</summary>
        internal static async Task<Dictionary<Guid, (ProcedureLevel Level, string Sector)>> SectorsAsync(
            AppDbContext db, Dictionary<StatisticsReader.GroupKey, DossierCounts> before, Dictionary<StatisticsReader.GroupKey, DossierCounts> until,
            CancellationToken ct)
        {
            var procedureIds = before.Keys.Concat(until.Keys).Select(k => k.ProcedureId).Distinct().ToList();
            return await db.Procedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Level, p.Sector.Name }).ToDictionaryAsync(p => p.Id, p => (p.Level, p.Name), ct);
        }

        /// <summary>The sector of a key's procedure.</summary>
        internal static string Sector(Dictionary<Guid, (ProcedureLevel Level, string Sector)> procedures, StatisticsReader.GroupKey key) =>
            procedures.TryGetValue(key.ProcedureId, out var p) ? p.Sector : "(không rõ lĩnh vực)";

        /// <summary>The form's lines from two prefixes: for each group in the given order (a procedure level, a receiving
        /// desk), its subtotal (<c>level</c>) then one line per sector in ordinal order (<c>sector</c>), groups and sectors
        /// with nothing left out; and the total.</summary>
        internal static (List<Row> Rows, Row Total) Lines(
            IEnumerable<(string? Code, string Label, IEnumerable<(StatisticsReader.GroupKey Key, string Sector)> Parts)> groups,
            Dictionary<StatisticsReader.GroupKey, DossierCounts> before, Dictionary<StatisticsReader.GroupKey, DossierCounts> until)
        {
            var rows = new List<Row>();
            var levels = new List<Form06Row>();
            foreach (var (code, label, parts) in groups)
            {
                var sectors = parts.GroupBy(p => p.Sector, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Form06Row.From(g.Key, g.Select(p => (p.Key.Channel, before.GetValueOrDefault(p.Key), until.GetValueOrDefault(p.Key)))))
                    .Where(r => r.Total > 0)
                    .ToList();
                if (sectors.Count == 0)
                {
                    continue;
                }

                var levelRow = Form06Row.Sum(label, sectors);
                levels.Add(levelRow);
                rows.Add(ToView("level", code, levelRow));
                rows.AddRange(sectors.Select(r => ToView("sector", code, r)));
            }

            return (rows, ToView("total", null, Form06Row.Sum("Tổng cộng", levels)));
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

    /// <summary>Columns 3–13 by name, as <see cref="Row"/> has them.</summary>
    public static readonly IReadOnlyList<string> ColumnNames =
        ["total", "online", "inPersonOrPostal", "carriedOver", "finished", "early", "onTime", "late", "inProgress", "withinDeadline", "overdue"];

    /// <summary>The header groups over columns 3–13 (resource keys after the prefix).</summary>
    public static readonly IReadOnlyList<(string Key, int Span)> GroupLayout = [("Group_Received", 4), ("Group_Finished", 4), ("Group_InProgress", 3)];

    /// <summary>The form's two notes (resource keys after the prefix).</summary>
    public static readonly IReadOnlyList<string> NoteKeys = ["Note_OnTime", "Note_WithinDeadline"];

    /// <summary>Biểu 06 lines as a report table.</summary>
    public static ReportTable Table(Guid unitId, string unitName, int unitsIncluded, IEnumerable<Row> rows, Row total) =>
        new(unitId, unitName, unitsIncluded, [.. rows.Select(Runs.Form06Rows.ToLine)], Runs.Form06Rows.ToLine(total));

    /// <summary><see cref="Check(IEnumerable{Row}, Row)"/> on report lines.</summary>
    public static IReadOnlyList<string> CheckLines(IReadOnlyList<ReportLine> rows, ReportLine total) =>
        Check(rows.Select(Runs.Form06Rows.FromLine), Runs.Form06Rows.FromLine(total));

    /// <summary>Biểu 06 as a report of the builder and the run machinery (<see cref="IStandardReport"/>).</summary>
    public sealed class Definition(Handler handler) : IStandardReport
    {
        public string Code => Runs.Form06Rows.Report;

        public int DefinitionVersion => Runs.Form06Rows.DefinitionVersion;

        public int MaxDays => Form06Report.MaxDays;

        public string ResourcePrefix => "Report06_";

        public string FileName => "bieu-06";

        public IReadOnlyList<string> Columns => ColumnNames;

        public IReadOnlyList<(string Key, int Span)> Groups => GroupLayout;

        public IReadOnlyList<string> Notes => NoteKeys;

        public bool IsPercent(int index) => false;

        public async Task<Result<ReportTable>> ComputeAsync(ReportScope.Resolved resolved, CancellationToken ct)
        {
            var view = await handler.ComputeAsync(resolved, ct);
            return Table(view.UnitId, view.UnitName, view.UnitsIncluded, view.Rows, view.Total);
        }

        public IReadOnlyList<string> Check(IReadOnlyList<ReportLine> rows, ReportLine total) => CheckLines(rows, total);
    }
}
