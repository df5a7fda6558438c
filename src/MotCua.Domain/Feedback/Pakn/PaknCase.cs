using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>A PAKN (phản ánh, kiến nghị) on administrative regulations or on the conduct of civil servants, from
/// receipt to the published answer and the citizen's reaction (ND 20/2008; domain.md §10).</summary>
/// <remarks>
/// <para>State changes only through <see cref="Submit"/> and <see cref="Fire"/>, which consult <see cref="PaknWorkflow"/>.
/// An illegal trigger or a broken rule returns an <see cref="Error"/> and leaves the case untouched; every success
/// appends one <see cref="PaknHistoryEntry"/> and increments <see cref="Version"/> (the optimistic-concurrency token,
/// always the number of entries).</para>
/// <para>The clock starts at submission, or at the latest transfer in (domain.md §10.3); <see cref="Deadlines"/> are
/// computed then, with the settings version in force that day, and never move afterwards.</para>
/// </remarks>
public sealed partial class PaknCase
{
    private readonly List<PaknContentCategory> _categories = [];
    private readonly List<PaknReviewItem> _review = [];
    private readonly List<PaknPublicationChannel> _publicationChannels = [];
    private readonly List<PaknHistoryEntry> _history = [];

    private PaknCase()
    {
        Submitter = null!;
        Subject = string.Empty;
        Content = string.Empty;
        Deadlines = null!;
    }

    /// <summary>Identifier (version-7 GUID).</summary>
    public Guid Id { get; private set; }

    /// <summary>The public tracking code.</summary>
    public PaknTrackingCode TrackingCode { get; private set; }

    /// <summary>Phản ánh or kiến nghị.</summary>
    public PaknKind Kind { get; private set; }

    /// <summary>How it arrived.</summary>
    public PaknChannel Channel { get; private set; }

    /// <summary>The submitter (personal data; never published, see <see cref="PublishedAnswer"/>).</summary>
    public PaknSubmitter Submitter { get; private set; }

    /// <summary>A short title.</summary>
    public string Subject { get; private set; }

    /// <summary>The content as submitted; supplements are in the history.</summary>
    public string Content { get; private set; }

    /// <summary>The dossier the PAKN is about, if any.</summary>
    public Guid? DossierId { get; private set; }

    /// <summary>The procedure the PAKN is about, if any.</summary>
    public ProcedureCode? ProcedureCode { get; private set; }

    /// <summary>Its identifier in the system or register it was imported from, if any (unique).</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The unit that received and logged it.</summary>
    public Guid ReceivingUnitId { get; private set; }

    /// <summary>The unit that handles it: the receiving unit until classification says otherwise.</summary>
    public Guid HandlingUnitId { get; private set; }

    /// <summary>The Art. 5 contents, in article order.</summary>
    public IReadOnlyList<PaknContentCategory> Categories => _categories;

    /// <summary>Regulation or conduct (766 §5.1); <see langword="null"/> until classified.</summary>
    public PaknClassification? Classification { get; private set; }

    /// <summary>The workflow state.</summary>
    public PaknStatus Status { get; private set; }

    /// <summary>The legal moment of receipt (UTC).</summary>
    public DateTime SubmittedAt { get; private set; }

    /// <summary>When the case was logged in the system (UTC).</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>The latest transfer in (UTC), if the case came by transfer.</summary>
    public DateTime? TransferredInAt { get; private set; }

    /// <summary>The clock start (UTC): <see cref="TransferredInAt"/> if any, else <see cref="SubmittedAt"/>.</summary>
    public DateTime ClockStartedAt { get; private set; }

    /// <summary>The deadlines of the current clock start.</summary>
    public PaknDeadlines Deadlines { get; private set; }

    /// <summary>When the case was classified (UTC).</summary>
    public DateTime? ClassifiedAt { get; private set; }

    /// <summary>The state the pending supplement was requested in; <see langword="null"/> when none is pending.</summary>
    public PaknStatus? SupplementRequestedFrom { get; private set; }

    /// <summary>What the pending supplement request asks for.</summary>
    public string? PendingSupplementRequest { get; private set; }

    /// <summary>The first supplement request of the current clock (UTC), which C1 times.</summary>
    public DateTime? FirstSupplementRequestedAt { get; private set; }

