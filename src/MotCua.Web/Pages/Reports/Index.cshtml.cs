using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Reports;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Reports;
using MotCua.Web.Features.Reports.Exports;
using MotCua.Web.Features.Reports.Runs;

namespace MotCua.Web.Pages.Reports;

/// <summary>The report builder (issue 10 §4, §7): choose the report (<see cref="StandardReports"/>: Biểu 06, the PAKN
/// report, the one-stop summary), a unit the caller may read (a list, never a typed id), the period rule and the period,
/// and what to get: the run's page or one of its files. Running records a run and opens its page or downloads its file
/// (a redirect to the export). The choices can be given in the address (<c>/Reports?report=form06&amp;unit=…&amp;period=range&amp;from=…&amp;to=…</c>,
/// the dashboard's link) to prefill the form. Lists the newest runs of the caller's units to reopen.
/// <see cref="ReportRuns.Handler"/> checks everything, as for the API. <c>wwwroot/js/report-progress.js</c> shows a
/// progress indicator while a run or a file is being prepared; without it the form works the same.</summary>
[Authorize]
public sealed class IndexModel(
    ReportRuns.Handler runs, ReadableUnits readableUnits, StandardReports reports, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>What running gives: the run's page, or a file of it.</summary>
    public static readonly IReadOnlyList<string> Outputs = ["page", .. ReportExports.Formats];

    [BindProperty]
    public RunInput Input { get; set; } = new();

    /// <summary>The reports the builder offers, by code.</summary>
    public IReadOnlyList<string> Reports => [.. reports.All.Select(r => r.Code)];

    public IReadOnlyList<ReadableUnits.Unit> Units { get; private set; } = [];

    public IReadOnlyList<ReportRuns.RunSummary> Recent { get; private set; } = [];

    public string? Denied { get; private set; }

    /// <summary>The form, prefilled from the address's <c>report</c>, <c>unit</c>, <c>period</c>, <c>year</c>,
    /// <c>month</c>, <c>quarter</c>, <c>from</c>, <c>to</c> and <c>format</c> where given and valid, else Biểu 06 of the
    /// widest unit for this ND 09 month.</summary>
    public async Task<IActionResult> OnGetAsync(
        string? report, Guid? unit, string? period, int? year, int? month, int? quarter, DateOnly? from, DateOnly? to, string? format, CancellationToken ct)
    {
        // A value the address cannot give (unit=abc) is simply not prefilled: nothing has been submitted yet.
        ModelState.Clear();
        var today = VietnamTime.Today(clock);
        Input = new RunInput
        {
            Report = reports.Find(report)?.Code ?? Form06Rows.Report,
            Period = ReportPeriod.RuleOf(period) is { } rule ? ReportPeriod.Codes[rule] : ReportPeriod.Codes[PeriodRule.Nd09Month],
            Year = year is >= ReportPeriod.MinYear and <= ReportPeriod.MaxYear ? year : today.Year,
            Month = month is >= 1 and <= 12 ? month : today.Month,
            Quarter = quarter is >= 1 and <= 4 ? quarter : (today.Month + 2) / 3,
            From = from,
            To = to,
            Format = Outputs.Contains(format) ? format : "page",
        };
        await LoadAsync(ct);
        Input.Unit = unit is { } asked && Units.Any(u => u.Id == asked) ? asked : Units.Count > 0 ? Units[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Denied is not null || PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        var request = new ReportRequest(Input.Unit, Input.Period, Input.Year, Input.Month, Input.Quarter, Input.From, Input.To);
        var run = await runs.RunAsync(Input.Report, request, User, ct);
        if (run.IsFailure)
        {
            PageErrors.Add(ModelState, run.Error, "Input.");
            return Page();
        }

        return run.Value.Exports.TryGetValue(Input.Format ?? "page", out var file)
            ? LocalRedirect(file)
            : RedirectToPage("/Reports/Run", new { id = run.Value.Id });
    }

    /// <summary>The unit picker of the form.</summary>
    public UnitPicker UnitPicker() => new(
        "Input_Unit", "Input.Unit", text["Reports_Unit"], Units, Input.Unit,
        ModelState["Input.Unit"] is { Errors.Count: > 0 } entry ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null,
        text["Reports_ChooseUnit"]);

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await readableUnits.ForAsync(User, ct);
        if (Units.Count == 0)
        {
            Denied = text["Reports_Denied"];
            return;
        }

        var recent = await runs.ListAsync(null, 20, User, ct);
        Recent = recent.IsSuccess ? recent.Value : [];
    }

    /// <summary>The form's fields, as typed.</summary>
    public sealed class RunInput
    {
        public string? Report { get; set; }

        public Guid? Unit { get; set; }

        public string? Period { get; set; }

        public int? Year { get; set; }

        public int? Month { get; set; }

        public int? Quarter { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        /// <summary><c>page</c> (the run's page) or an export format.</summary>
        public string? Format { get; set; }
    }
}
