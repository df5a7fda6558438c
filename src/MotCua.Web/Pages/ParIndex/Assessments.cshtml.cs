using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.ParIndex;
using MotCua.Web.Api;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>Self-assessments (issue 11 §2, §8): for every issued framework the caller reads, the units it applies to with
/// their status, lateness and self-scored totals: a unit's officers see their own units and open their assessment, Home
/// Affairs and administrators of the province see every unit and open each read-only view. Every rule is
/// <see cref="Assessments.Handler"/>'s (the list and the opening), the same as the API's.</summary>
[Authorize]
public sealed class AssessmentsModel(Frameworks.Handler frameworks, Assessments.Handler assessments, Appraisal.Handler appraisal) : PageModel
{
    /// <summary>One framework with the units the caller sees, and whether the caller sees its appraisal board (Home
    /// Affairs, administrators, assigned appraisers).</summary>
    public sealed record Section(ParFrameworkRow Framework, ParAssessmentList List, bool Appraisal = false);

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public string? Denied { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Only this framework, when given (Home Affairs' list of one framework).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Framework { get; set; }

    [BindProperty]
    public Guid? Unit { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Opens (creates when missing) the unit's assessment under the framework, then shows it.</summary>
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var opened = await assessments.OpenAsync(new OpenAssessmentRequest(Framework, Unit), User, ct);
        if (opened.IsSuccess)
        {
            return RedirectToPage("/ParIndex/Assessment", new { id = opened.Value.Id });
        }

        if (opened.Error is NotFoundError)
        {
            return NotFound();
        }

        Problems = ParIndexPages.Describe(opened.Error, paths: false);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await frameworks.ListAsync(null, null, null, User, ct);
        if (list.IsFailure)
        {
            Denied = PageErrors.Message(list.Error);
            return;
        }

        var sections = new List<Section>();
        foreach (var framework in list.Value.Where(f => f.Status == nameof(ParFrameworkStatus.Issued) && (Framework is null || f.Id == Framework)))
        {
            // A framework of a level the caller has no unit of (and does not oversee) is not theirs to list.
            if (await assessments.ListAsync(framework.Id, User, ct) is { IsSuccess: true } units)
            {
                sections.Add(new Section(framework, units.Value, (await appraisal.BoardAsync(framework.Id, User, ct)).IsSuccess));
            }
        }

        Sections = sections;
    }
}
