using MotCua.Domain.Calendar;
using MotCua.Domain.Common;

namespace MotCua.Domain.Dossiers;

/// <summary>A dossier (hồ sơ TTHC): one application, its state, deadlines, control sheet and hash-chained history.</summary>
/// <remarks>
/// <para>State changes only through <see cref="Fire"/> and the three factories, which consult
/// <see cref="DossierWorkflow"/>. An illegal trigger or a broken rule returns an <see cref="Error"/> and leaves the
/// dossier untouched; every success appends one <see cref="DossierHistoryEntry"/> and increments <see cref="Version"/>
/// (the optimistic-concurrency token).</para>
/// <para>Deadline terms (limit, policies, calendar version) are copied from the procedure at receipt, so later
/// catalogue or calendar changes never move an existing appointment (domain.md §5.3).</para>
/// </remarks>
public sealed partial class Dossier
{
    private readonly List<SupplementRequest> _supplements = [];
    private readonly List<ProcessingStep> _steps = [];
    private readonly List<Consultation> _consultations = [];
    private readonly List<DossierHistoryEntry> _history = [];
    private readonly List<ChecklistItem> _checklist = [];

    private Dossier()
    {
        Applicant = null!;
        CalendarVersion = string.Empty;
        HistoryHash = string.Empty;
    }

    /// <summary>Identifier (version-7 GUID).</summary>
    public Guid Id { get; private set; }

    /// <summary>The dossier code, issued at receipt (ND 61/2018 Art. 17(3), 26); <see langword="null"/> before.</summary>
    public DossierCode? Code { get; private set; }

    /// <summary>The procedure version's id.</summary>
    public Guid ProcedureId { get; private set; }

    /// <summary>The procedure version number.</summary>
    public int ProcedureVersion { get; private set; }

    /// <summary>The unit whose desk received the dossier.</summary>
    public Guid ReceivingUnitId { get; private set; }

    /// <summary>The competent unit.</summary>
    public Guid CompetentUnitId { get; private set; }

    /// <summary>How it was submitted.</summary>
    public DossierChannel Channel { get; private set; }

    /// <summary>The applicant (personal data).</summary>
    public Applicant Applicant { get; private set; }

    /// <summary>The workflow state.</summary>
    public DossierStatus Status { get; private set; }

    /// <summary>The handling officer assigned by the head of the agency.</summary>
    public Guid? AssignedOfficerId { get; private set; }

    /// <summary>The citizen account that submitted the dossier online and may act on it as the applicant;
    /// <see langword="null"/> for counter and postal receipts and for dossiers created by staff.</summary>
    public Guid? OwnerUserId { get; private set; }

    /// <summary>When the dossier was submitted online, logged for the post, or presented at the counter (UTC).</summary>
    public DateTime SubmittedAt { get; private set; }

    /// <summary>The legal moment of receipt (UTC): acceptance, counter receipt, or the signing of the postal handover
    /// record (QĐ 45/2016 Art. 7(4)).</summary>
    public DateTime? ReceivedAt { get; private set; }

    /// <summary>The moment the processing time counts from: <see cref="ReceivedAt"/>, or the last supplement completion
    /// under <see cref="SupplementClockPolicy.SupplementRestart"/>.</summary>
    public DateTime? ClockStartedAt { get; private set; }

    /// <summary>The processing-time value copied from the procedure at receipt.</summary>
    public decimal TimeLimitValue { get; private set; }

    /// <summary>The processing-time unit copied from the procedure at receipt.</summary>
    public ProcessingTimeUnit TimeLimitUnit { get; private set; }

    /// <summary>The deadline policy used.</summary>
    public DeadlinePolicy DeadlinePolicy { get; private set; }

    /// <summary>The supplement clock policy used.</summary>
    public SupplementClockPolicy SupplementPolicy { get; private set; }

    /// <summary>Whether waiting for payment pauses the clock.</summary>
    public bool FinancialObligationPausesClock { get; private set; }

    /// <summary>The version of the working calendar the appointment was computed with.</summary>
    public string CalendarVersion { get; private set; }

    /// <summary>The legal appointment (UTC): computed at receipt, recomputed on a restart, shifted by pauses, never
    /// moved by an apology. TT 01/2018 internal scoring compares with it.</summary>
    public DateTime? OriginalAppointmentAt { get; private set; }

    /// <summary>The appointment the applicant holds (UTC, <c>NgayHenTra</c>): the original one or the apology's new date.</summary>
    public DateTime? CurrentAppointmentAt { get; private set; }

    /// <summary>When processing ended (UTC, <c>NgayKetThucXuLy</c>, domain.md §3.4): the first arrival of the result at the
    /// desk, a rejection, a stop, or a withdrawal after receipt.</summary>
    public DateTime? ProcessingEndedAt { get; private set; }

