using MotCua.Domain.Catalogue;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The data of a new case (<see cref="PaknCase.Submit"/>).</summary>
/// <param name="TrackingCode">The public code, allocated by persistence for the submission year.</param>
/// <param name="Kind">Phản ánh or kiến nghị, as the submitter chose (the officer may correct it at classification).</param>
/// <param name="Channel">How it arrived.</param>
/// <param name="Submitter">Name, address and phone are required (ND 20/2008 Art. 7).</param>
/// <param name="Subject">A short title.</param>
/// <param name="Content">The content, in Vietnamese (Art. 7).</param>
/// <param name="ReceivingUnitId">The unit that received and logs it.</param>
public sealed record NewPaknCase(
    PaknTrackingCode TrackingCode, PaknKind Kind, PaknChannel Channel, PaknSubmitter Submitter, string Subject, string Content,
    Guid ReceivingUnitId)
{
    /// <summary>The id to use; a new version-7 GUID when <see langword="null"/>.</summary>
    public Guid? Id { get; init; }

    /// <summary>The handling unit when already known; the receiving unit otherwise.</summary>
    public Guid? HandlingUnitId { get; init; }

    /// <summary>The dossier the PAKN is about, if any.</summary>
    public Guid? DossierId { get; init; }

    /// <summary>The procedure the PAKN is about, if any.</summary>
    public ProcedureCode? ProcedureCode { get; init; }

    /// <summary>The Art. 5 contents the submitter ticked, if any.</summary>
    public IReadOnlyCollection<PaknContentCategory>? Categories { get; init; }

    /// <summary>The legal moment of receipt when it precedes the recording: a letter logged the day after it arrived,
    /// a case imported later. <see langword="null"/> means now.</summary>
    public DateTime? SubmittedAtUtc { get; init; }

    /// <summary>For a case transferred in by VPCP or another ministry or province (usually imported from DVCQG): the
    /// moment of the latest transfer, which starts the clock instead of the submission (domain.md §10.3).</summary>
    public DateTime? TransferredInAtUtc { get; init; }

    /// <summary>History note.</summary>
    public string? Note { get; init; }

    /// <summary>The case's identifier in the system or register it was imported from (DVCQG's number, a register line);
    /// the store keeps it unique, so importing the same row again finds the case instead of adding one.</summary>
    public string? ExternalId { get; init; }
}

/// <summary>A request to fire a trigger on an existing case; subclasses carry what the trigger needs.</summary>
/// <param name="Note">Free text stored in the history entry.</param>
public abstract record PaknCommand(string? Note)
{
    /// <summary>The trigger this command fires.</summary>
    public abstract PaknTrigger Trigger { get; }
}

/// <summary>A trigger without data: StartHandling, Decide, ReplySatisfied.</summary>
public sealed record PaknTriggerCommand(PaknTrigger Fired, string? Note = null) : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => Fired;
}

/// <summary>A trigger with a text: Refuse (the Art. 7 requirement not met), RequestSupplement (what is missing),
/// ReturnForRevision (what to change), ReplyDissatisfied (why; required), ReplySatisfied (optional comment).</summary>
public sealed record PaknReasonCommand(PaknTrigger Fired, string Reason, string? Note = null) : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => Fired;
}

/// <summary>Forward to the competent body (ND 20/2008 Art. 9(1)(d)(ii), (iv)).</summary>
/// <param name="RecipientName">The body forwarded to.</param>
/// <param name="Reason">Why it is outside the unit's competence.</param>
/// <param name="RecipientUnitId">The body's unit id when it is in the system.</param>
/// <param name="Note">History note.</param>
public sealed record ForwardPaknCommand(string RecipientName, string Reason, Guid? RecipientUnitId = null, string? Note = null)
    : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.Forward;
}

/// <summary>A forwarded case transferred back in: the clock restarts at <paramref name="TransferredAtUtc"/>.</summary>
/// <param name="TransferredAtUtc">The moment of the transfer; <see langword="null"/> means now.</param>
/// <param name="ReceivingUnitId">The unit receiving it now, when not the original one.</param>
/// <param name="Note">History note.</param>
public sealed record TransferPaknInCommand(DateTime? TransferredAtUtc = null, Guid? ReceivingUnitId = null, string? Note = null)
    : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.TransferIn;
}

/// <summary>Classify (ND 20/2008 Art. 9(1)(d)(ii)–(iii)) and give to the handling unit.</summary>
/// <param name="Classification">Regulation or conduct (766 §5.1).</param>
/// <param name="Kind">Phản ánh or kiến nghị, as the officer reads it.</param>
/// <param name="Categories">The Art. 5 contents; at least one.</param>
/// <param name="HandlingUnitId">The unit that handles it.</param>
/// <param name="Note">History note.</param>
public sealed record ClassifyPaknCommand(
    PaknClassification Classification, PaknKind Kind, IReadOnlyCollection<PaknContentCategory> Categories, Guid HandlingUnitId,
    string? Note = null) : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.Classify;
}

/// <summary>The supplement the submitter sent.</summary>
/// <param name="Supplement">What was added or clarified.</param>
/// <param name="CorrectedSubmitter">Corrected contact data, when the supplement was about them.</param>
/// <param name="Note">History note.</param>
public sealed record ProvidePaknSupplementCommand(string Supplement, PaknSubmitter? CorrectedSubmitter = null, string? Note = null)
    : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.ProvideSupplement;
}

/// <summary>Record findings of the six-criteria review; criteria not listed keep their earlier finding.</summary>
public sealed record RecordPaknReviewCommand(IReadOnlyList<PaknReviewItem> Items, string? Note = null) : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.RecordReview;
}

/// <summary>Draft (or redraft) the answer and propose the decision form.</summary>
public sealed record DraftPaknAnswerCommand(string Answer, PaknDecisionForm Form, string? Note = null) : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.DraftAnswer;
}

/// <summary>Send the decided answer to publication.</summary>
/// <param name="PublicAnswer">The text to publish when it differs from the answer; <see langword="null"/> publishes the
/// answer. Either way personal data are removed (<see cref="PaknRedaction"/>).</param>
/// <param name="Note">History note.</param>
public sealed record SubmitPaknForPublicationCommand(string? PublicAnswer = null, string? Note = null) : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.SubmitForPublication;
}

/// <summary>Publish (ND 20/2008 Art. 19).</summary>
/// <param name="Channels">Where it was published; <see langword="null"/> or empty means the portal.</param>
/// <param name="Note">History note.</param>
public sealed record PublishPaknCommand(IReadOnlyCollection<PaknPublicationChannel>? Channels = null, string? Note = null)
    : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.Publish;
}

/// <summary>The current public like and dislike totals of the published answer.</summary>
public sealed record RecordPaknReactionsCommand(int Likes, int Dislikes, string? Note = null) : PaknCommand(Note)
{
    /// <inheritdoc/>
    public override PaknTrigger Trigger => PaknTrigger.RecordReactions;
}
