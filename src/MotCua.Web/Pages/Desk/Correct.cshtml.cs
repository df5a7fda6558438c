using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Desk;

/// <summary>Corrects a mistyped applicant detail through the engine's <c>CorrectApplicant</c> trigger, which keeps the
/// old and the new value in the dossier's hash-chained history.</summary>
[Authorize]
public sealed class CorrectModel(DeskPages pages, GetDossier.Handler get, TransitionDossier.Handler transition) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ApplicantInput Applicant { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public string? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await pages.MayServeAsync(Id, User, ct))
        {
            return NotFound();
        }

        var view = await get.Handle(Id, User, ct);
        if (view.IsFailure)
        {
            return NotFound();
        }

        Applicant = ApplicantInput.From(view.Value.Applicant);
        Version = view.Value.Version;
        Code = view.Value.Code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await pages.MayServeAsync(Id, User, ct))
        {
            return NotFound();
        }

        var fired = await transition.Handle(Id,
            new TransitionDossier.TransitionRequest(nameof(DossierTrigger.CorrectApplicant), Version, Reason: Reason,
                Applicant: Applicant.ToCommand()),
            User, null, ct);
        if (fired.IsFailure)
        {
            PageErrors.Add(ModelState, fired.Error);
            return Page();
        }

        return RedirectToPage("/Desk/Dossier", new { id = Id });
    }
}
