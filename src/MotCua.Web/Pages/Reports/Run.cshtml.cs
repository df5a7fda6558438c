using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Api;
using MotCua.Web.Features.Reports;
using MotCua.Web.Features.Reports.Exports;
using MotCua.Web.Features.Reports.Runs;

namespace MotCua.Web.Pages.Reports;

/// <summary>One recorded run of any standard report: the form as the exports print it (<see cref="ReportSheet"/>, in the
/// page's language), its hash and data version, the form's checks and the downloads. Who may see it: as <see cref="ReportRuns.Handler.GetAsync"/>.</summary>
[Authorize]
public sealed class RunModel(ReportRuns.Handler runs, StandardReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ReportRuns.RunView Run { get; private set; } = null!;

    public ReportSheet Sheet { get; private set; } = null!;

    /// <summary>The run's report (its resources name the checks it makes).</summary>
    public IStandardReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var run = await runs.GetAsync(Id, User, ct);
        if (run.IsFailure)
        {
            return run.Error is OutOfScope ? Forbid() : NotFound();
        }

        Run = run.Value;
        if (reports.Find(Run.Report) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        Sheet = ReportSheet.Build(Run, report, CultureInfo.CurrentUICulture);
        return Page();
    }
}
