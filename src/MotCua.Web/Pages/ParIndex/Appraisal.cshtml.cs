using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>One unit's assessment in appraisal (issue 11 §3, §8), one area at a time: per sub-criterion the self-score
/// with its explanation and evidence beside the appraised score and reason, the unit's answer (giải trình bổ sung) and
/// the council's final score. An assigned appraiser scores their areas; Home Affairs sends the results to the unit; the
/// unit's officers answer and its head submits; the council's chair (or Home Affairs) decides and finalises; Home Affairs
/// reopens with a reason. Scores are entered as points. Every rule is <see cref="Appraisal.Handler"/>'s, the API's.</summary>
[Authorize]
public sealed class AppraisalModel(Appraisal.Handler appraisal, IDocumentContentStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The area shown (its code); the first when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    public ParAppraisalView? View { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The sub-criterion whose form was refused (its messages show in its card).</summary>
    public string? PostedCode { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public int? Revision { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Points as typed (a dot or a comma as the decimal mark).</summary>
    [BindProperty]
    public string? Points { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    /// <summary>A published decision's URL given as further evidence with an answer.</summary>
    [BindProperty]
    public string? EvidenceUrl { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>An evidence document the assessment references (self-assessment or answer), for whoever reads it here.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(string? sha, CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null)
        {
            return loaded;
        }

        var referenced = View!.Lines.SelectMany(l => l.Evidence.Concat(l.Answer?.Evidence ?? []))
            .Any(e => e.Kind == ParEvidenceKind.Document && e.Reference == sha);
        if (sha is null || !referenced)
        {
            return NotFound();
        }

        var opened = await store.OpenReadAsync(sha, ct);
        return opened.IsSuccess ? File(opened.Value, "application/octet-stream", $"tai-lieu-kiem-chung-{sha[..12]}") : NotFound();
    }

    public async Task<IActionResult> OnPostAppraiseAsync(CancellationToken ct) =>
        await ItemAsync(await appraisal.AppraiseAsync(Id, Code ?? "", new AppraiseItemRequest(Revision, Parse(Points), null, null, null, null, null, null, null, null, Reason),
            User, ct), "Appraised", ct);

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        List<ParEvidenceRequest?> evidence = string.IsNullOrWhiteSpace(EvidenceUrl) ? [] : [new ParEvidenceRequest(nameof(ParEvidenceKind.Url), EvidenceUrl)];
        return await ItemAsync(await appraisal.AnswerAsync(Id, Code ?? "",
            new AnswerItemRequest(Revision, Text, evidence, Parse(Points), null, null, null, null, null, null, null, null), User, ct), "Answered", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct) =>
        await ItemAsync(await appraisal.DecideAsync(Id, Code ?? "", new DecideItemRequest(Revision, Parse(Points), null, null, null, null, null, null, null, null, Reason),
            User, ct), "Decided", ct);

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct) =>
        await StepAsync(await appraisal.SendAsync(Id, new SendForClarificationRequest(Revision), User, ct), "Sent", ct);

    public async Task<IActionResult> OnPostSubmitAnswerAsync(CancellationToken ct) =>
        await StepAsync(await ConfirmedAsync(() => appraisal.SubmitAnswerAsync(Id, new SubmitClarificationRequest(Revision), User, ct)), "AnswerSubmitted", ct);

    public async Task<IActionResult> OnPostFinaliseAsync(CancellationToken ct) =>
        await StepAsync(await ConfirmedAsync(() => appraisal.FinaliseAsync(Id, new FinaliseAppraisalRequest(Revision), User, ct)), "Finalised", ct);

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        await StepAsync(await appraisal.ReopenAsync(Id, new ReopenAppraisalRequest(Revision, Reason), User, ct), "Reopened", ct);

    private static decimal? Parse(string? text) => ParIndexPages.Number(text);

    private async Task<Result<ParAppraisalView>> ConfirmedAsync(Func<Task<Result<ParAppraisalView>>> step) =>
        Confirm ? await step() : ValidationFailed.One("confirm", new FieldMessage("par.confirm_required", "Đánh dấu ô xác nhận trước khi ký nộp."));

    private async Task<IActionResult> ItemAsync(Result<ParAppraisalView> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            var area = result.Value.Lines.FirstOrDefault(l => l.Code == Code)?.Area ?? Area;
            return Redirect($"/ParIndex/Appraisal/{Id}?area={Uri.EscapeDataString(area ?? "")}&done={done}#sub-{Code}");
        }

        PostedCode = Code;
        return await RefusedAsync(result.Error, ct);
    }

    private async Task<IActionResult> StepAsync(Result<ParAppraisalView> result, string done, CancellationToken ct) =>
        result.IsSuccess ? Redirect($"/ParIndex/Appraisal/{Id}?done={done}") : await RefusedAsync(result.Error, ct);

    private async Task<IActionResult> RefusedAsync(Error error, CancellationToken ct)
    {
        if (error is NotFoundError)
        {
            return NotFound();
        }

        Problems = ParIndexPages.Describe(error, paths: false);
        var loaded = await LoadAsync(ct);
        if (loaded is null && PostedCode is not null)
        {
            Area = View!.Lines.FirstOrDefault(l => l.Code == PostedCode)?.Area ?? Area;
        }

        return loaded ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var loaded = await appraisal.GetAsync(Id, User, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error is NotFoundError ? NotFound() : Forbid();
        }

        View = loaded.Value;
        if (Area is null || !View.Lines.Any(l => l.Area == Area))
        {
            Area = View.Lines.FirstOrDefault(l => l.MayAppraise || l.MayAnswer || l.MayDecide)?.Area ?? (View.Lines.Count > 0 ? View.Lines[0].Area : null);
        }

        return null;
    }
}
