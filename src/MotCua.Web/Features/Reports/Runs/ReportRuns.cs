using System.Data;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Reports;
using MotCua.Persistence;
using MotCua.Persistence.Reports;
using MotCua.Persistence.Statistics;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;
using Row = MotCua.Web.Features.Reports.Form06Report.Row;

namespace MotCua.Web.Features.Reports.Runs;

/// <summary>Recorded report runs (domain.md §12.3, reproducible reports): <c>POST /api/v1/reports/{report}/runs</c>
/// (<c>form06</c>, <c>pakn</c>, <c>onestop</c>) runs a standard report (<see cref="IStandardReport"/>) for a
/// <see cref="ReportRequest"/> and records it (parameters, period rule, the statistics version read, the rows and their
/// SHA-256, <see cref="ReportRows"/>); <c>GET /api/v1/reports/runs</c> lists the newest runs of the units the caller may
/// read; <c>GET /api/v1/reports/runs/{id}</c> gives one run with its rows. The page and the exports of a run are rendered
/// from its stored rows, so they agree, and the same closed period gives the same hash.</summary>
/// <remarks>Who may run or read: as <see cref="Form06Report"/>, anyone whose assignments let them read the unit's
/// dossiers (role and unit).</remarks>
public static class ReportRuns
{
    /// <summary>Most runs listed at once.</summary>
    public const int MaxListed = 100;

    /// <summary>One run. <c>Columns</c> names the value columns of <c>Lines</c> (every row, the total last); a Biểu 06 run
    /// also gives them as named <c>Rows</c> and <c>Total</c>, as its report does (empty and null for other reports).</summary>
    public sealed record RunView(
        Guid Id, string Report, int DefinitionVersion, Guid UnitId, string UnitName, int UnitsIncluded, string PeriodRule, DateOnly From,
        DateOnly To, DateTime GeneratedAt, Guid GeneratedBy, long DataVersion, string RowsHash, IReadOnlyList<Row> Rows, Row? Total,
        IReadOnlyList<string> Inconsistencies, IReadOnlyDictionary<string, string> Exports, IReadOnlyList<string> Columns,
        IReadOnlyList<ReportLine> Lines);

    public sealed record RunSummary(
        Guid Id, string Report, Guid UnitId, string UnitName, string PeriodRule, DateOnly From, DateOnly To, DateTime GeneratedAt,
        long DataVersion, string RowsHash);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/reports").RequireAuthorization(ApiAuth.Policy).WithTags("Reports");
        group.MapPost("/{report}/runs", async (string report, ReportRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.RunAsync(report, body, user, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/reports/runs/{r.Id}", r)))
            .WithName("RunReport")
            .Produces<RunView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/runs", async (Guid? unit, int? limit, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(unit, limit, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListReportRuns")
            .Produces<IReadOnlyList<RunSummary>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/runs/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetReportRun")
            .Produces<RunView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Where a run's exports are downloaded, by format.</summary>
    public static IReadOnlyDictionary<string, string> ExportLinks(Guid id) =>
        Exports.ReportExports.Formats.ToDictionary(f => f, f => $"/api/v1/reports/runs/{id}/export?format={f}", StringComparer.Ordinal);

    public sealed class Handler(AppDbContext db, DossierAccess access, StandardReports reports, ReportScope scope, TimeProvider clock)
    {
        public Task<Result<RunView>> RunForm06Async(ReportRequest request, ClaimsPrincipal user, CancellationToken ct) =>
            RunAsync(Form06Rows.Report, request, user, ct);

        /// <summary>Runs the report of <paramref name="code"/> and records the run.</summary>
        public async Task<Result<RunView>> RunAsync(string? code, ReportRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (reports.Find(code) is not { } report)
            {
                return ValidationFailed.One("report", new FieldMessage("report.unknown", "Chọn một báo cáo trong danh sách."));
            }

            var resolved = await scope.ResolveAsync(request, report.MaxDays, user, ct);
            if (resolved.IsFailure)
            {
                return resolved.Error;
            }

            // The version and the rows from one snapshot (PostgreSQL repeatable read; SQLite transactions are serializable),
            // so that the recorded version is the one the rows were read at.
            long version;
            ReportTable view;
            await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct))
            {
                version = await DossierStatistics.VersionAsync(db, ct);
                var computed = await report.ComputeAsync(resolved.Value, ct);
                if (computed.IsFailure)
                {
                    return computed.Error;
                }

                view = computed.Value;
                await transaction.CommitAsync(ct);
            }

            var rows = ReportRows.Format(view.Rows, view.Total);
            var period = resolved.Value.Period;
            var run = new ReportRun
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                Report = report.Code,
                DefinitionVersion = report.DefinitionVersion,
                UnitId = view.UnitId,
                UnitName = view.UnitName,
                UnitsIncluded = view.UnitsIncluded,
                PeriodRule = resolved.Value.Period.Rule,
                PeriodFrom = period.From,
                PeriodTo = period.To,
                GeneratedAt = clock.GetUtcNow().UtcDateTime,
                GeneratedBy = DossierAccess.UserId(user)!.Value,
                DataVersion = version,
                RowsHash = ReportRows.Hash(rows),
                Rows = rows,
            };
            db.ReportRuns.Add(run);
            await db.SaveChangesAsync(ct);
            return ToView(run);
        }

