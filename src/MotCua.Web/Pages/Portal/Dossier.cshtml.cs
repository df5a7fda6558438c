using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Access;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Persistence;
using MotCua.Web.Features.DossierDocuments;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;
using static MotCua.Web.Features.DossierDocuments.DossierDocumentsEndpoints;

namespace MotCua.Web.Pages.Portal;

/// <summary>The owner's dossier page (issue 8 §5): status and steps in public wording, appointment, result and how it is
/// returned, the files they sent; the open supplement request with a multipart form to upload what is missing and
/// resubmit, and withdrawal with a confirmation step. Reads through <see cref="GetDossier"/> (another citizen's dossier
/// is 404), files through <see cref="DocumentUploadHandler"/>, actions through <see cref="TransitionDossier"/>: which
/// answer the workflow allows is the engine's <c>allowedTriggers</c>.</summary>
[Authorize(Roles = nameof(StaffRole.Citizen))]
public sealed class DossierModel(
    GetDossier.Handler get, TransitionDossier.Handler transition, DocumentUploadHandler upload, DocumentReadHandler read, AppDbContext db,
    RateDossier.Handler rate, IStringLocalizer<SharedResource> text)
    : PageModel
{
    /// <summary>The citizen's answers to a supplement request: at the desk before acceptance (ND 61/2018 Art. 17(2)) and
    /// during appraisal (Art. 19(4)).</summary>
    private static readonly string[] SupplementAnswers = [nameof(DossierTrigger.Resubmit), nameof(DossierTrigger.CompleteSupplement)];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public RatingInput Rating { get; set; } = new();

    public DossierView Dossier { get; private set; } = null!;

    /// <summary>The dossier has ended for the applicant and nobody has rated it yet: the sheet is shown.</summary>
    public bool MayRate { get; private set; }

    /// <summary>The dossier has been rated (from any channel).</summary>
    public bool Rated { get; private set; }

    public string ProcedureName { get; private set; } = "";

    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];

    /// <summary>The supplement request waiting for an answer, when the workflow lets the citizen answer it now.</summary>
    public SupplementView? OpenSupplement { get; private set; }

    /// <summary>The trigger that answers <see cref="OpenSupplement"/>.</summary>
    public string? SupplementAnswer { get; private set; }

    public bool MayWithdraw { get; private set; }

    /// <summary>The withdrawal's confirmation step is showing.</summary>
    public bool ConfirmingWithdrawal { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Uploads one file per missing item (the item's wording is the file's component), then fires the answer.
    /// Nothing is resubmitted while a file is refused; files already accepted stay on the dossier and are listed.</summary>
    public async Task<IActionResult> OnPostSupplementAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (OpenSupplement is null || SupplementAnswer is null)
        {
            ModelState.AddModelError(string.Empty, text["Owner_NotAwaitingSupplement"]);
            return Page();
        }

        var files = Request.HasFormContentType ? Request.Form.Files : null;
        for (var i = 0; i < OpenSupplement.Items.Count; i++)
        {
            if (files?.GetFile($"file-{i}") is not { Length: > 0 } file)
            {
                continue;
            }

            await using var content = file.OpenReadStream();
            var attached = await upload.AttachAsync(Id, content, file.ContentType, file.FileName, OpenSupplement.Items[i], null, User, ct);
            if (attached.IsFailure)
            {
                ModelState.AddModelError($"file-{i}", $"{OpenSupplement.Items[i]}: {PageErrors.Describe(attached.Error)}");
            }
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ?? Page();
        }

        var fired = await transition.Handle(Id, new TransitionDossier.TransitionRequest(SupplementAnswer, Version, Note: Blank(Note)), User, null, ct);
        if (fired.IsFailure)
        {
            PageErrors.Add(ModelState, fired.Error);
            return await LoadAsync(ct) ?? Page();
        }

        TempData["PortalNotice"] = "Supplemented";
        return RedirectToPage("/Portal/Dossier", new { id = Id });
    }

    /// <summary>First post: the confirmation step (the reason kept); second post with <c>confirmed</c>: the withdrawal.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(bool confirmed, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (!confirmed || !MayWithdraw)
        {
            ConfirmingWithdrawal = MayWithdraw;
            return Page();
        }

        var fired = await transition.Handle(
            Id, new TransitionDossier.TransitionRequest(nameof(DossierTrigger.Withdraw), Version, Reason: Blank(Reason)), User, null, ct);
        if (fired.IsFailure)
        {
            PageErrors.Add(ModelState, fired.Error);
            return await LoadAsync(ct) ?? Page();
        }

        TempData["PortalNotice"] = "Withdrawn";
        return RedirectToPage("/Portal/Dossier", new { id = Id });
    }

    /// <summary>The owner's rating (issue 9 §1) on the portal channel, through the same handler as the API.</summary>
    public async Task<IActionResult> OnPostRateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        var rated = await rate.RateAsync(Id, Rating.ToSheet(null), User, null, ct);
        if (rated.IsFailure)
        {
            PageErrors.Add(ModelState, rated.Error, "Rating.");
            return await LoadAsync(ct) ?? Page();
        }

        TempData["PortalNotice"] = rated.Value.FollowUpOpened ? "RatedFollowUp" : "Rated";
        return RedirectToPage("/Portal/Dossier", new { id = Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var view = await get.Handle(Id, User, ct);
        if (view.IsFailure)
        {
            return NotFound();
        }

        Dossier = view.Value;
        ProcedureName = await db.Procedures.AsNoTracking().Where(p => p.Id == Dossier.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        var documents = await read.ListAsync(Id, User, ct);
        Documents = documents.IsSuccess ? documents.Value : [];
        SupplementAnswer = SupplementAnswers.FirstOrDefault(Dossier.AllowedTriggers.Contains);
        OpenSupplement = SupplementAnswer is null ? null : Dossier.Supplements.LastOrDefault(s => s.CompletedAt is null);
        MayWithdraw = Dossier.AllowedTriggers.Contains(nameof(DossierTrigger.Withdraw));
        Rated = await rate.IsRatedAsync(Id, ct);
        MayRate = !Rated && Enum.TryParse<DossierStatus>(Dossier.Status, out var status) && SatisfactionRating.IsRatable(status);
        Notice = TempData["PortalNotice"] as string;
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
