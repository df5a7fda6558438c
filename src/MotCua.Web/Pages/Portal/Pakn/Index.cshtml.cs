using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Web.Features.Pakn;

namespace MotCua.Web.Pages.Portal.Pakn;

/// <summary>The published answers to PAKN (ND 20/2008 Art. 19), newest first, searchable; personal data removed by the
/// domain before publication. Links to sending a PAKN and to following one. Each answer has a like/dislike form
/// (<c>/Portal/Pakn/React</c>) with this portal's tallies, the reader's own reaction, and the totals synchronised from
/// DVCQG when there are any.</summary>
[AllowAnonymous]
public sealed class IndexModel(PublicPakn.Handler pakn, PaknReactions.Handler reactions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Skip { get; set; }

    public PublicPakn.PublishedPage? Published { get; private set; }

    /// <summary>The reader's reactions, by tracking code (reading the page issues no cookie).</summary>
    public IReadOnlyDictionary<string, PaknReactionKind> Mine { get; private set; } = new Dictionary<string, PaknReactionKind>();

    /// <summary>This page's address, for the reaction form to come back to.</summary>
    public string Here => "/Portal/Pakn" + Request.QueryString;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = await pakn.PublishedAsync(Q, null, Math.Clamp(Skip, 0, 100_000), ct);
        Published = page.IsSuccess ? page.Value : null;
        if (Published is { Rows.Count: > 0 } rows)
        {
            Mine = await reactions.MineAsync([.. rows.Rows.Select(r => r.TrackingCode)], ReaderCookie.Key(HttpContext, User, issue: false), ct);
        }

        return Page();
    }
}
