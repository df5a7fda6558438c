using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Access;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Identity;
using MotCua.Web.Features.OnlineSubmission;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Portal;

/// <summary>Online submission (issue 8 §5): the applicant prefilled from the account, the procedure's required documents
/// with an upload each, the receiving and competent units from pickers (<see cref="OnlineSubmissionOptions"/>), the
/// return method. Every post saves the server-side draft first (<see cref="SubmissionDrafts"/>), so input and files are
/// kept whatever happens next; "Lưu nháp" works without JavaScript and htmx autosaves the fields on change. Submitting
/// goes through <see cref="Features.Dossiers.CreateDossier"/> and ends on the electronic receipt.</summary>
[Authorize(Roles = nameof(StaffRole.Citizen))]
public sealed class SubmitModel(
    OnlineSubmissionOptions.Handler options, SubmissionDrafts drafts, UserManager<AppUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "procedure")]
    public Guid ProcedureId { get; set; }

    [BindProperty]
    public SubmitInput Input { get; set; } = new();

    public OnlineSubmissionOptions.Options Options { get; private set; } = null!;

    public SubmissionDrafts.Draft? Draft { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (Draft is { } draft)
        {
            Input = SubmitInput.From(draft.Fields);
        }
        else if (await users.GetUserAsync(User) is { } account)
        {
            Input = new SubmitInput { FullName = account.FullName, Email = account.Email, Phone = account.PhoneNumber };
        }

        if (Input.CompetentUnitId is null && Options.CompetentUnits.Count == 1)
        {
            Input.CompetentUnitId = Options.CompetentUnits[0].Id;
        }

        Notice = TempData["SubmitNotice"] as string;
        return Page();
    }

    /// <summary>"Lưu nháp": the fields and any chosen file; back to the form (PRG) unless a file was refused.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await SaveAsync(ct) is { } answer)
        {
            return answer;
        }

        TempData["SubmitNotice"] = "Saved";
        return RedirectToPage("/Portal/Submit", new { procedure = ProcedureId });
    }

    /// <summary>htmx autosave on change: the fields only (files go with "Lưu nháp" or the submission); answers the status line.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        var saved = await drafts.SaveAsync(User, ProcedureId, Input.ToFields(), [], ct);
        var line = saved.IsSuccess
            ? text["Submit_AutoSaved", Display.Instant(clock.GetUtcNow().UtcDateTime)].Value
            : PageErrors.Describe(saved.Error);
        // Encoded for htmx's innerHTML swap; Vietnamese letters stay as they are.
        return Content(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(line), "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (await SaveAsync(ct) is { } answer)
        {
            return answer;
        }

        var submitted = await drafts.SubmitAsync(User, ProcedureId, ct);
        if (submitted.IsFailure)
        {
            PageErrors.Add(ModelState, submitted.Error, "Input.", flatten: "applicant.");
            Draft = await drafts.FindAsync(User, ProcedureId, ct);
            return Page();
        }

        if (submitted.Value.FileErrors.Count > 0)
        {
            TempData["ReceiptFileErrors"] = string.Join(" ", submitted.Value.FileErrors.Values.Select(PageErrors.Message));
        }

        return RedirectToPage("/Portal/Receipt", new { id = submitted.Value.Dossier.Id });
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        await drafts.DeleteAsync(User, ProcedureId, ct);
        TempData["MyDossiersNotice"] = "DraftDiscarded";
        return RedirectToPage("/Portal/MyDossiers");
    }

    // Saves the draft with the posted fields and files; an answer (404, or the page with the refused files) when the
    // caller should not go on.
    private async Task<IActionResult?> SaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var files = new List<SubmissionDrafts.NewFile>();
        var form = Request.HasFormContentType ? Request.Form.Files : null;
        try
        {
            foreach (var document in Options.RequiredDocuments)
            {
                if (form?.GetFile($"file-{document.Index}") is { Length: > 0 } file)
                {
                    files.Add(new(document.Index, document.Name, file.OpenReadStream(), file.ContentType, file.FileName));
                }
            }

            var saved = await drafts.SaveAsync(User, ProcedureId, Input.ToFields(), files, ct);
            if (saved.IsFailure)
            {
                PageErrors.Add(ModelState, saved.Error, "Input.", flatten: "applicant.");
                return Page();
            }

            Draft = saved.Value.Draft;
            foreach (var (index, refused) in saved.Value.FileErrors)
            {
                var name = Options.RequiredDocuments.First(d => d.Index == index).Name;
                ModelState.AddModelError($"file-{index}", text["Submit_FileRefused", name, PageErrors.Message(refused)]);
            }

            return saved.Value.FileErrors.Count > 0 ? Page() : null;
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
            }
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var found = await options.Handle(ProcedureId, ct);
        if (found.IsFailure)
        {
            return NotFound();
        }

        Options = found.Value;
        Draft = await drafts.FindAsync(User, ProcedureId, ct);
        return null;
    }

    /// <summary>The applicant at the top level of the form (<c>Input.FullName</c>), with the units, the return method and
    /// the note: what a draft keeps (<see cref="SubmissionDrafts.Fields"/>).</summary>
    public sealed class SubmitInput : ApplicantInput
    {
        public Guid? ReceivingUnitId { get; set; }

        public Guid? CompetentUnitId { get; set; }

        public ResultReturnMethod ReturnMethod { get; set; } = ResultReturnMethod.AtDesk;

        [MaxLength(DossierFieldLimits.ReturnAddress)]
        public string? ReturnAddress { get; set; }

        [MaxLength(DossierFieldLimits.Note)]
        public string? Note { get; set; }

        public SubmissionDrafts.Fields ToFields() =>
            new(FullName, IdentityNumber, Phone, Email, Address, ReceivingUnitId, CompetentUnitId, ReturnMethod, ReturnAddress, Note);

        public static SubmitInput From(SubmissionDrafts.Fields f)
        {
            ArgumentNullException.ThrowIfNull(f);
            return new()
            {
                FullName = f.FullName,
                IdentityNumber = f.IdentityNumber,
                Phone = f.Phone,
                Email = f.Email,
                Address = f.Address,
                ReceivingUnitId = f.ReceivingUnitId,
                CompetentUnitId = f.CompetentUnitId,
                ReturnMethod = f.ReturnMethod,
                ReturnAddress = f.ReturnAddress,
                Note = f.Note,
            };
        }
    }
}
