using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Desk;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Desk;

/// <summary>Counter and postal receipt: pick the procedure (search without diacritics), tick its checklist, enter the
/// applicant, choose how the result is returned, see the appointment the engine computes, then confirm. Every rule is
/// the engine's: <see cref="DeskProcedures"/>, <see cref="AppointmentPreview"/>, <see cref="CreateDossier"/> and, for a
/// postal receipt, <see cref="TransitionDossier"/> (Accept at the handover record).</summary>
[Authorize]
public sealed class ReceiveModel(
    DossierAccess access, DeskProcedures.Handler procedures, AppointmentPreview.Handler preview, CreateDossier.Handler create,
    TransitionDossier.Handler transition, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public Guid? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "procedureId")]
    public Guid? ProcedureId { get; set; }

    [BindProperty(SupportsGet = true, Name = "channel")]
    public DossierChannel Channel { get; set; } = DossierChannel.InPerson;

    [BindProperty]
    public ReceiveInput Input { get; set; } = new();

    public IReadOnlyList<Guid> Units { get; private set; } = [];

    public IReadOnlyList<DeskProcedures.ProcedureOption> Results { get; private set; } = [];

    public DeskProcedures.Reception? Procedure { get; private set; }

    public AppointmentPreview.Preview? Appointment { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        if (Procedure is not null)
        {
            Input = ReceiveInput.For(Procedure, Channel);
        }
        else if (!string.IsNullOrWhiteSpace(Query) || Query is not null)
        {
            var found = await procedures.SearchAsync(Unit!.Value, Query, Channel, User, ct);
            Results = found.IsSuccess ? found.Value : [];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        if (Procedure is null)
        {
            return NotFound();
        }

        ApplicantProblems();
        var result = await preview.Handle(new AppointmentPreview.PreviewRequest(Procedure.Id, Unit, Input.CompetentUnitId, ReceivedAt()), User, ct);
        if (result.IsFailure)
        {
            PageErrors.Add(ModelState, result.Error, "Input.");
        }
        else
        {
            Appointment = result.Value;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        if (Procedure is null)
        {
            return NotFound();
        }

        var body = new CreateDossier.CreateDossierRequest(
            Channel, Procedure.Id, Unit, Input.CompetentUnitId, Input.Applicant.ToCommand(), Note: Input.Note,
            Checklist: [.. Input.Checklist.Where(c => c.Received).Select(c => new CreateDossier.ChecklistInput(c.Index, c.ReceivedAs, c.Copies))],
            ReturnMethod: Input.ReturnMethod, ReturnAddress: Input.ReturnAddress);
        // The key makes a double click (or a resent form) answer with the dossier already created.
        var created = await create.Handle(body, User, Input.IdempotencyKey, ct);
        if (created.IsFailure)
        {
            PageErrors.Add(ModelState, created.Error, "Input.");
            return Page();
        }

        var dossier = created.Value.Response;
        if (Channel == DossierChannel.Postal && dossier.Status == "Submitted")
        {
            // QĐ 45/2016 Art. 7(4): a postal dossier is received at the signing of the handover record.
            var accepted = await transition.Handle(dossier.Id,
                new TransitionDossier.TransitionRequest(nameof(DossierTrigger.Accept), dossier.Version, HandoverSignedAt: ReceivedAt()),
                User, Input.IdempotencyKey + ":accept", ct);
            if (accepted.IsFailure)
            {
                TempData["DeskError"] = PageErrors.Message(accepted.Error);
            }
        }

        return RedirectToPage("/Desk/Dossier", new { id = dossier.Id, created = true });
    }

    private void ApplicantProblems()
    {
        foreach (var (field, message) in ApplicantRules.Problems(Input.Applicant.ToApplicant()))
        {
            ModelState.AddModelError("Input.Applicant." + char.ToUpperInvariant(field[0]) + field[1..], PageErrors.Text(message));
        }
    }

    private DateTime? ReceivedAt() =>
        Channel == DossierChannel.Postal && Input.HandoverSignedAt is { } local ? VietnamTime.ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)) : null;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (DossierAccess.UserId(User) is not { } userId)
        {
            return Forbid();
        }

        Units = [.. (await access.UnitsWithRoleAsync(userId, StaffRole.DeskOfficer, ct)).Order()];
        if (Units.Count == 0)
        {
            return Forbid();
        }

        Unit ??= Units[0];
        if (!Units.Contains(Unit.Value))
        {
            return NotFound();
        }

        if (ProcedureId is { } id)
        {
            var reception = await procedures.ReceptionAsync(id, Unit.Value, User, ct);
            if (reception.IsFailure)
            {
                return NotFound();
            }

            Procedure = reception.Value;
            if (!Procedure.Channels.Contains(Channel.ToString()))
            {
                Channel = DossierChannel.InPerson;
            }
        }

        return null;
    }

    public string Now => Display.InputValue(clock.GetUtcNow().UtcDateTime);

    public sealed class ReceiveInput
    {
        public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

        public Guid? CompetentUnitId { get; set; }

        public ApplicantInput Applicant { get; set; } = new();

        public List<ChecklistLine> Checklist { get; set; } = [];

        public ResultReturnMethod ReturnMethod { get; set; } = ResultReturnMethod.AtDesk;

        [MaxLength(DossierFieldLimits.ReturnAddress)]
        public string? ReturnAddress { get; set; }

        public DateTime? HandoverSignedAt { get; set; }

        [MaxLength(DossierFieldLimits.Note)]
        public string? Note { get; set; }

        public static ReceiveInput For(DeskProcedures.Reception procedure, DossierChannel channel) => new()
        {
            CompetentUnitId = procedure.CompetentUnits.Count == 1 ? procedure.CompetentUnits[0].Id : null,
            ReturnMethod = channel == DossierChannel.Postal ? ResultReturnMethod.Postal : ResultReturnMethod.AtDesk,
            Checklist = [.. procedure.RequiredDocuments.Select(d => new ChecklistLine
            {
                Index = d.Index,
                ReceivedAs = Enum.Parse<DocumentForms>(d.AcceptedForms[0]),
                Copies = d.Copies,
            })],
        };
    }

    public sealed class ChecklistLine
    {
        public int Index { get; set; }

        public bool Received { get; set; }

        public DocumentForms ReceivedAs { get; set; }

        public int Copies { get; set; } = 1;
    }
}