    /// <summary>Why the case was not accepted.</summary>
    public string? RefusalReason { get; private set; }

    /// <summary>The body the case was forwarded to.</summary>
    public string? ForwardedToName { get; private set; }

    /// <summary>That body's unit id when it is in the system.</summary>
    public Guid? ForwardedToUnitId { get; private set; }

    /// <summary>When the case ended without an answer: refusal or forwarding (UTC).</summary>
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The six-criteria review of a regulation case (Art. 14(2)(c)), in criterion order.</summary>
    public IReadOnlyList<PaknReviewItem> Review => _review;

    /// <summary>The answer to the submitter, with personal data as needed.</summary>
    public string? AnswerText { get; private set; }

    /// <summary>The decision form (Art. 14(1), 15).</summary>
    public PaknDecisionForm? DecisionForm { get; private set; }

    /// <summary>When the head last decided (UTC).</summary>
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Who last decided.</summary>
    public Guid? DecidedById { get; private set; }

    /// <summary>The first time handling completed, i.e. the answer went to publication (UTC). A reopened case keeps it:
    /// 766 §5.2 judges the first answer; the reopening counts against §5.3.</summary>
    public DateTime? HandlingCompletedAt { get; private set; }

    /// <summary>The latest publication is due by then (UTC); set when the answer goes to publication.</summary>
    public DateTime? PublicationDueAt { get; private set; }

    /// <summary>The answer as published: <see cref="AnswerText"/> (or the publisher's text) without personal data.</summary>
    public string? PublishedAnswer { get; private set; }

    /// <summary>Where the answer was published (Art. 19).</summary>
    public IReadOnlyList<PaknPublicationChannel> PublicationChannels => _publicationChannels;

    /// <summary>The latest publication (UTC).</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>Public likes of the published answer (the latest totals received).</summary>
    public int Likes { get; private set; }

    /// <summary>Public dislikes of the published answer.</summary>
    public int Dislikes { get; private set; }

    /// <summary>The submitter's own latest reply: satisfied, dissatisfied, or none yet.</summary>
    public bool? SubmitterSatisfied { get; private set; }

    /// <summary>The submitter's latest reply text.</summary>
    public string? SubmitterReply { get; private set; }

    /// <summary>How many times a dissatisfied reply reopened the case.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>Optimistic-concurrency token: 1 after creation, incremented by every transition; always the number of
    /// history entries.</summary>
    public int Version { get; private set; }

    /// <summary>The append-only history. A store may load a case without it to fire a trigger (the collection then holds
    /// just the entries appended since); <see cref="PaknTimeliness"/> needs it whole.</summary>
    public IReadOnlyList<PaknHistoryEntry> History => _history;

    /// <summary>Receives and logs a PAKN (ND 20/2008 Art. 9(1)(b)–(c)) and starts its clock.</summary>
    /// <returns>The case in <see cref="PaknStatus.Received"/>, or why it cannot be received: role, channel, the Art. 7
    /// data, text limits, times, tracking-code year, or deadlines.</returns>
    /// <exception cref="ArgumentException"><c>context.NowUtc</c> is not UTC (a bug in the caller).</exception>
    public static Result<PaknCase> Submit(NewPaknCase data, PaknContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        VietnamTime.RequireUtc(context.NowUtc, nameof(context));
        const PaknTrigger Trigger = PaknTrigger.Submit;
        var check = CheckCreation(data, context);
        if (check is not null)
        {
            return check;
        }

        var submitted = data.SubmittedAtUtc ?? context.NowUtc;
        var clockStart = data.TransferredInAtUtc ?? submitted;
        var deadlines = PaknDeadlines.Compute(clockStart, context.Schedule, context.Calculator, context.DeadlineOptions);
        if (deadlines.IsFailure)
        {
            return deadlines.Error;
        }

        var pakn = new PaknCase
        {
            Id = data.Id ?? Guid.CreateVersion7(),
            TrackingCode = data.TrackingCode,
            Kind = data.Kind,
            Channel = data.Channel,
            Submitter = PaknSubmitterRules.Tidy(data.Submitter),
            Subject = data.Subject.Trim(),
            Content = data.Content.Trim(),
            DossierId = data.DossierId,
            ProcedureCode = data.ProcedureCode,
            ExternalId = string.IsNullOrWhiteSpace(data.ExternalId) ? null : data.ExternalId.Trim(),
            ReceivingUnitId = data.ReceivingUnitId,
            HandlingUnitId = data.HandlingUnitId ?? data.ReceivingUnitId,
            Status = PaknWorkflow.Creations[Trigger],
            SubmittedAt = submitted,
            RecordedAt = context.NowUtc,
            TransferredInAt = data.TransferredInAtUtc,
            ClockStartedAt = clockStart,
            Deadlines = deadlines.Value,
        };
        pakn.SetCategories(data.Categories ?? []);
        pakn.Append(context, Trigger, null, Trim(data.Note), null);
        return pakn;
    }

