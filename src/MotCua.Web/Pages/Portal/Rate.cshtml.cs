using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Feedback;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Pages.Portal;

/// <summary>The no-login rating page (issue 9 §1) that the QR code on the receipt slip and the result-ready message open:
/// the dossier code from the link, the last digits of the applicant's phone or identity number as the second factor, and
/// the evaluation sheet. <see cref="RateDossier.Handler.RateByCodeAsync"/> does the checking, under the public lookup's
/// attempt limits; the page adds no rule.</summary>
[AllowAnonymous]
public sealed class RateModel(PublicDossierLookup.Handler lookup, RateDossier.Handler rate, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Lookup_Code")]
    public string? Code { get; set; }

    [BindProperty]
    [Display(Name = "Lookup_Digits")]
    public string? Digits { get; set; }

    [BindProperty]
    public RatingInput Rating { get; set; } = new();

    public PublicDossierLookup.View? Status { get; private set; }

    public RateDossier.Rated? Done { get; private set; }

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

        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            await LoadStatusAsync(ct);
            return Page();
        }

        var result = await rate.RateByCodeAsync(Code.Trim(), Rating.ToPublic(Digits?.Trim()), HttpContext.Connection.RemoteIpAddress, ct);
        await LoadStatusAsync(ct);
        if (result.IsSuccess)
        {
            Done = result.Value;
            return Page();
        }

        switch (result.Error)
        {
            case PublicDossierDetail.TooManyAttempts limited:
                PublicCodePages.TooManyAttempts(limited, Response, ModelState, nameof(Digits), text);
                break;
            case ValidationFailed failed when failed.Errors.ContainsKey("digits"):
                ModelState.AddModelError(nameof(Digits), text["Lookup_DigitsInvalid", PublicDossierDetail.DigitCount]);
                break;
            case ValidationFailed failed:
                PageErrors.Add(ModelState, failed, "Rating.");
                break;
            case NotFoundError:
                // Same words for an unknown code and wrong digits: the answer must not tell which it was.
                ModelState.AddModelError(nameof(Digits), text["Lookup_DetailNotFound"]);
                break;
            case RatingAlreadyGiven or RatingNotYetOpen:
                ModelState.AddModelError(string.Empty, PageErrors.Message(result.Error));
                break;
            default:
                PageErrors.Add(ModelState, result.Error);
                break;
        }

        return Page();
    }

    private async Task LoadStatusAsync(CancellationToken ct) => Status = await PublicCodePages.StatusAsync(lookup, Code!, ModelState, text, ct);

    private void NoStore() => PublicCodePages.NoStore(Response);
}
