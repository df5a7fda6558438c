using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Reports;
using MotCua.Persistence;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Reports;
using MotCua.Web.Features.Reports.Runs;

namespace MotCua.Web.Pages.Reports;

/// <summary>The report builder (issue 10 §4, §7): choose the report (Biểu 06 for now), a unit the caller may read (a
/// list, never a typed id), the period rule and the period; running records a run and opens it. Lists the newest runs of
/// the caller's units to reopen. <see cref="ReportRuns.Handler"/> checks everything, as for the API.</summary>
[Authorize]
public sealed class IndexModel(ReportRuns.Handler runs, DossierAccess access, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>The reports the builder offers; each has its own run handler.</summary>
    public static readonly IReadOnlyList<string> Reports = [Form06Rows.Report];

    [BindProperty]
    public RunInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<ReportRuns.RunSummary> Recent { get; private set; } = [];

    public string? Denied { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        Input = new RunInput
        {
            Report = Form06Rows.Report,
            Period = ReportPeriod.Codes[PeriodRule.Nd09Month],
            Year = today.Year,
            Month = today.Month,
            Quarter = (today.Month + 2) / 3,
        };
        await LoadAsync(ct);
        Input.Unit = Units.Count > 0 ? Units[0].Id : null;
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
        var run = await runs.RunForm06Async(request, User, ct);
        if (run.IsSuccess)
        {
            return RedirectToPage("/Reports/Run", new { id = run.Value.Id });
        }

        PageErrors.Add(ModelState, run.Error, "Input.");
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (DossierAccess.UserId(User) is not { } userId)
        {
            Denied = text["Reports_Denied"];
            return;
        }

        var readable = (await access.ReadableUnitsAsync(userId, ct)).ToList();
        if (readable.Count == 0)
        {
            Denied = text["Reports_Denied"];
            return;
        }

        var units = await db.OrganisationalUnits.AsNoTracking().Where(u => readable.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        // The widest unit first (the one whose parent the caller cannot read), then by name.
        Units = [.. units.OrderBy(u => u.ParentId is { } p && readable.Contains(p) ? 1 : 0)
            .ThenBy(u => Domain.Common.VietnameseText.Fold(u.Name), StringComparer.Ordinal).Select(u => (u.Id, u.Name))];
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
    }
}