    /// <summary>When the result was first handed to the applicant (UTC).</summary>
    public DateTime? ReturnedAt { get; private set; }

    /// <summary>How many re-appointments were made (at most 1, ND 61/2018 Art. 19(9)).</summary>
    public int ExtensionCount { get; private set; }

    /// <summary>The apology (Form 04), if one was issued.</summary>
    public Apology? Apology { get; private set; }

    /// <summary>The latest financial-obligation request.</summary>
    public FinancialObligation? FinancialObligation { get; private set; }

    /// <summary>Set by a second agency-stage supplement request under <see cref="SupplementClockPolicy.SupplementPause"/>:
    /// DVCQG counts such a dossier as late (C1 §2.1).</summary>
    public bool MarkedLateByRepeatedSupplement { get; private set; }

    /// <summary>When the dossier left for the inter-agency chain; cleared when it comes back.</summary>
    public DateTime? InterAgencySentAt { get; private set; }

    /// <summary>Optimistic-concurrency token: 1 after creation, incremented by every successful transition; always the
    /// number of history entries, so the next entry's sequence.</summary>
    public int Version { get; private set; }

    /// <summary>The hash of the last history entry (the chain's head).</summary>
    public string HistoryHash { get; private set; }

    /// <summary>The counter checklist: each required document received, its form and copies (Form 01); empty when the
    /// desk recorded none (online dossiers, dossiers received before the checklist existed).</summary>
    public IReadOnlyList<ChecklistItem> Checklist => _checklist;

    /// <summary>How the applicant gets the result, chosen at receipt (QĐ 45/2016 Art. 4).</summary>
    public ResultReturnMethod ReturnMethod { get; private set; }

    /// <summary>Where the post delivers the result when <see cref="ReturnMethod"/> is
    /// <see cref="ResultReturnMethod.Postal"/> (personal data).</summary>
    public string? ReturnAddress { get; private set; }

    /// <summary>The postal shipment of the result, recorded when the desk hands it to the post.</summary>
    public ResultShipment? Shipment { get; private set; }

    /// <summary>Supplement requests, desk and agency stage.</summary>
    public IReadOnlyList<SupplementRequest> Supplements => _supplements;

    /// <summary>The control sheet (Form 05).</summary>
    public IReadOnlyList<ProcessingStep> Steps => _steps;

    /// <summary>Consultations with other agencies.</summary>
    public IReadOnlyList<Consultation> Consultations => _consultations;

    /// <summary>The append-only, hash-chained history.</summary>
    /// <remarks>A transition needs only the chain's head (<see cref="HistoryHash"/>) and the next sequence
    /// (<see cref="Version"/>), so a store may load a dossier without its history to fire a trigger; the collection then
    /// holds just the entries appended since loading. Whatever reads the past (period classification, views) must load
    /// it whole.</remarks>
    public IReadOnlyList<DossierHistoryEntry> History => _history;

    /// <summary>T1: an online submission, or a postal dossier logged before its handover record is signed.</summary>
    public static Result<Dossier> Submit(NewDossier data, DossierContext context)
    {
        var check = CheckCreation(DossierTrigger.Submit, data, context, DossierChannel.Online, DossierChannel.Postal);
        if (check is not null)
        {
            return check;
        }

        var dossier = New(data, context, DossierStatus.OnlineSubmitted);
        dossier.Append(context, null, DossierTrigger.Submit, data.Note, Data());
        return dossier;
    }

    /// <summary>T2: a complete dossier received at the counter: code, appointment and clock start now.</summary>
    /// <param name="data">The dossier's data; the channel must be <see cref="DossierChannel.InPerson"/>.</param>
    /// <param name="code">The code allocated for today's date (Vietnam time) at the receiving unit.</param>
    /// <param name="context">Actor, now, calculator and procedure terms.</param>
    public static Result<Dossier> ReceiveAtCounter(NewDossier data, DossierCode code, DossierContext context)
    {
        var check = CheckCreation(DossierTrigger.ReceiveAtCounter, data, context, DossierChannel.InPerson, DossierChannel.InPerson);
        if (check is not null)
        {
            return check;
        }

        var due = PrepareReceipt(code, context.NowUtc, context);
        if (due.IsFailure)
        {
            return due.Error;
        }

        var dossier = New(data, context, DossierStatus.Received);
        var fields = Data();
        dossier.Receive(code, context.NowUtc, due.Value, context, fields);
        dossier.Append(context, null, DossierTrigger.ReceiveAtCounter, data.Note, fields);
        return dossier;
    }

