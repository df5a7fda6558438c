using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Portal;

/// <summary>Anyone with a dossier code sees its public status (<see cref="PublicDossierLookup"/>); the steps, their
/// dates and whether the result is ready need the second factor, with attempts limited (<see cref="PublicDossierDetail"/>).
/// Both answers come from the same handlers as the public API; the page adds no rule of its own.</summary>
[AllowAnonymous]
public sealed class LookupModel(PublicDossierLookup.Handler lookup, PublicDossierDetail.Handler detail, IStringLocalizer<SharedResource> text)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Lookup_Code")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "Lookup_Digits")]
    public string? Digits { get; set; }

    public PublicDossierLookup.View? Status { get; private set; }

    public PublicDossierDetail.View? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        NoStore();
        if (!string.IsNullOrWhiteSpace(Code))
        {
            await LoadStatusAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NoStore();
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), text["Lookup_CodeRequired"]);
            return Page();
        }

        var result = await detail.Handle(Code.Trim(), new PublicDossierDetail.Body(Digits?.Trim()), HttpContext.Connection.RemoteIpAddress, ct);
        if (result.IsSuccess)
        {
            Detail = result.Value;
            return Page();
        }

        await LoadStatusAsync(ct);
        switch (result.Error)
        {
            case PublicDossierDetail.TooManyAttempts limited:
                PublicCodePages.TooManyAttempts(limited, Response, ModelState, nameof(Digits), text);
                break;
            case ValidationFailed:
                ModelState.AddModelError(nameof(Digits), text["Lookup_DigitsInvalid", PublicDossierDetail.DigitCount]);
                break;
            default:
                // Same words for an unknown code and wrong digits: the answer must not tell which it was.
                ModelState.AddModelError(nameof(Digits), text["Lookup_DetailNotFound"]);
                break;
        }

        return Page();
    }

    private async Task LoadStatusAsync(CancellationToken ct) => Status = await PublicCodePages.StatusAsync(lookup, Code!, ModelState, text, ct);

    private void NoStore() => PublicCodePages.NoStore(Response);
}
