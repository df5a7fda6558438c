using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Common;
using MotCua.Web.Api;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>A unit's commitment (issue 11 §5, §8): each area's group, the default proposal, the target and where the unit
/// stands (estimate from the draft self-assessment, or the final result once submitted); the unit's officers edit the
/// targets, its head signs after confirming, the province's Home Affairs reopens a signed one with a reason; the audit
/// trail. Every rule is <see cref="Commitments.Handler"/>'s, the same as the API's.</summary>
[Authorize]
public sealed class CommitmentModel(Commitments.Handler commitments) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ParCommitmentView? Commitment { get; private set; }

    public string? Done { get; private set; }

    /// <summary>What is wrong with the last change, in the page's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public int? Revision { get; set; }

    /// <summary>The targets as typed, by area code (a dot or a comma as the decimal separator).</summary>
    [BindProperty]
    public Dictionary<string, string?> Targets { get; set; } = [];

    [BindProperty]
    public bool Confirm { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostTargetsAsync(CancellationToken ct)
    {
        var targets = Targets.Select(t => new CommitmentTargetRequest(t.Key, Parse(t.Value))).ToList<CommitmentTargetRequest?>();
        return await AfterAsync(await commitments.SaveTargetsAsync(Id, new SaveCommitmentTargetsRequest(Revision, targets), User, ct), "Saved", ct);
    }

    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct) =>
        await AfterAsync(await commitments.SignAsync(Id, new SignCommitmentRequest(Revision, Confirm), User, ct), "Signed", ct);

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        await AfterAsync(await commitments.ReopenAsync(Id, new ReopenCommitmentRequest(Revision, Reason), User, ct), "Reopened", ct);

    /// <summary>What the box shows for <paramref name="area"/>: what was typed after a refusal, else the target.</summary>
    public string TargetText(ParCommitmentAreaView area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return Targets.TryGetValue(area.Area, out var typed) && typed is not null ? typed : area.Target.ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static decimal? Parse(string? text) => ParIndexPages.Number(text);

    private async Task<IActionResult> AfterAsync(Result<ParCommitmentView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            return RedirectToPage("/ParIndex/Commitment", new { id = Id, done });
        }

        // The targets' messages name their area already: no paths.
        Problems = result.Error is ValidationFailed failed
            ? [.. failed.Fields.SelectMany(f => f.Value.Select(PageErrors.Text))]
            : [PageErrors.Message(result.Error)];
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var loaded = await commitments.GetAsync(Id, User, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error is NotFoundError ? NotFound() : Forbid();
        }

        Commitment = loaded.Value;
        return null;
    }
}