    /// <summary>The triggers <paramref name="role"/> may fire now: those the table and the role allow in this state,
    /// less those the case's own state would refuse whatever the payload.</summary>
    public IReadOnlyList<PaknTrigger> AllowedTriggers(PaknActorRole role) =>
        [.. PaknWorkflow.AllowedTriggers(Status, role).Where(t => RefusalRegardlessOfPayload(t) is null)];

    /// <summary>Fires a trigger: checks the table, the role and the trigger's rules, applies the side effects, appends
    /// the history entry and increments <see cref="Version"/>.</summary>
    /// <returns>The new history entry, or <see cref="PaknTransitionNotAllowed"/>, <see cref="PaknRoleNotAllowed"/> or a
    /// rule's error, in which case nothing changed.</returns>
    /// <exception cref="ArgumentException"><c>context.NowUtc</c> is not UTC (a bug in the caller).</exception>
    public Result<PaknHistoryEntry> Fire(PaknCommand command, PaknContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        VietnamTime.RequireUtc(context.NowUtc, nameof(context));
        var trigger = command.Trigger;
        if (PaknWorkflow.Next(Status, trigger, SupplementRequestedFrom) is not { } to)
        {
            return new PaknTransitionNotAllowed(Status, trigger);
        }

        if (!PaknWorkflow.RoleMayFire(context.Actor.Role, trigger))
        {
            return new PaknRoleNotAllowed(context.Actor.Role, trigger);
        }

        string? detail = null;
        var error = RefusalRegardlessOfPayload(trigger) ?? Apply(command, context, out detail);
        if (error is not null)
        {
            return error;
        }

        var from = Status;
        Status = to;
        return Append(context, trigger, from, Trim(command.Note), detail);
    }

    private static Error? CheckCreation(NewPaknCase data, PaknContext context)
    {
        const PaknTrigger Trigger = PaknTrigger.Submit;
        if (!PaknWorkflow.RoleMayFire(context.Actor.Role, Trigger))
        {
            return new PaknRoleNotAllowed(context.Actor.Role, Trigger);
        }

        // A citizen submits on the portal; an integration brings portal, e-mail or imported cases; the officer may log any.
        var channelFits = context.Actor.Role switch
        {
            PaknActorRole.Citizen => data.Channel == PaknChannel.Portal,
            PaknActorRole.System => data.Channel is PaknChannel.Portal or PaknChannel.Email or PaknChannel.Import,
            _ => Enum.IsDefined(data.Channel),
        };
        if (!channelFits || !Enum.IsDefined(data.Kind))
        {
            return new PaknInvalidValue(Trigger, channelFits ? new FieldMessage("pakn.label.kind", "loại phản ánh, kiến nghị") : new FieldMessage("pakn.label.channel", "kênh tiếp nhận"),
                new FieldMessage("pakn.reason.not_for_role", "{0} không dùng được với vai trò {1}", channelFits ? data.Kind : data.Channel, context.Actor.Role));
        }

        if (data.Submitter is null)
        {
            return new PaknFieldRequired(Trigger, new FieldMessage("pakn.label.submitter", "thông tin người phản ánh, kiến nghị"));
        }

        var problems = PaknSubmitterRules.Problems(data.Submitter);
        if (problems.Count > 0)
        {
            return new PaknSubmitterInvalid(problems);
        }

        var text = CheckText(Trigger, new FieldMessage("pakn.label.subject", "tiêu đề"), data.Subject, PaknFieldLimits.MinSubject, PaknFieldLimits.Subject)
            ?? CheckText(Trigger, new FieldMessage("pakn.label.content", "nội dung"), data.Content, PaknFieldLimits.MinContent, PaknFieldLimits.Content)
            ?? CheckText(Trigger, new FieldMessage("pakn.label.note", "ghi chú"), data.Note, 0, PaknFieldLimits.Note)
            ?? CheckText(Trigger, new FieldMessage("pakn.label.external_id", "mã ở hệ thống nguồn"), data.ExternalId, 0, PaknFieldLimits.ExternalId);
        if (text is not null)
        {
            return text;
        }

        if (data.ReceivingUnitId == Guid.Empty || data.HandlingUnitId == Guid.Empty)
        {
            return new PaknFieldRequired(Trigger, new FieldMessage("pakn.label.units", "đơn vị tiếp nhận, đơn vị xử lý"));
        }

        if (data.ProcedureCode is { } procedure && !Catalogue.ProcedureCode.IsWellFormed(procedure.Value))
        {
            return new PaknInvalidValue(Trigger, new FieldMessage("pakn.label.procedure_code", "mã thủ tục hành chính"), new FieldMessage("pakn.reason.value", "{0}", procedure.Value ?? ""));
        }

        if (CheckCategories(Trigger, data.Categories ?? []) is { } categories)
        {
            return categories;
        }

        return CheckTimes(data, context.NowUtc);
    }

