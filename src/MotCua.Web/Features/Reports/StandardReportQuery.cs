using System.Security.Claims;
using MotCua.Domain.Common;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Reports;

/// <summary><c>GET /api/v1/reports/form06-desk</c>, <c>/pakn</c> and <c>/onestop</c> with the parameters of
/// <see cref="ReportRequest"/>: the service-centre Biểu 06 (<see cref="Form06DeskReport"/>), the PAKN report
/// (<see cref="PaknReport"/>) and the one-stop summary (<see cref="OneStopReport"/>) for a unit and its child units over a period, unrecorded (a run records one,
/// <c>POST …/runs</c>): the value columns' names, the lines (the total apart), the report's checks and the period rule.</summary>
/// <remarks>Who may read: as Biểu 06, anyone whose assignments let them read the unit's dossiers (role and unit).</remarks>
public static class StandardReportQuery
{
    /// <summary>The reports answered here: code and operation name (Biểu 06 has its own named columns,
    /// <see cref="Form06Report"/>).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Endpoints =
        [(Form06DeskReport.Code, "Form06DeskReport"), (PaknReport.Code, "PaknReport"), (OneStopReport.Code, "OneStopReport")];

    public sealed record View(
        string Report, int DefinitionVersion, Guid UnitId, string UnitName, DateOnly From, DateOnly To, string PeriodRule, int UnitsIncluded,
        IReadOnlyList<string> Columns, IReadOnlyList<ReportLine> Rows, ReportLine Total, IReadOnlyList<string> Inconsistencies);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        foreach (var (code, name) in Endpoints)
        {
            api.MapGet($"/reports/{code}", async ([AsParameters] ReportRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.Handle(code, request, user, ct)).ToHttpResult(TypedResults.Ok))
                .RequireAuthorization(ApiAuth.Policy)
                .WithName(name)
                .WithTags("Reports")
                .Produces<View>()
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status403Forbidden);
        }
    }

    public sealed class Handler(StandardReports reports, ReportScope scope)
    {
        public async Task<Result<View>> Handle(string code, ReportRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            var report = reports.Find(code) ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Not a registered report.");
            var resolved = await scope.ResolveAsync(request, report.MaxDays, user, ct);
            if (resolved.IsFailure)
            {
                return resolved.Error;
            }

            var table = await report.ComputeAsync(resolved.Value, ct);
            if (table.IsFailure)
            {
                return table.Error;
            }

            var (unitId, unitName, unitsIncluded, rows, total) = table.Value;
            var period = resolved.Value.Period;
            return new View(
                report.Code, report.DefinitionVersion, unitId, unitName, period.From, period.To, period.Code, unitsIncluded, report.Columns, rows, total,
                report.Check(rows, total));
        }
    }
}