    /// <summary>T4: a dossier refused at the counter (Form 03), kept for statistics.</summary>
    public static Result<Dossier> RefuseAtCounter(NewDossier data, string reason, DossierContext context)
    {
        var check = CheckCreation(DossierTrigger.RefuseAtCounter, data, context, DossierChannel.InPerson, DossierChannel.InPerson);
        if (check is not null)
        {
            return check;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new FieldRequired(DossierTrigger.RefuseAtCounter, new FieldMessage("dossier.label.refusal_reason", "lý do từ chối"));
        }

        var dossier = New(data, context, DossierStatus.RefusedAtReceipt);
        var fields = Data();
        fields["reason"] = reason.Trim();
        dossier.Append(context, null, DossierTrigger.RefuseAtCounter, data.Note, fields);
        return dossier;
    }

    /// <summary>The triggers <paramref name="role"/> may fire now (the API's <c>allowedTriggers</c>): those the table
    /// and the role allow in this state, less those the dossier's own state would refuse whatever the payload (a second
    /// apology, an apology past its latest day, an opinion with no consultation open, …; docs/dossier-rules.md).</summary>
    /// <param name="role">The caller's role.</param>
    /// <param name="nowUtc">The current instant (UTC).</param>
    /// <param name="apology">The apology timing rule in force (default <see cref="ApologyRules.Default"/>).</param>
    /// <param name="calendar">The desk's calendar, needed only when the apology rule counts working days; without it
    /// that check is left to <see cref="Fire"/>.</param>
    /// <remarks>Rules that depend on the payload (a reason, an amount) or on other records (the unit's validity) are
    /// still checked only by <see cref="Fire"/>.</remarks>
    public IReadOnlyList<DossierTrigger> AllowedTriggers(
        DossierActorRole role, DateTime nowUtc, ApologyRules? apology = null, WorkingCalendar? calendar = null) =>
        [.. DossierWorkflow.AllowedTriggers(Status, role).Where(t => !WouldRefuse(t, nowUtc, apology ?? ApologyRules.Default, calendar))];

    // The payload-independent preconditions of Apply, in one place so the two never disagree.
    private bool WouldRefuse(DossierTrigger trigger, DateTime nowUtc, ApologyRules apology, WorkingCalendar? calendar) => trigger switch
    {
        DossierTrigger.IssueApology => Apology is not null || ExtensionCount >= 1 || CurrentAppointmentAt is null
            || (apology.LateApology == LateApologyHandling.Reject && (!apology.CountWorkingDays || calendar is not null)
                && BusinessDate(nowUtc) > LatestApologyDate(DueDate(CurrentAppointmentAt.Value), apology, calendar)),
        DossierTrigger.RecordOpinion => !_consultations.Exists(c => c.AnsweredAt is null),
        DossierTrigger.CompleteInterAgencyStep => !_steps.Exists(s => s.Kind == ProcessingStepKind.InterAgency && s.IsOpen),
        DossierTrigger.ReturnFromInterAgency => _steps.Exists(s => s.Kind == ProcessingStepKind.InterAgency && s.CompletedAt is null),
        DossierTrigger.RequestDeskSupplement => _supplements.Exists(s => s.Stage == SupplementStage.Desk),
        DossierTrigger.RecordDelivery => Shipment is not { DeliveredAt: null },
        _ => false,
    };

    /// <summary>Fires a trigger: checks the table, the role and the trigger's rules, applies the side effects, appends
    /// the history entry and increments <see cref="Version"/>.</summary>
    /// <returns>The new history entry (its <c>Data</c> holds compliance warnings), or
    /// <see cref="TransitionNotAllowed"/>, <see cref="RoleNotAllowed"/> or a rule's error, in which case nothing changed.</returns>
    /// <exception cref="ArgumentException"><c>context.NowUtc</c> is not UTC (a bug in the caller).</exception>
    public Result<DossierHistoryEntry> Fire(DossierCommand command, DossierContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        RequireUtc(context.NowUtc, nameof(context));
        var trigger = command.Trigger;
        if (!DossierWorkflow.Transitions.TryGetValue((Status, trigger), out var to))
        {
            return new TransitionNotAllowed(Status, trigger);
        }

        if (!DossierWorkflow.RoleMayFire(context.Actor.Role, trigger))
        {
            return new RoleNotAllowed(context.Actor.Role, trigger);
        }

        var fields = Data();
        var error = Apply(command, context, fields);
        if (error is not null)
        {
            return error;
        }

        var from = Status;
        Status = to;
        return Append(context, from, trigger, command.Note, fields);
    }

    private static Error? CheckCreation(
        DossierTrigger trigger, NewDossier data, DossierContext context, DossierChannel channel, DossierChannel otherChannel)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        RequireUtc(context.NowUtc, nameof(context));
        if (!DossierWorkflow.RoleMayFire(context.Actor.Role, trigger))
        {
            return new RoleNotAllowed(context.Actor.Role, trigger);
        }