        public async Task<Result<RunView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var run = await db.ReportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (run is null)
            {
                return new NotFoundError($"lần chạy báo cáo {id}");
            }

            return (await access.ReadableUnitsAsync(userId, ct)).Contains(run.UnitId)
                ? ToView(run)
                : new OutOfScope("báo cáo của đơn vị không thuộc phạm vi của bạn");
        }

        /// <summary>The newest runs (at most <paramref name="limit"/>, 20 by default) of <paramref name="unit"/>, or of every
        /// unit the caller may read.</summary>
        public async Task<Result<IReadOnlyList<RunSummary>>> ListAsync(Guid? unit, int? limit, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var readable = await access.ReadableUnitsAsync(userId, ct);
            if (unit is { } one && !readable.Contains(one))
            {
                return new OutOfScope("đơn vị không thuộc phạm vi của bạn");
            }

            List<Guid> units = unit is { } only ? [only] : [.. readable];
            var take = Math.Clamp(limit ?? 20, 1, MaxListed);
            var runs = await db.ReportRuns.AsNoTracking().Where(r => units.Contains(r.UnitId))
                .OrderByDescending(r => r.GeneratedAt).ThenByDescending(r => r.Id).Take(take)
                .Select(r => new { r.Id, r.Report, r.UnitId, r.UnitName, r.PeriodRule, r.PeriodFrom, r.PeriodTo, r.GeneratedAt, r.DataVersion, r.RowsHash })
                .ToListAsync(ct);
            return runs.Select(r => new RunSummary(
                r.Id, r.Report, r.UnitId, r.UnitName, ReportPeriod.Codes[r.PeriodRule], r.PeriodFrom, r.PeriodTo, r.GeneratedAt, r.DataVersion, r.RowsHash)).ToList();
        }

        private RunView ToView(ReportRun run)
        {
            var (rows, total) = ReportRows.Parse(run.Rows);
            var report = reports.Find(run.Report);
            var form06 = run.Report == Form06Rows.Report;
            return new RunView(
                run.Id, run.Report, run.DefinitionVersion, run.UnitId, run.UnitName, run.UnitsIncluded, ReportPeriod.Codes[run.PeriodRule],
                run.PeriodFrom, run.PeriodTo, run.GeneratedAt, run.GeneratedBy, run.DataVersion, run.RowsHash,
                form06 ? [.. rows.Select(Form06Rows.FromLine)] : [], form06 ? Form06Rows.FromLine(total) : null,
                report?.Check(rows, total) ?? [], ExportLinks(run.Id), report?.Columns ?? [], [.. rows.Append(total)]);
        }
    }
}
