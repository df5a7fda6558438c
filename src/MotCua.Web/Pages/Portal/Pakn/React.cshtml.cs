using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Pakn;

namespace MotCua.Web.Pages.Portal.Pakn;

/// <summary>A reader's like or dislike of a published answer, from the list's form (no JavaScript; the antiforgery token
/// as on every form), through <see cref="PaknReactions.Handler"/>, the API's handler. Throttled per client like the
/// public API (a refusal is the 429 error page). Success goes back to where the reader was, at the answer; a refusal
/// is explained here with a link back.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicDossierLookup.RateLimitPolicy)]
public sealed class ReactModel(PaknReactions.Handler reactions) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Reaction { get; set; }

    /// <summary>The list page the reader was on (its search and page); anything else goes back to the list.</summary>
    [BindProperty]
    public string? ReturnUrl { get; set; }

    public string? Refused { get; private set; }

    public string Back => ReturnUrl is { } url && url.StartsWith("/Portal/Pakn", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal)
        ? url
        : "/Portal/Pakn";

    public IActionResult OnGet() => Redirect("/Portal/Pakn");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var reader = ReaderCookie.Key(HttpContext, User, issue: true)!;
        var result = await reactions.ReactAsync(Code ?? "", new PaknReactions.PaknReactionRequest(Reaction), reader, ct);
        if (result.IsSuccess)
        {
            return Redirect($"{Back}#pub-{result.Value.TrackingCode}");
        }

        Refused = PageErrors.Describe(result.Error);
        Response.StatusCode = Api.ErrorMapping.StatusOf(result.Error);
        return Page();
    }
}
