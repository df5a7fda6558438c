namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The workflow state of a PAKN case (domain.md §10.4).</summary>
/// <remarks><see cref="PaknWorkflow.Stage"/> maps each state to the DVCQG group it is reported in (§10.3).</remarks>
public enum PaknStatus
{
    /// <summary>Received and logged in the PAKN register (ND 20/2008 Art. 9(1)(b)–(c)); not yet classified.</summary>
    Received,

    /// <summary>Not accepted: fails the requirements of Art. 7 (Art. 9(1)(d)(i)); DVCQG "từ chối tiếp nhận".</summary>
    NotAccepted,

    /// <summary>Forwarded to the competent body, outside the unit's competence (Art. 9(1)(d)(ii), (iv)); DVCQG "gửi đơn
    /// vị khác" / "gửi trả".</summary>
    Forwarded,

    /// <summary>Classified as a regulation or conduct case within the competence of the handling unit
    /// (Art. 9(1)(d)(ii)–(iii)).</summary>
    Classified,

    /// <summary>Waiting for the submitter to supplement; DVCQG "chờ bổ sung".</summary>
    SupplementRequested,

    /// <summary>Being handled: review against the six criteria or the conduct procedure (Art. 14).</summary>
    InProgress,

    /// <summary>The head has decided (Art. 14(2)(d), 15); the answer is final.</summary>
    Decided,

    /// <summary>Handling completed, waiting to be published; DVCQG "chờ công khai".</summary>
    AwaitingPublication,

    /// <summary>The answer is published (Art. 19); DVCQG "đã công khai".</summary>
    Published,
}
