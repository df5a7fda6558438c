namespace MotCua.Domain.Dossiers;

/// <summary>What moves a dossier from one state to another (domain.md §3.3, T1–T24).</summary>
/// <remarks>The first three create a dossier (<see cref="DossierWorkflow.Creations"/>); the others are looked up in
/// <see cref="DossierWorkflow.Transitions"/>.</remarks>
public enum DossierTrigger
{
    /// <summary>T1: online submission, or a postal dossier announced by the post.</summary>
    Submit,

    /// <summary>T2: a complete dossier received at the counter.</summary>
    ReceiveAtCounter,

    /// <summary>T4: a dossier refused at the counter (Form 03).</summary>
    RefuseAtCounter,

    /// <summary>T5: an online dossier returned for completion before acceptance.</summary>
    RequestDeskSupplement,

    /// <summary>T6: the applicant resubmits a completed online dossier.</summary>
    Resubmit,

    /// <summary>T7: an online or postal dossier accepted; for postal dossiers at the handover record.</summary>
    Accept,

    /// <summary>T8: an online or postal dossier refused (Form 03).</summary>
    RefuseAtReceipt,

    /// <summary>T9: handed over to the competent agency; opens the control sheet (Form 05).</summary>
    Transfer,

    /// <summary>T10: the head of the agency assigns a handling officer.</summary>
    Assign,

    /// <summary>T10: the handling officer starts the appraisal.</summary>
    StartAppraisal,

    /// <summary>T11: verification needed.</summary>
    RequestVerification,

    /// <summary>T11: verification finished.</summary>
    CompleteVerification,

    /// <summary>T12: opinions of other agencies requested, each with an opinion deadline.</summary>
    RequestConsultation,

    /// <summary>T12: one consulted agency's opinion recorded.</summary>
    RecordOpinion,

    /// <summary>T12: appraisal resumes after the consultation.</summary>
    CompleteConsultation,

    /// <summary>T13: sent along the inter-agency chain with per-agency slices.</summary>
    SendToInterAgency,

    /// <summary>T13: one agency of the chain has finished its part.</summary>
    CompleteInterAgencyStep,

    /// <summary>T13: the chain is finished and the lead agency resumes.</summary>
    ReturnFromInterAgency,

    /// <summary>T14: agency-stage supplement requested (Form 02).</summary>
    RequestSupplement,

    /// <summary>T15: the applicant has supplied everything.</summary>
    CompleteSupplement,

    /// <summary>T16: fees or taxes must be paid before the result.</summary>
    RequestFinancialObligation,

    /// <summary>T17: payment confirmed.</summary>
    ConfirmPayment,

    /// <summary>Draft result submitted to the head for signature.</summary>
    SubmitForApproval,

    /// <summary>The head sends the draft back to the handling officer.</summary>
    RequestRevision,

    /// <summary>T18: result signed, numbered and transferred to the desk.</summary>
    Approve,

    /// <summary>T19: refused after appraisal.</summary>
    Reject,

    /// <summary>T20: apology and new appointment (Form 04); keeps the state.</summary>
    IssueApology,

    /// <summary>T21: the result is handed to the applicant.</summary>
    ReturnResult,

    /// <summary>T22: withdrawn at the applicant's request.</summary>
    Withdraw,

    /// <summary>T23: processing stopped.</summary>
    Stop,

    /// <summary>T24: a wrong result is corrected at the agency's cost and goes back to the desk.</summary>
    CorrectResult,

    /// <summary>The desk corrects a mistyped applicant detail; keeps the state (a record correction, not a step).</summary>
    CorrectApplicant,

    /// <summary>The post has delivered a result returned by post (QĐ 45/2016 Art. 10); keeps the state.</summary>
    RecordDelivery,
}
