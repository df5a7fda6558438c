using System.Globalization;
using System.Security.Claims;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Web.Api;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.Reports.Cchc;

/// <summary><c>GET /api/v1/reports/cchc/{id}/export?format=docx|pdf</c>: the report as a Word document
/// (<see cref="CchcDocx"/>) or a PDF printed by Chromium like the dashboard and the report runs
/// (<see cref="FormRenderer"/> + <see cref="PdfRenderer"/>; 503 when Chromium is unavailable), both from the one layout
/// <see cref="CchcDocument"/> in Vietnamese. Who may read the report may export it.</summary>
public static class CchcReportExports
{
    public static readonly IReadOnlyList<string> Formats = ["docx", "pdf"];

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/export", async (Guid id, string? format, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.ExportAsync(id, format, user, ct))
            .WithName("ExportCchcReport")
            .Produces<byte[]>(StatusCodes.Status200OK, DocxType, "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Whether a table cell is a figure (right-aligned).</summary>
    public static bool IsNumber(string value) => value.Length > 0 && (char.IsDigit(value[0]) || value == "–");

    /// <summary>The download name, e.g. <c>bao-cao-cchc_nd09-quarter_2026-06-14_0193a1b2.docx</c>.</summary>
    public static string FileName(CchcReportView view, string extension)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.Create(CultureInfo.InvariantCulture, $"bao-cao-cchc_{view.PeriodRule}_{view.To:yyyy-MM-dd}_{view.Id.ToString("N")[..8]}.{extension}");
    }

    public sealed class Handler(CchcReports.Handler reports, FormRenderer forms, PdfRenderer pdf, TimeProvider clock)
    {
        public async Task<IResult> ExportAsync(Guid id, string? format, ClaimsPrincipal user, CancellationToken ct)
        {
            var chosen = Formats.FirstOrDefault(f => string.Equals(f, format, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return ValidationFailed.One("format", new FieldMessage("cchc.format", "Chọn định dạng docx hoặc pdf.")).ToProblem();
            }

            var report = await reports.GetAsync(id, user, ct);
            if (report.IsFailure)
            {
                return report.Error.ToProblem();
            }

            var document = CchcDocument.ForExport(report.Value, VietnamTime.Today(clock));
            if (chosen == "docx")
            {
                return TypedResults.File(CchcDocx.Write(document), DocxType, FileName(report.Value, "docx"));
            }

            var html = await forms.RenderComponentAsync<CchcReportPdf>(new Dictionary<string, object?> { ["Document"] = document });
            var bytes = await pdf.RenderAsync(html, ct);
            return bytes.IsSuccess
                ? TypedResults.File(bytes.Value, "application/pdf", FileName(report.Value, "pdf"))
                : ErrorMapping.Problem(StatusCodes.Status503ServiceUnavailable, bytes.Error.Message, bytes.Error.Code);
        }
    }
}
