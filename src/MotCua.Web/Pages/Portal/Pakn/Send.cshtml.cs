using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Pakn;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Portal.Pakn;

/// <summary>Sending a PAKN on the portal (issue 9 §2; ND 20/2008 Art. 6–7), with or without an account: the page only
/// carries the form to <see cref="SubmitPakn.Handler"/> and shows the tracking code it gives.</summary>
[AllowAnonymous]
public sealed class SendModel(SubmitPakn.Handler submit, UnitTree.Handler units, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public PaknInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name, int Depth)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? unit, string? dossier, string? procedure, CancellationToken ct)
    {
        Input.ReceivingUnitId = unit;
        Input.DossierCode = dossier;
        Input.ProcedureCode = procedure;
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

        var sent = await submit.SubmitOnPortalAsync(Input.ToSubmission(), User, ct);
        if (sent.IsFailure)
        {
            PageErrors.Add(ModelState, sent.Error, "Input.");
            return Page();
        }

        return RedirectToPage("/Portal/Pakn/Track", new { code = sent.Value.TrackingCode, sent = true });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = UnitTree.Flatten(await units.Handle(VietnamTime.Today(clock), ct));
    }
}
