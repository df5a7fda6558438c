using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Api;
using MotCua.Web.Features.Surveys;

namespace MotCua.Web.Pages.Surveys;

/// <summary>One campaign (issue 9 §5): its settings, the progress of collection per unit (quota, invited, web, paper),
/// and the steps the caller may take now: start sampling (with a seed drawn in public, or a random one), draw the sample
/// and issue the invitations (sent by SMS and e-mail where the dossier has them), re-issue a lost invitation by the
/// dossier's code, start and close collection, publish. The invitations' tokens are shown once, on the answer to the
/// sampling or the re-issue, for printing; the page is not cached.</summary>
[Authorize]
public sealed class CampaignModel(Campaigns.Handler campaigns, Sampling.Handler sampling, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Trigger { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public long? Seed { get; set; }

    public CampaignView Campaign { get; private set; } = null!;

    public Sampling.SampleResult? Sample { get; private set; }

    /// <summary>The dossier code typed to re-issue a lost invitation.</summary>
    [BindProperty]
    public string? DossierCode { get; set; }

    /// <summary>The re-issued invitation, on that answer only.</summary>
    public Sampling.IssuedInvitationView? Reissued { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostStepAsync(CancellationToken ct)
    {
        if (PageErrors.ReplaceBindingErrors(ModelState, text["Form_ValueInvalid"]))
        {
            return await LoadAsync(ct) ?? Page();
        }

        var moved = await campaigns.TransitionAsync(Id, new CampaignTransitionRequest(Trigger, Version, Seed), User, ct);
        if (moved.IsSuccess)
        {
            return RedirectToPage("/Surveys/Campaign", new { id = Id, done = Trigger });
        }

        ModelState.AddModelError(string.Empty, moved.Error is StaleVersion ? text["SurveyCampaign_Stale"] : PageErrors.Message(moved.Error));
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostSampleAsync(CancellationToken ct)
    {
        // The tokens are on this answer only: nothing may keep it.
        SurveyPages.KeepTokenPrivate(Response);
        var sample = await sampling.SampleAsync(Id, User, ct);
        if (sample.IsSuccess)
        {
            Sample = sample.Value;
        }
        else
        {
            ModelState.AddModelError(string.Empty, PageErrors.Message(sample.Error));
        }

        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(CancellationToken ct)
    {
        // The new token is on this answer only, like the sample's.
        SurveyPages.KeepTokenPrivate(Response);
        var reissued = await sampling.ReissueAsync(Id, new Sampling.ReissueRequest(DossierCode), User, ct);
        if (reissued.IsSuccess)
        {
            Reissued = reissued.Value;
            DossierCode = null;
        }
        else
        {
            ModelState.AddModelError(nameof(DossierCode), PageErrors.Describe(reissued.Error));
        }

        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var view = await campaigns.GetAsync(Id, User, ct);
        if (view.IsFailure)
        {
            return view.Error is OutOfScope ? Forbid() : NotFound();
        }

        Campaign = view.Value;
        return null;
    }
}
