using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Api;
using MotCua.Web.Features.Pakn;

namespace MotCua.Web.Pages.Work.Pakn;

/// <summary>Bulk receipt of PAKN from a CSV file by a desk officer of the receiving unit (issue 9 §2): the national
/// system's export or a paper register typed into a spreadsheet. The file goes to <see cref="ImportPakn.Handler"/>, the
/// API's handler; the page shows its report row by row and offers the rejected rows as a CSV to correct and upload
/// again (posted back from the report, so nothing is kept on the server). Works without JavaScript.</summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = ImportPakn.MaxBytes + 64 * 1024, ValueLengthLimit = ImportPakn.MaxBytes * 2)]
[RequestSizeLimit(ImportPakn.MaxBytes * 3)]
public sealed class ImportModel(ImportPakn.Handler import, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public Guid? ReceivingUnitId { get; set; }

    /// <summary><see cref="ImportPakn.AllOrNothing"/> (also when absent) or <see cref="ImportPakn.Partial"/>.</summary>
    [BindProperty]
    public string? Mode { get; set; } = ImportPakn.AllOrNothing;

    [BindProperty]
    public bool Notify { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The rejected rows as CSV, posted back from a report to download them.</summary>
    [BindProperty]
    public string? Rejected { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];

    public ImportPakn.ImportReport? Report { get; private set; }

    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await import.UnitsAsync(User, ct);
        if (Units.Count == 0)
        {
            return Forbid();
        }

        ReceivingUnitId = Units[0].Id;
        return Page();
    }

    /// <summary>The empty template with the accepted columns and an example row.</summary>
    public IActionResult OnGetTemplate() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ImportPakn.Template())).ToArray(), "text/csv; charset=utf-8", "mau-nhap-phan-anh-kien-nghi.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Units = await import.UnitsAsync(User, ct);
        if (Units.Count == 0)
        {
            return Forbid();
        }

        // The report has names and phone numbers from the file: not for any cache.
        Portal.PublicCodePages.NoStore(Response);
        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["PaknImport_NoFile"]);
            return Page();
        }

        FileName = Path.GetFileName(Upload.FileName);
        await using var stream = Upload.OpenReadStream();
        var csv = await ImportPakn.ReadAsync(stream, ct);
        var report = csv is null
            ? ImportPakn.NotUtf8()
            : await import.ImportAsync(csv, new ImportPakn.ImportOptions(ReceivingUnitId, Mode, Notify), User, ct);
        if (report.IsSuccess)
        {
            Report = report.Value;
            return Page();
        }

        if (report.Error is OutOfScope)
        {
            ModelState.AddModelError(nameof(ReceivingUnitId), PageErrors.Message(report.Error));
        }
        else if (report.Error is ValidationFailed invalid)
        {
            foreach (var (field, messages) in invalid.Fields)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field switch { "receivingUnitId" => nameof(ReceivingUnitId), "mode" => nameof(Mode), _ => nameof(Upload) },
                        PageErrors.Text(message));
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, PageErrors.Message(report.Error));
        }

        return Page();
    }

    /// <summary>The rejected rows of the report just shown, as the file to correct.</summary>
    public IActionResult OnPostRejected()
    {
        Portal.PublicCodePages.NoStore(Response);
        return string.IsNullOrEmpty(Rejected)
            ? RedirectToPage("/Work/Pakn/Import")
            : File(Encoding.UTF8.GetBytes(Rejected), "text/csv; charset=utf-8", "phan-anh-kien-nghi-bi-tu-choi.csv");
    }
}
