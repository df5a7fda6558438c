using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Persistence;
using MotCua.Web.Features.DossierDocuments;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Pages.Desk;

/// <summary>One dossier as the desk works on it: applicant, checklist, return method and shipment, history, the desk's
/// allowed actions (accept, one completion request, refuse, transfer, return in person or by post, delivery), scans and
/// the printable forms. Reads go through <see cref="GetDossier"/> (logged), actions through
/// <see cref="TransitionDossier"/>; a dossier the caller does not serve as desk officer is "not found".</summary>
[Authorize]
public sealed class DossierModel(
    DeskPages pages, GetDossier.Handler get, TransitionDossier.Handler transition, DocumentUploadHandler upload, AppDbContext db,
    RateDossier.Handler rate)
    : PageModel
{
    /// <summary>The triggers this page offers; the engine's <c>allowedTriggers</c> decides which of them show.</summary>
    public static readonly IReadOnlyList<string> DeskTriggers =
    [
        nameof(DossierTrigger.Accept), nameof(DossierTrigger.RequestDeskSupplement), nameof(DossierTrigger.RefuseAtReceipt),
        nameof(DossierTrigger.Transfer), nameof(DossierTrigger.ReturnResult), nameof(DossierTrigger.RecordDelivery),
    ];

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "created")]
    public bool Created { get; set; }

    [BindProperty]
    public ActionInput Action { get; set; } = new();

    public DossierView Dossier { get; private set; } = null!;

    public string ProcedureName { get; private set; } = "";

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>The dossier has ended and is not rated yet: the desk can open the kiosk sheet (<c>/Desk/Rate</c>).</summary>
    public bool MayRate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostFireAsync(CancellationToken ct)
    {
        if (!await pages.MayServeAsync(Id, User, ct) || !DeskTriggers.Contains(Action.Trigger))
        {
            return NotFound();
        }

        var a = Action;
        var request = new TransitionDossier.TransitionRequest(
            a.Trigger, a.Version, Reason: a.Reason,
            Items: a.Items?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            HandoverSignedAt: Local(a.HandoverSignedAt), Carrier: a.Carrier, TrackingNumber: a.TrackingNumber,
            SentAt: Local(a.SentAt), DeliveredAt: Local(a.DeliveredAt));
        var fired = await transition.Handle(Id, request, User, null, ct);
        if (fired.IsFailure)
        {
            PageErrors.Add(ModelState, fired.Error, "Action.");
            return await LoadAsync(ct) ?? Page();
        }

        return RedirectToPage("/Desk/Dossier", new { id = Id });
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!await pages.MayServeAsync(Id, User, ct))
        {
            return NotFound();
        }

        // The engine's upload reads this request's multipart form itself (file, componentName): same limits and types.
        var result = await upload.ReceiveAsync(Id, Request, User, ct);
        if (result.IsSuccess)
        {
            return RedirectToPage("/Desk/Dossier", new { id = Id });
        }

        ModelState.AddModelError(string.Empty, PageErrors.Describe(result.Error));
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
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

        Dossier = view.Value;
        ProcedureName = await db.Procedures.AsNoTracking().Where(p => p.Id == Dossier.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        Actions = [.. DeskTriggers.Where(Dossier.AllowedTriggers.Contains)];
        Action.Version = Dossier.Version;
        Message = TempData["DeskError"] as string;
        MayRate = Enum.TryParse<DossierStatus>(Dossier.Status, out var status) && SatisfactionRating.IsRatable(status)
            && !await rate.IsRatedAsync(Id, ct);
        return null;
    }

    // datetime-local inputs carry Vietnam wall time without an offset.
    private static DateTime? Local(DateTime? value) => value is { } v ? VietnamTime.ToUtc(DateTime.SpecifyKind(v, DateTimeKind.Unspecified)) : null;

    public sealed class ActionInput
    {
        public string Trigger { get; set; } = "";

        public int Version { get; set; }

        public string? Reason { get; set; }

        public string? Items { get; set; }

        public DateTime? HandoverSignedAt { get; set; }

        public string? Carrier { get; set; }

        public string? TrackingNumber { get; set; }

        public DateTime? SentAt { get; set; }

        public DateTime? DeliveredAt { get; set; }
    }
}
