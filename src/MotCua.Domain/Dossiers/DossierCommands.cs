namespace MotCua.Domain.Dossiers;

/// <summary>A request to fire a trigger on an existing dossier; subclasses carry what the trigger needs.</summary>
/// <param name="Note">Free text stored in the history entry.</param>
public abstract record DossierCommand(string? Note)
{
    /// <summary>The trigger this command fires.</summary>
    public abstract DossierTrigger Trigger { get; }
}

/// <summary>A trigger without data (Transfer, StartAppraisal, SubmitForApproval, Approve, ReturnResult, …).</summary>
public sealed record TriggerCommand(DossierTrigger Fired, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => Fired;
}

/// <summary>A trigger that needs a reason: RefuseAtReceipt, Reject, Stop, CorrectResult (required), Withdraw (optional).</summary>
public sealed record ReasonCommand(DossierTrigger Fired, string Reason, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => Fired;
}

/// <summary>T7: accept an online or postal dossier.</summary>
/// <param name="Code">The code allocated for the reception date.</param>
/// <param name="HandoverSignedAtUtc">Postal dossiers only: when the handover record was signed, the legal moment of
/// receipt (QĐ 45/2016 Art. 7(4)); <see langword="null"/> means now.</param>
/// <param name="Note">History note.</param>
public sealed record AcceptCommand(DossierCode Code, DateTime? HandoverSignedAtUtc = null, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.Accept;
}

/// <summary>T5/T14: request a supplement (Form 02), at the desk before acceptance or during appraisal.</summary>
public sealed record RequestSupplementCommand(string Reason, IReadOnlyList<string> Items, bool AtDesk = false, string? Note = null)
    : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => AtDesk ? DossierTrigger.RequestDeskSupplement : DossierTrigger.RequestSupplement;
}

/// <summary>T10: assign a handling officer.</summary>
public sealed record AssignCommand(Guid HandlingOfficerId, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.Assign;
}

/// <summary>One agency to consult and its opinion time in working days.</summary>
public sealed record ConsultationRequest(string AgencyName, decimal OpinionWorkingDays);

/// <summary>T12: ask other agencies for opinions.</summary>
public sealed record RequestConsultationCommand(IReadOnlyList<ConsultationRequest> Agencies, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.RequestConsultation;
}

/// <summary>T12: record one agency's opinion.</summary>
public sealed record RecordOpinionCommand(string AgencyName, string Opinion, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.RecordOpinion;
}

/// <summary>One agency of an inter-agency chain and its slice in the procedure's time unit.</summary>
public sealed record InterAgencySlice(string AgencyName, decimal Slice);

/// <summary>T13: send along the inter-agency chain (Phiếu chuyển xử lý with per-agency deadlines).</summary>
/// <param name="Agencies">The chain in order; <see langword="null"/> takes the procedure's
/// <see cref="Catalogue.PerformerRole.OtherAgency"/> steps.</param>
/// <param name="Parallel">Electronic same-level chain: all agencies at once (ND 61/2018 Art. 19(6)(b)); otherwise
/// each forwards to the next (Art. 19(6)(a)).</param>
/// <param name="Note">History note.</param>
public sealed record SendToInterAgencyCommand(IReadOnlyList<InterAgencySlice>? Agencies = null, bool Parallel = false, string? Note = null)
    : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.SendToInterAgency;
}

/// <summary>T13: one agency of the chain has finished.</summary>
/// <param name="AgencyName">The agency; <see langword="null"/> means the first open step.</param>
/// <param name="Note">History note.</param>
public sealed record CompleteInterAgencyStepCommand(string? AgencyName = null, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.CompleteInterAgencyStep;
}

/// <summary>T16: ask the applicant to pay.</summary>
public sealed record RequestFinancialObligationCommand(decimal AmountVnd, string? Description = null, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.RequestFinancialObligation;
}

/// <summary>T17: payment confirmed.</summary>
public sealed record ConfirmPaymentCommand(string? ReceiptNumber = null, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.ConfirmPayment;
}

/// <summary>T20: apology and new appointment (Form 04).</summary>
public sealed record IssueApologyCommand(string Reason, DateTime NewAppointmentAtUtc, string SignerName, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.IssueApology;
}

/// <summary>The data of a new dossier, for <see cref="Dossier.Submit"/>, <see cref="Dossier.ReceiveAtCounter"/> and
/// <see cref="Dossier.RefuseAtCounter"/>.</summary>
/// <param name="ProcedureId">The procedure version's id.</param>
/// <param name="ProcedureVersion">The procedure version number.</param>
/// <param name="ReceivingUnitId">The unit whose desk receives it.</param>
/// <param name="CompetentUnitId">The unit that decides.</param>
/// <param name="Channel">How it was submitted.</param>
/// <param name="Applicant">The applicant.</param>
/// <param name="Id">The dossier id; a new version-7 GUID when <see langword="null"/> (idempotent retries pass one).</param>
/// <param name="Note">History note.</param>
/// <param name="OwnerUserId">The citizen account submitting online, which may then act as the applicant.</param>
/// <param name="Checklist">The counter checklist (<see cref="DossierChecklist.Build"/>); empty when none was recorded.</param>
/// <param name="ReturnMethod">How the applicant will get the result (QĐ 45/2016 Art. 4).</param>
/// <param name="ReturnAddress">The delivery address when <paramref name="ReturnMethod"/> is postal (required then).</param>
public sealed record NewDossier(
    Guid ProcedureId, int ProcedureVersion, Guid ReceivingUnitId, Guid CompetentUnitId, DossierChannel Channel,
    Applicant Applicant, Guid? Id = null, string? Note = null, Guid? OwnerUserId = null,
    IReadOnlyList<ChecklistItem>? Checklist = null, ResultReturnMethod ReturnMethod = ResultReturnMethod.AtDesk, string? ReturnAddress = null);

/// <summary>T21: the result handed to the applicant at the desk, or to the post for a postal return.</summary>
/// <param name="Carrier">Postal return only: the postal enterprise.</param>
/// <param name="TrackingNumber">Postal return only: the item's tracking number.</param>
/// <param name="SentAtUtc">Postal return only: when the result was handed to the post; <see langword="null"/> means now.</param>
/// <param name="Note">History note.</param>
public sealed record ReturnResultCommand(string? Carrier = null, string? TrackingNumber = null, DateTime? SentAtUtc = null, string? Note = null)
    : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.ReturnResult;
}

/// <summary>The post delivered a result sent by post (QĐ 45/2016 Art. 10): the delivery time on the shipment.</summary>
public sealed record RecordDeliveryCommand(DateTime DeliveredAtUtc, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.RecordDelivery;
}

/// <summary>The desk corrects a mistyped applicant detail; the history entry keeps the old and the new value.</summary>
/// <param name="Corrected">The applicant as it should read (every field; unchanged fields as they are).</param>
/// <param name="Reason">Why (e.g. "gõ nhầm số CCCD"), required.</param>
/// <param name="Note">History note.</param>
public sealed record CorrectApplicantCommand(Applicant Corrected, string Reason, string? Note = null) : DossierCommand(Note)
{
    /// <inheritdoc/>
    public override DossierTrigger Trigger => DossierTrigger.CorrectApplicant;
}
