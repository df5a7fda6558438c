using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>One unit's self-assessment (issue 11 §2, §8), one area at a time: each sub-criterion with its maximum, method,
/// the control its method takes, not-applicable, explanation and evidence (a file put into the content-addressed store,
/// or a dossier, report run or published decision), the running totals and band, the deadline, what blocks submission,
/// the head's submission with a confirmation, and the audit trail; read-only once submitted and for Home Affairs. Every
/// rule is <see cref="Assessments.Handler"/>'s, the same as the API's; the page only reads its form.</summary>
[Authorize]
public sealed class AssessmentModel(Assessments.Handler assessments, Remediation.Handler remediation, IDocumentContentStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The area shown (its code); the first when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    public ParAssessmentView? Assessment { get; private set; }

    public string? Done { get; private set; }

    /// <summary>The sub-criterion whose form was posted and refused: its controls show what was typed.</summary>
    public string? PostedCode { get; private set; }

    /// <summary>What is wrong with the last post, in the page's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    public int? Revision { get; set; }

    [BindProperty]
    public ItemForm Item { get; set; } = new();

    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>One sub-criterion's form; numbers as typed (read with a dot or a comma as the decimal mark).</summary>
    public sealed class ItemForm
    {
        public string? Code { get; set; }

        public string? Done { get; set; }

        public string? Tier { get; set; }

        public string? Percent { get; set; }

        public string? Violations { get; set; }

        public string? Count { get; set; }

        public string? Value { get; set; }

        public List<string> CheckedRows { get; set; } = [];

        public bool NotApplicable { get; set; }

        public string? Explanation { get; set; }

        public string? Reason { get; set; }

        /// <summary>The indexes of the existing evidence kept.</summary>
        public List<int> Keep { get; set; } = [];

        public IFormFile? EvidenceFile { get; set; }

        public string? EvidenceKind { get; set; }

        public string? EvidenceReference { get; set; }

        /// <summary>The earlier remediation items attached (their ids).</summary>
        public List<Guid> Offers { get; set; } = [];
    }

    /// <summary>Completed items of the unit's earlier remediation plans a sub-criterion may attach, by code.</summary>
    public ILookup<string, ParRemediationOffer> Offers { get; private set; } = Array.Empty<ParRemediationOffer>().ToLookup(o => o.Code);

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(ct) ?? Page();
    }

    /// <summary>An evidence document of this assessment, for whoever reads the assessment.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(string? sha, CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null)
        {
            return loaded;
        }

        return await ParIndexPages.EvidenceFileAsync(this, store, sha, Assessment!.Lines.SelectMany(l => l.Evidence), "tai-lieu-kiem-chung", ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var loaded = await LoadAsync(ct);
        if (loaded is not null)
        {
            return loaded;
        }

        var code = Item.Code ?? string.Empty;
        var line = Assessment!.Lines.FirstOrDefault(l => l.Code == code);
        if (line is null)
        {
            return NotFound();
        }

        var request = await RequestAsync(line, ct);
        var saved = request.IsSuccess ? await assessments.SaveAsync(Id, code, request.Value, User, ct) : request.Error;
        if (saved.IsSuccess)
        {
            return Redirect($"/ParIndex/Assessment/{Id}?area={Uri.EscapeDataString(line.Area)}&done=Saved#sub-{code}");
        }

        PostedCode = code;
        Area = line.Area;
        Problems = ParIndexPages.Describe(saved.Error, paths: false);
        return Refused(saved.Error) ?? await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!Confirm)
        {
            Problems = [PageErrors.Text(new FieldMessage("par.confirm_required", "Đánh dấu ô xác nhận trước khi ký nộp."))];
            return await LoadAsync(ct) ?? Page();
        }

        var submitted = await assessments.SubmitAsync(Id, new SubmitAssessmentRequest(Revision), User, ct);
        if (submitted.IsSuccess)
        {
            return Redirect($"/ParIndex/Assessment/{Id}?done=Submitted");
        }

        Problems = ParIndexPages.Describe(submitted.Error, paths: false);
        return Refused(submitted.Error) ?? await LoadAsync(ct) ?? Page();
    }

    /// <summary>The API's request from the form: the control of the line's method, the kept and the new evidence (a file
    /// is put into the document store first).</summary>
    private async Task<Result<SaveAssessmentItemRequest>> RequestAsync(ParAssessmentLineView line, CancellationToken ct)
    {
        var evidence = new List<ParEvidenceRequest?>();
        foreach (var index in Item.Keep.Distinct().Where(i => i >= 0 && i < line.Evidence.Count).Order())
        {
            evidence.Add(new ParEvidenceRequest(line.Evidence[index].Kind.ToString(), line.Evidence[index].Reference));
        }

        if (Item.EvidenceFile is { Length: > 0 } file)
        {
            await using var content = file.OpenReadStream();
            var stored = await assessments.StoreEvidenceAsync(Id, content, file.ContentType, file.FileName, User, ct);
            if (stored.IsFailure)
            {
                return stored.Error;
            }

            evidence.Add(new ParEvidenceRequest(nameof(ParEvidenceKind.Document), stored.Value.Sha256Hex));
        }

        if (!string.IsNullOrWhiteSpace(Item.EvidenceReference))
        {
            evidence.Add(new ParEvidenceRequest(Item.EvidenceKind, Item.EvidenceReference));
        }

        evidence.AddRange(Item.Offers.Distinct().Select(o => new ParEvidenceRequest(nameof(ParEvidenceKind.RemediationItem), o.ToString())));

        var problems = new List<(string Field, FieldMessage Message)>();
        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add((field, new FieldMessage("par.number_invalid", "\"{0}\" không phải là một số.", text.Trim())));
            return null;
        }

        int? Whole(string? text, string field) => Number(text, field) is { } n
            ? n == decimal.Truncate(n) && n is >= int.MinValue and <= int.MaxValue ? (int)n : Invalid(field, text)
            : null;

        int? Invalid(string field, string? text)
        {
            problems.Add((field, new FieldMessage("par.number_invalid", "\"{0}\" không phải là một số.", text?.Trim() ?? "")));
            return null;
        }

        var kind = Enum.Parse<ParMethodKind>(line.Method);
        var request = new SaveAssessmentItemRequest(
            Revision,
            Score: null,
            Done: kind == ParMethodKind.Binary && Item.Done is "true" or "false" ? Item.Done == "true" : null,
            CheckedRows: kind == ParMethodKind.Checklist && !Item.NotApplicable ? Item.CheckedRows : null,
            Tier: kind == ParMethodKind.Tiered && !string.IsNullOrEmpty(Item.Tier) ? Item.Tier : null,
            Percent: kind == ParMethodKind.Proportional ? Number(Item.Percent, "percent") : null,
            Violations: kind == ParMethodKind.Deduction ? Whole(Item.Violations, "violations") : null,
            Count: kind == ParMethodKind.PerOccurrence ? Whole(Item.Count, "count") : null,
            Value: kind == ParMethodKind.Survey ? Number(Item.Value, "value") : null,
            NotApplicable: Item.NotApplicable,
            Explanation: Item.Explanation,
            Evidence: evidence,
            Reason: Item.Reason);
        return problems.Count > 0
            ? new ValidationFailed(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
            : request;
    }

    private IActionResult? Refused(Error error) => error switch
    {
        NotFoundError => NotFound(),
        OutOfScope when Assessment is null => Forbid(),
        _ => null,
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var loaded = await assessments.GetAsync(Id, User, ct);
        if (loaded.IsFailure)
        {
            return loaded.Error is NotFoundError ? NotFound() : Forbid();
        }

        Assessment = loaded.Value;
        var offers = await remediation.OffersAsync(Id, User, ct);
        Offers = (offers.IsSuccess ? offers.Value : []).ToLookup(o => o.Code, StringComparer.Ordinal);
        if (Area is null || !Assessment.Lines.Any(l => l.Area == Area))
        {
            Area = Assessment.Lines.Count > 0 ? Assessment.Lines[0].Area : null;
        }

        return null;
    }
}
