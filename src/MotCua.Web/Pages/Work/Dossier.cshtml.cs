using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.DossierDocuments;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Pages.Work;

/// <summary>One dossier for the handling officer and the agency head: timeline, control-sheet steps, documents and the
/// actions the engine allows now, each with its consequence (the engine's dry run, <see cref="TransitionDossier.Handler.PreviewAsync"/>)
/// shown before it is taken. Every read and action goes through the API's handlers; a dossier the caller may not read
/// answers 404.</summary>
[Authorize]
public sealed class DossierModel(
    AppDbContext db, GetDossier.Handler get, TransitionDossier.Handler transitions, DocumentReadHandler documents, AssignableStaff.Handler staff)
    : PageModel
{
    /// <summary>The fields each trigger's form asks for; a trigger not listed needs none (only an optional note).</summary>
    public static readonly IReadOnlyDictionary<DossierTrigger, string[]> Fields = new Dictionary<DossierTrigger, string[]>
    {
        [DossierTrigger.Assign] = ["officerId"],
        [DossierTrigger.RequestSupplement] = ["reason", "items"],
        [DossierTrigger.RequestDeskSupplement] = ["reason", "items"],
        [DossierTrigger.Reject] = ["reason"],
        [DossierTrigger.RefuseAtReceipt] = ["reason"],
        [DossierTrigger.Stop] = ["reason"],
        [DossierTrigger.CorrectResult] = ["reason"],
        [DossierTrigger.IssueApology] = ["reason", "newAppointmentAt", "signerName"],
        [DossierTrigger.RequestConsultation] = ["agencies"],
        [DossierTrigger.SendToInterAgency] = ["agencies", "parallel"],
        [DossierTrigger.RecordOpinion] = ["agencyName", "opinion"],
        [DossierTrigger.CompleteInterAgencyStep] = ["agencyName"],
        [DossierTrigger.RequestFinancialObligation] = ["amount", "description"],
        [DossierTrigger.ConfirmPayment] = ["receiptNumber"],
    };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public DossierView Dossier { get; private set; } = null!;

    public (string Code, string Name) Procedure { get; private set; }

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<DossierDocumentsEndpoints.DocumentView> Documents { get; private set; } = [];

    public IReadOnlyList<AssignableStaff.Person> Officers { get; private set; } = [];

    /// <summary>The dry run of each allowed trigger that needs no input, or of the form just previewed.</summary>
    public Dictionary<string, Result<DossierTransitioned>> Previews { get; } = new(StringComparer.Ordinal);

    /// <summary>The trigger whose form was posted, with its error (kept input) or its preview awaiting confirmation.</summary>
    public string? Posted { get; private set; }

    public string? ErrorMessage { get; private set; }

    public bool Stale { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>The dry run of a form: shows the consequence and asks for confirmation, input kept.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        Posted = Input.Trigger;
        var request = Input.ToRequest();
        if (request.IsFailure)
        {
            ErrorMessage = Describe(request.Error);
            return Page();
        }

        var preview = await transitions.PreviewAsync(Id, request.Value, User, ct);
        Previews[Input.Trigger ?? ""] = preview;
        Explain(preview);
        return Page();
    }

    /// <summary>Takes the action at the version the user saw; success goes back to the dossier (post/redirect/get).</summary>
    public async Task<IActionResult> OnPostFireAsync(CancellationToken ct)
    {
        var request = Input.ToRequest();
        if (request.IsSuccess)
        {
            var fired = await transitions.Handle(Id, request.Value, User, null, ct);
            if (fired.IsSuccess)
            {
                return RedirectToPage("/Work/Dossier", new { id = Id, done = Input.Trigger });
            }

            if (fired.Error is NotFoundError)
            {
                return NotFound();
            }

            Explain(fired);
        }
        else
        {
            ErrorMessage = Describe(request.Error);
        }

        Posted = Input.Trigger;
        return await LoadAsync(ct) ?? Page();
    }

    private void Explain(Result<DossierTransitioned> result)
    {
        if (result.IsFailure)
        {
            Stale = result.Error is StaleVersion;
            ErrorMessage = Describe(result.Error);
        }
    }

    // A validation error names each field's problem; any other error is its own message.
    private static string Describe(Error error) => PageErrors.Describe(error);

    public bool NeedsInput(string trigger) => Enum.TryParse<DossierTrigger>(trigger, out var t) && Fields.ContainsKey(t);

    public bool Asks(string trigger, string field) =>
        Enum.TryParse<DossierTrigger>(trigger, out var t) && Fields.TryGetValue(t, out var fields) && fields.Contains(field);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var view = await get.Handle(Id, User, ct);
        if (view.IsFailure)
        {
            // Another unit's dossier is not disclosed: 404 as the API answers citizens.
            return NotFound();
        }

        Dossier = view.Value;
        Procedure = (await ProcedureOptions.NamesAsync(db, [Dossier.ProcedureId], ct)).GetValueOrDefault(Dossier.ProcedureId);
        var actors = Dossier.History.Select(h => h.ActorId).OfType<Guid>().Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var docs = await documents.ListAsync(Id, User, ct);
        Documents = docs.IsSuccess ? docs.Value : [];
        if (Dossier.AllowedTriggers.Contains(nameof(DossierTrigger.Assign)))
        {
            var officers = await staff.Handle(Dossier.CompetentUnitId, null, User, ct);
            Officers = officers.IsSuccess ? officers.Value : [];
        }

        foreach (var trigger in Dossier.AllowedTriggers.Where(t => !NeedsInput(t)))
        {
            Previews[trigger] = await transitions.PreviewAsync(Id, new TransitionDossier.TransitionRequest(trigger, Dossier.Version), User, ct);
        }

        return null;
    }

    /// <summary>One action form's fields, as posted (text as typed, so that an error shows it again).</summary>
    public sealed class ActionInput
    {
        public string? Trigger { get; set; }

        public int Version { get; set; }

        public string? Note { get; set; }

        public string? Reason { get; set; }

        /// <summary>One item per line.</summary>
        public string? Items { get; set; }

        public Guid? OfficerId { get; set; }

        /// <summary>Vietnam local date and time (<c>datetime-local</c>).</summary>
        public string? NewAppointmentAt { get; set; }

        public string? SignerName { get; set; }

        /// <summary>One agency per line, <c>name; working days</c>.</summary>
        public string? Agencies { get; set; }

        public bool Parallel { get; set; }

        public string? AgencyName { get; set; }

        public string? Opinion { get; set; }

        public string? Amount { get; set; }

        public string? Description { get; set; }

        public string? ReceiptNumber { get; set; }

        /// <summary>The API request; only the shape of the text is checked here, every rule is the engine's.</summary>
        public Result<TransitionDossier.TransitionRequest> ToRequest()
        {
            DateTime? newAppointment = null;
            if (!string.IsNullOrWhiteSpace(NewAppointmentAt))
            {
                if (!DateTime.TryParseExact(NewAppointmentAt, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    return ValidationFailed.One("newAppointmentAt", new FieldMessage("work.new_appointment_format", "Ngày hẹn trả mới không hợp lệ (ngày/tháng/năm giờ:phút)."));
                }

                newAppointment = VietnamTime.ToUtc(local);
            }

            decimal? amount = null;
            if (!string.IsNullOrWhiteSpace(Amount))
            {
                if (!decimal.TryParse(Amount.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return ValidationFailed.One("amount", new FieldMessage("work.amount_format", "Số tiền phải là số đồng, không có phần lẻ."));
                }

                amount = value;
            }

            List<TransitionDossier.AgencyInput>? agencies = null;
            if (!string.IsNullOrWhiteSpace(Agencies))
            {
                agencies = [];
                foreach (var line in Lines(Agencies))
                {
                    var parts = line.Split(';', 2, StringSplitOptions.TrimEntries);
                    decimal? days = null;
                    if (parts.Length == 2)
                    {
                        if (!decimal.TryParse(parts[1].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
                        {
                            return ValidationFailed.One("agencies", new FieldMessage("work.agency_days_format", "Số ngày làm việc của “{0}” không hợp lệ.", parts[0]));
                        }

                        days = d;
                    }

                    agencies.Add(new TransitionDossier.AgencyInput(parts[0], days, days));
                }
            }

            return new TransitionDossier.TransitionRequest(
                Trigger, Version, Blank(Note), Blank(Reason), Items is null ? null : Lines(Items), OfficerId, newAppointment, Blank(SignerName),
                amount, Blank(Description), Blank(ReceiptNumber), agencies, Parallel, Blank(AgencyName), Blank(Opinion));
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        private static List<string> Lines(string text) =>
            [.. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }
}
