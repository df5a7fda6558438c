using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Web.Api;
using MotCua.Web.Features.Reports.Cchc;

namespace MotCua.Web.Pages.Reports.Cchc;

/// <summary>One CCHC report (issue 11 §7): the unit's officers write the narrative sections and the document number and
/// refresh the figures while it is a draft; the head finalises it after confirming (figures frozen); everyone who reads it
/// sees the document as it will print (<see cref="CchcDocument"/>, in the page's language) and downloads it as docx or PDF
/// (the API's export, in Vietnamese). Every rule is <see cref="CchcReports.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class ReportModel(CchcReports.Handler reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CchcReportView? Report { get; private set; }

    public CchcDocument? Document { get; private set; }

    public string? Done { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public int? Revision { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    /// <summary>The sections as typed, by key.</summary>
    [BindProperty]
    public Dictionary<string, string?> Sections { get; set; } = [];

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        await AfterAsync(await reports.SaveNarrativeAsync(Id, new SaveCchcNarrativeRequest(Revision, Number, Sections), User, ct), "Saved", ct);

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct) =>
        await AfterAsync(await reports.RefreshAsync(Id, new RefreshCchcReportRequest(Revision), User, ct), "Refreshed", ct);

    public async Task<IActionResult> OnPostFinaliseAsync(CancellationToken ct) =>
        await AfterAsync(await reports.FinaliseAsync(Id, new FinaliseCchcReportRequest(Revision, Confirm), User, ct), "Finalised", ct);

    /// <summary>What a section's box shows: what was typed after a refusal, else the saved text.</summary>
    public string SectionText(CchcSectionView section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Sections.TryGetValue(section.Key, out var typed) && typed is not null ? typed : section.Text;
    }

    private async Task<IActionResult> AfterAsync(Result<CchcReportView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage("/Reports/Cchc/Report", new { id = Id, done });
        }

        Problems = result.Error is ValidationFailed failed
            ? [.. failed.Fields.SelectMany(f => f.Value.Select(PageErrors.Text))]
            : [PageErrors.Message(result.Error)];
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var loaded = await reports.GetAsync(Id, User, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error is NotFoundError ? NotFound() : Forbid();
        }

        Report = loaded.Value;
        Document = CchcDocument.Build(loaded.Value, VietnamTime.Today(clock), CultureInfo.CurrentUICulture);
        Number ??= loaded.Value.Number;
        return null;
    }
}
