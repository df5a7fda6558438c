using System.Globalization;
using System.Security.Claims;
using MotCua.Domain.Common;
using MotCua.Web.Api;
using MotCua.Web.Features.Reports.Runs;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.Reports.Exports;

/// <summary><c>GET /api/v1/reports/runs/{id}/export?format=xlsx|csv|pdf</c>: a recorded run as a workbook, a CSV or a PDF
/// (A4 landscape, printed by Chromium), each rendered from the run's stored rows through <see cref="ReportSheet"/>, so all
/// three agree with the page and with the run's hash; the same for every report of <see cref="StandardReports"/>. Who may download: whoever may read the run
/// (<see cref="ReportRuns.Handler.GetAsync"/>).</summary>
public static class ReportExports
{
    public static readonly IReadOnlyList<string> Formats = ["xlsx", "csv", "pdf"];

    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/reports/runs/{id:guid}/export", async (Guid id, string? format, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.ExportAsync(id, format, user, ct))
            .RequireAuthorization(ApiAuth.Policy)
            .WithTags("Reports")
            .WithName("ExportReportRun")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>The download name, e.g. <c>bieu-06_2026-09-15_2026-12-14_0193a1b2.xlsx</c>: the report, the period and
    /// the run.</summary>
    public static string FileName(ReportRuns.RunView run, IStandardReport report, string extension)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"{report.FileName}_{run.From:yyyy-MM-dd}_{run.To:yyyy-MM-dd}_{run.Id.ToString("N")[..8]}.{extension}");
    }

    public sealed class Handler(ReportRuns.Handler runs, StandardReports reports, FormRenderer forms, PdfRenderer pdf)
    {
        public async Task<IResult> ExportAsync(Guid id, string? format, ClaimsPrincipal user, CancellationToken ct)
        {
            var chosen = Formats.FirstOrDefault(f => string.Equals(f, format, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return ValidationFailed.One("format", new FieldMessage("report.format", "Chọn định dạng xlsx, csv hoặc pdf.")).ToProblem();
            }

            var run = await runs.GetAsync(id, user, ct);
            if (run.IsFailure)
            {
                return run.Error.ToProblem();
            }

            if (reports.Find(run.Value.Report) is not { } report)
            {
                return new NotFoundError($"báo cáo {run.Value.Report}").ToProblem();
            }

            var sheet = ReportSheet.ForExport(run.Value, report);
            switch (chosen)
            {
                case "xlsx":
                    return TypedResults.File(ReportXlsx.Write(sheet), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(run.Value, report, "xlsx"));
                case "csv":
                    return TypedResults.File(ReportCsv.Write(sheet), "text/csv; charset=utf-8", FileName(run.Value, report, "csv"));
                default:
                    var html = await forms.RenderComponentAsync<ReportPdf>(new Dictionary<string, object?> { ["Sheet"] = sheet });
                    var bytes = await pdf.RenderAsync(html, ct);
                    return bytes.IsSuccess
                        ? TypedResults.File(bytes.Value, "application/pdf", FileName(run.Value, report, "pdf"))
                        : ErrorMapping.Problem(StatusCodes.Status503ServiceUnavailable, bytes.Error.Message, bytes.Error.Code);
            }
        }
    }
}