        if (data.Channel != channel && data.Channel != otherChannel)
        {
            return new InvalidValue(trigger, new FieldMessage("dossier.label.channel", "kênh nộp"),
                new FieldMessage("dossier.reason.channel_not_for_trigger", "{0} không dùng được cho {1}", data.Channel, trigger));
        }

        if (data.Applicant is null || string.IsNullOrWhiteSpace(data.Applicant.FullName))
        {
            return new FieldRequired(trigger, new FieldMessage("dossier.label.applicant_name", "tên người nộp hồ sơ"));
        }

        // QĐ 45/2016 Art. 4, 9: a result sent by post needs the address the applicant registered for it.
        if (data.ReturnMethod == ResultReturnMethod.Postal && string.IsNullOrWhiteSpace(data.ReturnAddress))
        {
            return new FieldRequired(trigger, new FieldMessage("dossier.label.return_address", "địa chỉ nhận kết quả qua bưu chính"));
        }

        return CheckUnitsOperate(context, BusinessDate(context.NowUtc));
    }

    // A unit receives only while it exists (domain.md §0.3: no new dossiers for the districts closed on 30/06/2025);
    // docs/dossier-rules.md, "Units that no longer exist".
    private static UnitNotInOperation? CheckUnitsOperate(DossierContext context, DateOnly date)
    {
        foreach (var unit in (ReadOnlySpan<OperatingUnit?>)[context.ReceivingUnit, context.CompetentUnit])
        {
            if (unit is not null && !unit.OperatesOn(date))
            {
                return new UnitNotInOperation(unit.Name, unit.ValidFrom, unit.ValidTo, date);
            }
        }

        return null;
    }

    private static Dossier New(NewDossier data, DossierContext context, DossierStatus status) => new Dossier()
    {
        Id = data.Id ?? Guid.CreateVersion7(),
        ProcedureId = data.ProcedureId,
        ProcedureVersion = data.ProcedureVersion,
        ReceivingUnitId = data.ReceivingUnitId,
        CompetentUnitId = data.CompetentUnitId,
        Channel = data.Channel,
        Applicant = data.Applicant,
        OwnerUserId = data.OwnerUserId,
        Status = status,
        SubmittedAt = context.NowUtc,
        ReturnMethod = data.ReturnMethod,
        ReturnAddress = data.ReturnMethod == ResultReturnMethod.Postal ? data.ReturnAddress?.Trim() : null,
    }.WithChecklist(data.Checklist);

    private Dossier WithChecklist(IReadOnlyList<ChecklistItem>? checklist)
    {
        _checklist.AddRange(checklist ?? []);
        return this;
    }

    // Validates the code against the reception date and computes the appointment, without touching any dossier.
    private static Result<DateTime> PrepareReceipt(DossierCode code, DateTime receivedAtUtc, DossierContext context)
    {
        var receptionDate = BusinessDate(receivedAtUtc);
        if (code.Date != receptionDate)
        {
            return new DossierCodeDateMismatch(code.Date, receptionDate);
        }

        return Appointment(receivedAtUtc, context);
    }

    /// <summary>The appointment a receipt at <paramref name="receivedAtUtc"/> would get under <paramref name="context"/>
    /// (the procedure's terms and the receiving desk's calendar): what the desk shows before confirming a counter receipt.
    /// The same computation <see cref="ReceiveAtCounter"/> and acceptance use, so the preview equals the created appointment
    /// when nothing changes in between.</summary>
    public static Result<DateTime> Appointment(DateTime receivedAtUtc, DossierContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireUtc(receivedAtUtc, nameof(receivedAtUtc));
        if (CheckUnitsOperate(context, BusinessDate(receivedAtUtc)) is { } closed)
        {
            return closed;
        }

        var limit = context.Procedure.TimeLimit;
        var due = context.Calculator.ComputeDue(receivedAtUtc, limit.Value, limit.Unit, context.Procedure.DeadlinePolicy, context.DeadlineOptions);
        return due.IsSuccess ? due.Value : new AppointmentNotComputed(due.Error);
    }

    private DossierHistoryEntry Append(
        DossierContext context, DossierStatus? from, DossierTrigger trigger, string? note, SortedDictionary<string, object> fields)
    {
        var entry = new DossierHistoryEntry(
            Id, Version, context.NowUtc, context.Actor, from, Status, trigger, note, DataJson.Write(fields),
            OriginalAppointmentAt, CurrentAppointmentAt, HistoryHash);
        _history.Add(entry);
        HistoryHash = entry.Hash;
        Version++;
        return entry;
    }

    private static SortedDictionary<string, object> Data() => new(StringComparer.Ordinal);

    private static DateOnly BusinessDate(DateTime utc) => VietnamTime.BusinessDate(utc);

    private static void RequireUtc(DateTime instant, string paramName) => VietnamTime.RequireUtc(instant, paramName);
}
