using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Feedback;
using MotCua.Persistence;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Pages.Desk;

/// <summary>The counter's rating screen (issue 9 §1; ND 61/2018 Art. 29(1)(b)): the desk officer opens it for a dossier
/// that has ended and turns the screen to the applicant (<c>Kiosk</c>), or types in a paper sheet or a phone survey
/// (<c>Paper</c>, <c>Phone</c>). <see cref="RateDossier.Handler.RateAsync"/> decides who may enter which channel.</summary>
[Authorize]
public sealed class RateModel(DeskPages pages, RateDossier.Handler rate, AppDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The channels a desk officer enters; the kiosk first, as the applicant answers it themselves.</summary>
    public static readonly IReadOnlyList<string> Channels = [nameof(RatingChannel.Kiosk), nameof(RatingChannel.Paper), nameof(RatingChannel.Phone)];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string Channel { get; set; } = nameof(RatingChannel.Kiosk);

    [BindProperty]
    public RatingInput Rating { get; set; } = new();

    public string? Code { get; private set; }

    public string ProcedureName { get; private set; } = "";

    public bool AlreadyRated { get; private set; }

    public RateDossier.Rated? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        var rated = await rate.RateAsync(Id, Rating.ToSheet(Channel), User, null, ct);
        if (rated.IsFailure)
        {
            PageErrors.Add(ModelState, rated.Error, "Rating.");
            return Page();
        }

        // The screen is cleared for the next applicant: nothing they answered stays on it.
        Done = rated.Value;
        Rating = new RatingInput();
        ModelState.Clear();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await pages.MayServeAsync(Id, User, ct))
        {
            return NotFound();
        }

        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == Id)
            .Select(d => new { d.Code, ProcedureName = db.Procedures.Where(p => p.Id == d.ProcedureId).Select(p => p.Name).Single() })
            .SingleAsync(ct);
        Code = dossier.Code?.Format();
        ProcedureName = dossier.ProcedureName;
        AlreadyRated = await rate.IsRatedAsync(Id, ct);
        return null;
    }
}
