using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Calendar;
using MotCua.Domain.Reports;
using MotCua.Web.Api;
using MotCua.Web.Features.Reports.Cchc;

namespace MotCua.Web.Pages.Reports.Cchc;

/// <summary>The CCHC reports the caller reads (issue 11 §7; Features/Reports/Cchc/README.md), newest period first, and for a
/// unit's officer the form that opens a draft for one of their units and a period (quarter, 6 months, 9 months, year;
/// ND 09 cut-off or calendar). Every rule is <see cref="CchcReports.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class IndexModel(CchcReports.Handler reports, TimeProvider clock) : PageModel
{
    /// <summary>The period rules offered, by code.</summary>
    public static IReadOnlyList<string> Rules { get; } = [.. CchcReports.Rules.Select(r => ReportPeriod.Codes[r])];

    public CchcReportList? List { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public Guid? Unit { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public int? Quarter { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Period = Rules[0];
        Year = today.Year;
        Quarter = (today.Month + 2) / 3;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await reports.CreateAsync(new CreateCchcReportRequest(Unit, Period, Year, Quarter), User, ct);
        if (created.IsSuccess)
        {
            return RedirectToPage("/Reports/Cchc/Report", new { id = created.Value.Id, done = "Created" });
        }

        Problems = created.Error is ValidationFailed failed
            ? [.. failed.Fields.SelectMany(f => f.Value.Select(PageErrors.Text))]
            : [PageErrors.Message(created.Error)];
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var list = await reports.ListAsync(null, User, ct);
        if (list.IsFailure)
        {
            return Forbid();
        }

        List = list.Value;
        return null;
    }
}
