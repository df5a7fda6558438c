using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Api;
using MotCua.Web.Features.ProvinceAdmin;

namespace MotCua.Web.Pages.Admin.Calendar;

/// <summary>Import of a year's holiday schedule from the JSON the CLI reads: the file is previewed first (what it adds,
/// removes and changes), then applied (<see cref="CalendarChanges.Handler.ImportAsync"/>).</summary>
[Authorize]
public sealed class ImportModel(CalendarChanges.Handler changes, ProvinceAdministrator admin, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The previewed JSON, carried to the confirmation unchanged.</summary>
    [BindProperty]
    public string? Json { get; set; }

    public CalendarChanges.ImportSummary? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The page is the calendar's: the same refusal as the year view for anyone else.
        return await admin.DenyAsync(User, ct) is { } denied ? AdminPages.Refuse(denied) : Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("File", text["CalendarImport_FileRequired"]);
            return await OnGetAsync(ct);
        }

        if (file.Length > CalendarChanges.MaxImportBytes)
        {
            ModelState.AddModelError("File", PageErrors.Text(CalendarChanges.FileTooLarge));
            return await OnGetAsync(ct);
        }

        using var reader = new StreamReader(file.OpenReadStream());
        Json = await reader.ReadToEndAsync(ct);
        return await RunAsync(preview: true, ct);
    }

    public Task<IActionResult> OnPostApplyAsync(CancellationToken ct) => RunAsync(preview: false, ct);

    private async Task<IActionResult> RunAsync(bool preview, CancellationToken ct)
    {
        var result = await changes.ImportAsync(Json ?? "", preview, User, ct);
        if (result.IsSuccess)
        {
            if (!preview)
            {
                return Redirect($"/Admin/Calendar?year={result.Value.Year}&done=saved");
            }

            Summary = result.Value;
            return Page();
        }

        if (result.Error is not ValidationFailed failed)
        {
            return AdminPages.Refuse(result.Error);
        }

        foreach (var message in failed.Fields.Values.SelectMany(m => m))
        {
            ModelState.AddModelError("File", PageErrors.Text(message));
        }

        Json = null;
        return Page();
    }
}
