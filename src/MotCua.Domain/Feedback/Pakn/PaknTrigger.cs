namespace MotCua.Domain.Feedback.Pakn;

/// <summary>What moves a PAKN case from one state to another (domain.md §10.4).</summary>
/// <remarks><see cref="Submit"/> creates a case (<see cref="PaknWorkflow.Creations"/>); the others are looked up in
/// <see cref="PaknWorkflow.Transitions"/>.</remarks>
public enum PaknTrigger
{
    /// <summary>A PAKN received and logged in the register (ND 20/2008 Art. 9(1)(b)–(c)).</summary>
    Submit,

    /// <summary>Not accepted: the Art. 7 requirements are not met (Art. 9(1)(d)(i)).</summary>
    Refuse,

    /// <summary>Forwarded to the competent body outside the unit's competence (Art. 9(1)(d)(ii), (iv)).</summary>
    Forward,

    /// <summary>A forwarded case transferred back in (by VPCP or another ministry or province): the clock restarts
    /// (domain.md §10.3).</summary>
    TransferIn,

    /// <summary>Classified as a regulation or conduct case and given to the handling unit (Art. 9(1)(d)(ii)–(iii)).</summary>
    Classify,

    /// <summary>The submitter is asked to supplement.</summary>
    RequestSupplement,

    /// <summary>The supplement arrived; the case returns to the state it was requested in.</summary>
    ProvideSupplement,

    /// <summary>The handling officer starts handling (Art. 14).</summary>
    StartHandling,

    /// <summary>The six-criteria review of a regulation case is recorded (Art. 14(2)(c)); keeps the state.</summary>
    RecordReview,

    /// <summary>The handling officer drafts the answer and proposes a decision form; keeps the state.</summary>
    DraftAnswer,

    /// <summary>The head decides (Art. 14(2)(d), 15).</summary>
    Decide,

    /// <summary>The head sends the decided answer back for revision before it goes to publication.</summary>
    ReturnForRevision,

    /// <summary>Handling completed: the answer, with personal data removed, goes to the publisher.</summary>
    SubmitForPublication,

    /// <summary>The answer is published (Art. 19).</summary>
    Publish,

    /// <summary>The public like and dislike totals of the published answer are updated; keeps the state.</summary>
    RecordReactions,

    /// <summary>The submitter says the answer satisfies them; keeps the state.</summary>
    ReplySatisfied,

    /// <summary>The submitter replies dissatisfied: the case is reopened and handled again.</summary>
    ReplyDissatisfied,
}
