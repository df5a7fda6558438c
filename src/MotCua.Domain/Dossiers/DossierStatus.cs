namespace MotCua.Domain.Dossiers;

/// <summary>Internal workflow state of a dossier, finer than the national portal's codes (domain.md §3.2).</summary>
/// <remarks>Each state maps to one DVCQG status code through <see cref="DossierWorkflow.DvcqgStatusCode"/>.</remarks>
public enum DossierStatus
{
    /// <summary>Submitted online, or a postal dossier logged before the handover record is signed (code 1).</summary>
    OnlineSubmitted,

    /// <summary>An online dossier sent back for completion before acceptance, ND 61/2018 Art. 17(2)(a) (code 5).</summary>
    DeskSupplementPending,

    /// <summary>Refused at receipt with Form 03, ND 61/2018 Art. 17(1)(b), 17(2)(a) (code 3).</summary>
    RefusedAtReceipt,

    /// <summary>Accepted by the desk: code issued, clock started, ND 61/2018 Art. 17(1)(c), 17(2)(b) (code 2).</summary>
    Received,

    /// <summary>Handed over to the competent agency, ND 61/2018 Art. 18 (code 4).</summary>
    Transferred,

    /// <summary>The head of the agency has assigned a handling officer, ND 61/2018 Art. 19(1) (code 4).</summary>
    Assigned,

    /// <summary>Being appraised by the handling officer (code 4).</summary>
    Appraising,

    /// <summary>Verification (thẩm tra, xác minh), ND 61/2018 Art. 19(3) (code 4).</summary>
    Verifying,

    /// <summary>Waiting for other agencies' opinions, ND 61/2018 Art. 19(5) (code 4).</summary>
    Consulting,

    /// <summary>In the inter-agency (liên thông) chain, ND 61/2018 Art. 19(6)–(7) (code 4).</summary>
    InterAgencyProcessing,

    /// <summary>Draft result submitted to the head for signature (code 4).</summary>
    AwaitingSignature,

    /// <summary>Agency-stage supplement requested with Form 02, ND 61/2018 Art. 19(4) (code 5).</summary>
    SupplementRequested,

    /// <summary>Waiting for the applicant to pay taxes, fees or charges (code 6).</summary>
    AwaitingFinancialObligation,

    /// <summary>Withdrawn at the applicant's request (code 7).</summary>
    Withdrawn,

    /// <summary>Refused after appraisal, ND 61/2018 Art. 19(8); the refusal notice is the result (code 8).</summary>
    RejectedAfterAppraisal,

    /// <summary>Processing stopped (code 8).</summary>
    Stopped,

    /// <summary>Result signed and handed back to the desk, ND 61/2018 Art. 19(2), 20 (code 9).</summary>
    ResultAtDesk,

    /// <summary>Result handed to the applicant, ND 61/2018 Art. 20 (code 10).</summary>
    Returned,
}