    private static Error? CheckTimes(NewPaknCase data, DateTime nowUtc)
    {
        var submitted = data.SubmittedAtUtc ?? nowUtc;
        VietnamTime.RequireUtc(submitted, nameof(data));
        if (submitted > nowUtc)
        {
            return new PaknInvalidTime("thời điểm tiếp nhận ở tương lai");
        }

        if (data.TransferredInAtUtc is { } transferred)
        {
            VietnamTime.RequireUtc(transferred, nameof(data));
            if (transferred > nowUtc || transferred < submitted)
            {
                return new PaknInvalidTime("thời điểm chuyển đến phải sau khi gửi và không ở tương lai");
            }
        }

        var year = VietnamTime.BusinessDate(submitted).Year;
        return data.TrackingCode.Year == year ? null : new PaknTrackingCodeYearMismatch(data.TrackingCode.Year, year);
    }

    // The payload-independent preconditions of Apply, in one place so AllowedTriggers and Fire never disagree.
    private Error? RefusalRegardlessOfPayload(PaknTrigger trigger) => trigger switch
    {
        PaknTrigger.Refuse when Status == PaknStatus.SupplementRequested && SupplementRequestedFrom != PaknStatus.Received =>
            new PaknRefusalAfterAcceptance(),
        PaknTrigger.RecordReview when Classification != PaknClassification.Regulation => new PaknReviewNotApplicable(),
        PaknTrigger.Decide when AnswerText is null || DecisionForm is null => new PaknAnswerMissing(),
        _ => null,
    };

    private PaknHistoryEntry Append(PaknContext context, PaknTrigger trigger, PaknStatus? from, string? note, string? detail)
    {
        var entry = new PaknHistoryEntry(Id, Version, context.NowUtc, context.Actor, trigger, from, Status, note, detail, ClockStartedAt);
        _history.Add(entry);
        Version++;
        return entry;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // Required when min > 0; line breaks and tabs are the only control characters a letter may hold.
    private static PaknInvalidValue? CheckText(PaknTrigger trigger, FieldMessage field, string? value, int min, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length < min)
        {
            return new PaknInvalidValue(trigger, field, text.Length == 0
                ? new FieldMessage("pakn.reason.empty", "chưa nhập")
                : new FieldMessage("pakn.reason.min_length", "ít nhất {0} ký tự", min));
        }

        if (text.Length > max)
        {
            return new PaknInvalidValue(trigger, field, new FieldMessage("pakn.reason.max_length", "tối đa {0} ký tự", max));
        }

        return FreeText.HasControlCharacters(text)
            ? new PaknInvalidValue(trigger, field, new FieldMessage("pakn.reason.control", "chứa ký tự điều khiển"))
            : null;
    }

    // A value outside its enumeration (a tampered form or an API client's typo).
    private static readonly FieldMessage UnknownValue = new FieldMessage("pakn.reason.unknown_value", "giá trị không tồn tại");
}
