using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Common;
using MotCua.Web.Api;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>The appraisal of one framework (issue 11 §3, §8): per area who appraises it (appraisers, or a council with its
/// chair), which Home Affairs of the province assigns; the units' assessments past submission, each linked to its
/// appraisal; and Home Affairs' form for a survey figure run by others. Every rule is <see cref="Appraisal.Handler"/>'s.</summary>
[Authorize]
public sealed class AppraisalsModel(Appraisal.Handler appraisal) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Framework { get; set; }

    public ParAppraisalBoard? Board { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The area whose form was refused.</summary>
    public string? PostedArea { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public int? Revision { get; set; }

    [BindProperty]
    public string? Area { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public List<Guid> Members { get; set; } = [];

    [BindProperty]
    public Guid? Chair { get; set; }

    [BindProperty]
    public Guid? Unit { get; set; }

    [BindProperty]
    public string? SubCriterion { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        var result = await appraisal.AssignAsync(Framework, Area ?? "", new AssignAppraisalRequest(Revision, Kind, Members, Chair), User, ct);
        if (result.IsSuccess)
        {
            return Redirect($"/ParIndex/Appraisals/{Framework}?done=Assigned#area-{Area}");
        }

        PostedArea = Area;
        return await RefusedAsync(result.Error, ct);
    }

    public async Task<IActionResult> OnPostSurveyAsync(CancellationToken ct)
    {
        var result = await appraisal.ImportSurveyAsync(Framework,
            new ImportSurveyFiguresRequest([new SurveyFigureRequest(Unit, SubCriterion?.Trim(), ParIndexPages.Number(Value), Source)]), User, ct);
        return result.IsSuccess ? Redirect($"/ParIndex/Appraisals/{Framework}?done=SurveyImported#survey") : await RefusedAsync(result.Error, ct);
    }

    private async Task<IActionResult> RefusedAsync(Error error, CancellationToken ct)
    {
        if (error is NotFoundError)
        {
            return NotFound();
        }

        Problems = ParIndexPages.Describe(error, paths: false);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var loaded = await appraisal.BoardAsync(Framework, User, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error is NotFoundError ? NotFound() : Forbid();
        }

        Board = loaded.Value;
        return null;
    }
}
