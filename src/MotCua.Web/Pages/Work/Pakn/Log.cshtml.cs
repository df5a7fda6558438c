using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Web.Api;
using MotCua.Web.Features.Pakn;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Work.Pakn;

/// <summary>The desk logs a PAKN that came as a letter, on the hotline (transcribed faithfully, ND 20/2008 Art. 6), by
/// e-mail or from another system, with the time it arrived: the clock starts then (domain.md §10.3).</summary>
[Authorize]
public sealed class LogModel(SubmitPakn.Handler submit, UnitTree.Handler units, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The channels a desk officer logs.</summary>
    public static readonly IReadOnlyList<string> Channels =
        [nameof(PaknChannel.DeskPaper), nameof(PaknChannel.Phone), nameof(PaknChannel.Email), nameof(PaknChannel.Import)];

    [BindProperty]
    public PaknInput Input { get; set; } = new();

    [BindProperty]
    public string Channel { get; set; } = nameof(PaknChannel.DeskPaper);

    /// <summary>When it arrived, Vietnam wall time (a <c>datetime-local</c> input); empty: now.</summary>
    [BindProperty]
    public DateTime? ReceivedAt { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<(Guid Id, string Name, int Depth)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return Page();
        }

        var received = ReceivedAt is { } local ? VietnamTime.ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)) : (DateTime?)null;
        var logged = await submit.LogAtDeskAsync(new SubmitPakn.PaknLogEntry(Channel, Input.ToSubmission(), received, Note), User, ct);
        if (logged.IsSuccess)
        {
            return RedirectToPage("/Work/Pakn/Case", new { id = logged.Value.Id, done = nameof(PaknTrigger.Submit) });
        }

        if (logged.Error is OutOfScope)
        {
            ModelState.AddModelError("Input.ReceivingUnitId", PageErrors.Message(logged.Error));
        }
        else
        {
            PageErrors.Add(ModelState, logged.Error, "Input.");
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Units = UnitTree.Flatten(await units.Handle(VietnamTime.Today(clock), ct));
}
