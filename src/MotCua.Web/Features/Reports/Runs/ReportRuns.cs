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

/// <summary>Recorded report runs (domain.md §12.3, reproducible reports): <c>POST /api/v1/reports/form06/runs</c> runs
/// Biểu 06 for a <see cref="ReportRequest"/> and records it (parameters, period rule, the statistics version read, the rows
/// and their SHA-256, <see cref="Form06Rows"/>); <c>GET /api/v1/reports/runs</c> lists the newest runs of the units the
/// caller may read; <c>GET /api/v1/reports/runs/{id}</c> gives one run with its rows. The page and the exports of a run
/// are rendered from its stored rows, so they agree, and the same closed period gives the same hash.</summary>
/// <remarks>Who may run or read: as <see cref="Form06Report"/>, anyone whose assignments let them read the unit's
/// dossiers (role and unit).</remarks>
public static class ReportRuns
{
    /// <summary>Most runs listed at once.</summary>
    public const int MaxListed = 100;

    public sealed record RunView(
        Guid Id, string Report, int DefinitionVersion, Guid UnitId, string UnitName, int UnitsIncluded, string PeriodRule, DateOnly From,
        DateOnly To, DateTime GeneratedAt, Guid GeneratedBy, long DataVersion, string RowsHash, IReadOnlyList<Row> Rows, Row Total,
        IReadOnlyList<string> Inconsistencies, IReadOnlyDictionary<string, string> Exports);

    public sealed record RunSummary(
        Guid Id, string Report, Guid UnitId, string UnitName, string PeriodRule, DateOnly From, DateOnly To, DateTime GeneratedAt,
        long DataVersion, string RowsHash);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/reports").RequireAuthorization(ApiAuth.Policy).WithTags("Reports");
        group.MapPost("/form06/runs", async (ReportRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.RunForm06Async(body, user, ct)).ToHttpResult(r => TypedResults.Created($"/api/v1/reports/runs/{r.Id}", r)))
            .WithName("RunForm06Report")
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

    public sealed class Handler(AppDbContext db, DossierAccess access, Form06Report.Handler form06, ReportScope scope, TimeProvider clock)
    {
        public async Task<Result<RunView>> RunForm06Async(ReportRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var resolved = await scope.ResolveAsync(request, Form06Report.MaxDays, user, ct);
            if (resolved.IsFailure)
            {
                return resolved.Error;
            }

            // The version and the rows from one snapshot (PostgreSQL repeatable read; SQLite transactions are serializable),
            // so that the recorded version is the one the rows were read at.
            long version;
            Form06Report.View view;
            await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct))
            {
                version = await DossierStatistics.VersionAsync(db, ct);
                view = await form06.ComputeAsync(resolved.Value, ct);
                await transaction.CommitAsync(ct);
            }

            var rows = Form06Rows.Format(view.Rows, view.Total);
            var run = new ReportRun
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                Report = Form06Rows.Report,
                DefinitionVersion = Form06Rows.DefinitionVersion,
                UnitId = view.UnitId,
                UnitName = view.UnitName,
                UnitsIncluded = view.UnitsIncluded,
                PeriodRule = resolved.Value.Period.Rule,
                PeriodFrom = view.From,
                PeriodTo = view.To,
                GeneratedAt = clock.GetUtcNow().UtcDateTime,
                GeneratedBy = DossierAccess.UserId(user)!.Value,
                DataVersion = version,
                RowsHash = Form06Rows.Hash(rows),
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

        private static RunView ToView(ReportRun run)
        {
            var (rows, total) = Form06Rows.Parse(run.Rows);
            return new RunView(
                run.Id, run.Report, run.DefinitionVersion, run.UnitId, run.UnitName, run.UnitsIncluded, ReportPeriod.Codes[run.PeriodRule],
                run.PeriodFrom, run.PeriodTo, run.GeneratedAt, run.GeneratedBy, run.DataVersion, run.RowsHash, rows, total,
                Form06Report.Check(rows, total), ExportLinks(run.Id));
        }
    }
}
