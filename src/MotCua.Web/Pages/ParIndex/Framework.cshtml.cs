using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Api;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>One PAR Index framework (issue 11 §1, §8): its tree with every sub-criterion's points, method and parameters,
/// applicability and source; its bands; the problems that stop issuing; the JSON download; and, for Home Affairs and
/// administrators of the province, copying it to a year as a new draft and issuing a draft. Every rule is
/// <see cref="Frameworks.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class FrameworkModel(Frameworks.Handler frameworks) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ParFrameworkView? Framework { get; private set; }

    public string? Done { get; private set; }

    /// <summary>What is wrong with the last copy or issue, in the page's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Whether the caller may copy (writes the province's frameworks).</summary>
    public bool MayWrite { get; private set; }

    [BindProperty]
    public int? CopyYear { get; set; }

    [BindProperty]
    public int? Revision { get; set; }

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public DateOnly? DecisionDate { get; set; }

    [BindProperty]
    public DateOnly? Deadline { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>The framework JSON as a file.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var exported = await frameworks.ExportAsync(Id, User, ct);
        return exported.IsSuccess
            ? File(Encoding.UTF8.GetBytes(exported.Value.Json), "application/json", exported.Value.FileName)
            : Refused(exported.Error) ?? await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        var copied = await frameworks.CopyAsync(Id, new CopyFrameworkRequest(CopyYear), User, ct);
        if (copied.IsSuccess)
        {
            return RedirectToPage("/ParIndex/Framework", new { id = copied.Value.Id, done = "Copied" });
        }

        Problems = ParIndexPages.Describe(copied.Error);
        return Refused(copied.Error) ?? await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var issued = await frameworks.IssueAsync(Id, new IssueFrameworkRequest(Revision, DecisionNumber, DecisionDate), User, ct);
        if (issued.IsSuccess)
        {
            return RedirectToPage("/ParIndex/Framework", new { id = Id, done = "Issued" });
        }

        Problems = ParIndexPages.Describe(issued.Error);
        return Refused(issued.Error) ?? await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostDeadlineAsync(CancellationToken ct)
    {
        var set = await frameworks.SetDeadlineAsync(Id, new SetDeadlineRequest(Revision, Deadline), User, ct);
        if (set.IsSuccess)
        {
            return RedirectToPage("/ParIndex/Framework", new { id = Id, done = "Deadline" });
        }

        Problems = ParIndexPages.Describe(set.Error, paths: false);
        return Refused(set.Error) ?? await LoadAsync(ct) ?? Page();
    }

    private IActionResult? Refused(Domain.Common.Error error) => error switch
    {
        NotFoundError => NotFound(),
        OutOfScope when Framework is null && Problems.Count == 0 => Forbid(),
        _ => null,
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var loaded = await frameworks.GetAsync(Id, User, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error is NotFoundError ? NotFound() : Forbid();
        }

        Framework = loaded.Value;
        MayWrite = await frameworks.MayWriteAsync(Framework.ProvinceUnitId, User, ct);
        CopyYear ??= Framework.Year + 1;
        DecisionNumber ??= Framework.DecisionNumber;
        DecisionDate ??= Framework.DecisionDate;
        Deadline ??= Framework.SelfAssessmentDeadline;
        return null;
    }
}
