using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Common;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Pakn;

namespace MotCua.Web.Pages.Portal.Pakn;

/// <summary>Following a PAKN by its tracking code (issue 9 §2): status, deadline and, once published, the answer; the
/// submitter (4 last digits of the phone they gave) sends a requested supplement or says whether the answer satisfies
/// them — a dissatisfied reply reopens the case. Everything goes through <see cref="PublicPakn.Handler"/>.</summary>
[AllowAnonymous]
public sealed class TrackModel(PublicPakn.Handler pakn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    [BindProperty]
    public string? Digits { get; set; }

    [BindProperty]
    public bool? Satisfied { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Supplement { get; set; }

    public PaknPublicView? Case { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PublicCodePages.NoStore(Response);
        if (!string.IsNullOrWhiteSpace(Code))
        {
            await LoadAsync(ct);
        }

        Notice = TempData["PaknNotice"] as string;
        return Page();
    }

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) =>
        ActAsync(() => pakn.ReplyAsync(Code ?? "", new PublicPakn.PaknReply(Digits?.Trim(), Satisfied, Comment), HttpContext.Connection.RemoteIpAddress, ct),
            Satisfied == false ? "Reopened" : "Replied", ct);

    public Task<IActionResult> OnPostSupplementAsync(CancellationToken ct) =>
        ActAsync(() => pakn.SupplementAsync(Code ?? "", new PublicPakn.PaknSupplement(Digits?.Trim(), Supplement), HttpContext.Connection.RemoteIpAddress, ct),
            "Supplemented", ct);

    private async Task<IActionResult> ActAsync(Func<Task<Result<PaknPublicView>>> act, string notice, CancellationToken ct)
    {
        PublicCodePages.NoStore(Response);
        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await act();
        if (result.IsSuccess)
        {
            TempData["PaknNotice"] = notice;
            return RedirectToPage("/Portal/Pakn/Track", new { code = result.Value.TrackingCode });
        }

        switch (result.Error)
        {
            case PublicDossierDetail.TooManyAttempts limited:
                PublicCodePages.TooManyAttempts(limited, Response, ModelState, nameof(Digits), text);
                break;
            case ValidationFailed failed when failed.Errors.ContainsKey("digits"):
                ModelState.AddModelError(nameof(Digits), text["PaknTrack_DigitsInvalid"]);
                break;
            case NotFoundError:
                ModelState.AddModelError(nameof(Digits), text["PaknTrack_NotMatched"]);
                break;
            default:
                PageErrors.Add(ModelState, result.Error);
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var found = await pakn.GetAsync(Code!.Trim(), ct);
        if (found.IsSuccess)
        {
            Case = found.Value;
            return;
        }

        ModelState.AddModelError(nameof(Code), found.Error is NotFoundError ? text["PaknTrack_NotFound", Code.Trim()] : text["PaknTrack_CodeInvalid"]);
    }
}
