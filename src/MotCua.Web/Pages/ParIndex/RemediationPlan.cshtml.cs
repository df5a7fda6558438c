using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>A unit's remediation plan (issue 11 §6): its roll-up and one card per item (the sub-criterion, the points lost,
/// actions, owner, deadline, status, overdue, evidence, notes); the unit's officers edit an item in one form (a new file
/// goes into the content-addressed store and is referenced by its SHA-256), generate again, the head approves after
/// confirming, the province's Home Affairs comments; the audit trail. Every rule is <see cref="Remediation.Handler"/>'s.</summary>
[Authorize]
public sealed class RemediationPlanModel(Remediation.Handler remediation, IDocumentContentStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ParRemediationPlanView? Plan { get; private set; }

    public string? Done { get; private set; }

    /// <summary>What is wrong with the last change, in the page's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The item whose form was refused (its messages show in its card), if any.</summary>
    public string? FailedItem { get; private set; }

    [BindProperty]
    public int? Revision { get; set; }

    [BindProperty]
    public ItemForm Item { get; set; } = new();

    [BindProperty]
    public bool Confirm { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? CommentItem { get; set; }

    /// <summary>One item's form.</summary>
    public sealed class ItemForm
    {
        public string? Code { get; set; }

        public string? Actions { get; set; }

        public Guid? Owner { get; set; }

        public DateOnly? Deadline { get; set; }

        public string? Status { get; set; }

        /// <summary>The indexes of the existing evidence kept.</summary>
        public List<int> Keep { get; set; } = [];

        public IFormFile? EvidenceFile { get; set; }

        /// <summary>A published decision's URL.</summary>
        public string? EvidenceUrl { get; set; }

        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>An evidence document of this plan, for whoever reads the plan.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(string? sha, CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null)
        {
            return loaded;
        }

        return await ParIndexPages.EvidenceFileAsync(this, store, sha, Plan!.Items.SelectMany(i => i.Evidence), "minh-chung-khac-phuc", ct);
    }

    public async Task<IActionResult> OnPostItemAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null)
        {
            return loaded;
        }

        var line = Plan!.Items.FirstOrDefault(i => i.Code == Item.Code);
        if (line is null)
        {
            return NotFound();
        }

        FailedItem = line.Code;
        var evidence = Item.Keep.Distinct().Where(i => i >= 0 && i < line.Evidence.Count).Order()
            .Select(i => (ParEvidenceRequest?)new ParEvidenceRequest(line.Evidence[i].Kind.ToString(), line.Evidence[i].Reference)).ToList();
        if (Item.EvidenceFile is { Length: > 0 } file)
        {
            await using var content = file.OpenReadStream();
            var stored = await remediation.StoreEvidenceAsync(Id, content, file.ContentType, file.FileName, User, ct);
            if (stored.IsFailure)
            {
                return await AfterAsync(stored.Error, ct);
            }

            evidence.Add(new ParEvidenceRequest(nameof(ParEvidenceKind.Document), stored.Value.Sha256Hex));
        }

        if (!string.IsNullOrWhiteSpace(Item.EvidenceUrl))
        {
            evidence.Add(new ParEvidenceRequest(nameof(ParEvidenceKind.Url), Item.EvidenceUrl));
        }

        var saved = await remediation.SaveItemAsync(Id, line.Code,
            new SaveRemediationItemRequest(Revision, Item.Actions, Item.Owner, Item.Deadline, Item.Status, evidence, Item.Notes), User, ct);
        return saved.IsSuccess ? RedirectToPage("/ParIndex/RemediationPlan", null, new { id = Id, done = "Saved" }, "item-" + line.Code) : await AfterAsync(saved.Error, ct);
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct) =>
        await AfterAsync(await remediation.RegenerateAsync(Id, new RegenerateRemediationPlanRequest(Revision), User, ct), "Regenerated", ct);

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        await AfterAsync(await remediation.ApproveAsync(Id, new ApproveRemediationPlanRequest(Revision, Confirm), User, ct), "Approved", ct);

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken ct) =>
        await AfterAsync(await remediation.CommentAsync(Id, new CommentRemediationPlanRequest(Revision, Comment, CommentItem), User, ct), "Commented", ct);

    /// <summary>The form's value for an item: what was typed after a refusal of that item's form, else the item's.</summary>
    public bool Posted(ParRemediationItemView item) => item is not null && FailedItem == item.Code;

    private async Task<IActionResult> AfterAsync(Result<ParRemediationPlanView> result, string done, CancellationToken ct) =>
        result.IsSuccess ? RedirectToPage("/ParIndex/RemediationPlan", new { id = Id, done }) : await AfterAsync(result.Error, ct);

    private async Task<IActionResult> AfterAsync(Error error, CancellationToken ct)
    {
        Problems = ParIndexPages.Describe(error, paths: false);
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var loaded = await remediation.GetAsync(Id, User, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error is NotFoundError ? NotFound() : Forbid();
        }

        Plan = loaded.Value;
        return null;
    }
}
