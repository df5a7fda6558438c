using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.ProvinceAdmin;

namespace MotCua.Web.Pages.Admin.Calendar;

/// <summary>The working calendar of a year: twelve months with lunar dates and the schedule's marks, the schedule's days
/// with their source documents, and a form to add, change or remove a day (<see cref="CalendarChanges"/>).</summary>
[Authorize]
public sealed class IndexModel(
    CalendarYear.Handler years, CalendarChanges.Handler changes, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The day whose entry the form edits (from the "change" link); a new day when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public CalendarChanges.DayEdit Input { get; set; } = new();

    /// <summary>The day a change was just saved or removed, to confirm it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public CalendarYear.YearView View { get; private set; } = null!;

    public int ShownYear => Year ?? VietnamTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (Date is { } date && View.Entries.FirstOrDefault(e => e.Date == date) is { } entry)
        {
            Input = new CalendarChanges.DayEdit { Kind = entry.Kind, Description = entry.Description, Source = entry.Source ?? View.SourceDocument, Note = entry.Note };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (Date is not { } date)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(Date), text["Calendar_DateRequired"]);
            return await LoadAsync(ct) ?? Page();
        }

        ModelState.Clear();
        var saved = await changes.PutAsync(ShownYear, date, Input, User, ct);
        if (saved.IsSuccess)
        {
            return Redirect($"/Admin/Calendar?year={ShownYear}&done=saved#day-{date:yyyy-MM-dd}");
        }

        // The date is the page's own field (the route's in the API), the others the form's.
        if (saved.Error is Api.ValidationFailed { Fields: var fields } && fields.TryGetValue("date", out var dateErrors))
        {
            foreach (var message in dateErrors)
            {
                ModelState.AddModelError(nameof(Date), PageErrors.Text(message));
            }
        }

        PageErrors.Add(ModelState, saved.Error is Api.ValidationFailed v
            ? new Api.ValidationFailed(v.Fields.Where(e => e.Key != "date").ToDictionary()) : saved.Error, "Input.");
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var removed = await changes.RemoveAsync(ShownYear, Date ?? default, User, ct);
        if (removed.IsFailure)
        {
            return removed.Error is Api.NotFoundError ? await OnGetAsync(ct) : AdminPages.Refuse(removed.Error);
        }

        return Redirect($"/Admin/Calendar?year={ShownYear}&done=removed");
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var json = await years.ExportAsync(ShownYear, User, ct);
        return json.IsSuccess
            ? File(System.Text.Encoding.UTF8.GetBytes(json.Value), "application/json", $"lich-nghi-{ShownYear}.json")
            : AdminPages.Refuse(json.Error);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var view = await years.YearAsync(ShownYear, User, ct);
        if (view.IsFailure)
        {
            return view.Error is Api.ValidationFailed ? NotFound() : AdminPages.Refuse(view.Error);
        }

        View = view.Value;
        return null;
    }
}
