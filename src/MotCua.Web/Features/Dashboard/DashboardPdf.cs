using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using MotCua.Web.Api;
using MotCua.Web.Forms;

namespace MotCua.Web.Features.Dashboard;

/// <summary><c>GET /api/v1/dashboard/pdf?unit&amp;year</c>: the dashboard printed on A4 landscape by Chromium: the same
/// handler's figures (<see cref="DashboardData.Handler"/>, which checks the read right), the same markup as the page
/// (<c>DashboardTables</c>) and the same chart definition (<see cref="DashboardChart.Trend"/>) drawn by the page's own
/// script, as SVG (issue 10 §6: one chart definition for the page and the PDF).</summary>
public static class DashboardPdf
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder api) =>
        api.MapGet("/dashboard/pdf", async (Guid? unit, int? year, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.PrintAsync(unit, year, user, ct))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("DashboardPdf")
            .WithTags("Dashboard")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>The download name, e.g. <c>bang-dieu-hanh_2026_0193a1b2.pdf</c>: the year and the unit.</summary>
    public static string FileName(DashboardData.View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.Create(CultureInfo.InvariantCulture, $"bang-dieu-hanh_{view.Year}_{view.UnitId.ToString("N")[..8]}.pdf");
    }

    public sealed class Handler(
        DashboardData.Handler dashboard, FormRenderer forms, PdfRenderer pdf, IWebHostEnvironment environment, IStringLocalizer<SharedResource> text)
    {
        // The page's scripts (Pages/Dashboard/Index.cshtml), as files: Chromium prints a file, with no server to ask.
        private static readonly string[] ScriptPaths = ["lib/echarts/echarts.min.js", "js/charts.js"];

        public async Task<IResult> PrintAsync(Guid? unit, int? year, ClaimsPrincipal user, CancellationToken ct)
        {
            var found = await dashboard.Handle(unit, year, user, ct);
            if (found.IsFailure)
            {
                return found.Error.ToProblem();
            }

            var view = found.Value;
            var title = $"{text["Dashboard_Title"]}: {view.UnitName} – {text["Dashboard_YearHeading", view.Year]}";
            var subtitle = text["Dashboard_AsOf", Pages.Display.Date(view.AsOf), view.UnitsIncluded].Value;
            var scripts = ScriptPaths.Select(p => Path.Combine(environment.WebRootPath ?? "", p)).Where(File.Exists)
                .Select(p => new Uri(p).AbsoluteUri).ToList();
            var html = await forms.RenderComponentAsync<DashboardPrint>(new Dictionary<string, object?>
            {
                ["View"] = view,
                ["T"] = text,
                ["TrendChart"] = DashboardChart.Trend(view.Months, DashboardChart.TrendLabels.From(text)),
                ["Title"] = title,
                ["Subtitle"] = subtitle,
                ["Scripts"] = scripts,
            });
            var bytes = await pdf.RenderAsync(html, ct);
            return bytes.IsSuccess
                ? TypedResults.File(bytes.Value, "application/pdf", FileName(view))
                : ErrorMapping.Problem(StatusCodes.Status503ServiceUnavailable, bytes.Error.Message, bytes.Error.Code);
        }
    }
}
