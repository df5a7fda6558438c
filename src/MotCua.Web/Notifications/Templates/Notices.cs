namespace MotCua.Web.Notifications.Templates;

/// <summary>The dossier was received (Form 01 issued); instants are UTC.</summary>
public sealed record DossierReceivedNotice(
    string ApplicantName,
    string DossierCode,
    string ProcedureName,
    string ReceivingUnitName,
    DateTime ReceivedAtUtc,
    DateTime AppointmentAtUtc);

/// <summary>An online (or postal) dossier reached the desk, before any check (T1, ND 61/2018 Art. 16(2)–(3)); or the
/// applicant sent it again after the desk asked for completion (T6). There is no dossier code yet (Art. 17(3)).</summary>
public sealed record SubmissionReceivedNotice(
    string ApplicantName,
    string ProcedureName,
    string ReceivingUnitName,
    DateTime SubmittedAtUtc,
    bool Resubmitted);

/// <summary>The desk returns an online dossier for completion, once and completely, before accepting it (T5, ND 61/2018
/// Art. 17(2)(a)); no dossier code yet.</summary>
public sealed record CompletionRequestedNotice(
    string ApplicantName,
    string ProcedureName,
    string ReceivingUnitName,
    DateTime SubmittedAtUtc,
    IReadOnlyList<string> Items,
    string Reason);

/// <summary>The supplement asked for during appraisal is complete (T15, ND 61/2018 Art. 19(4)): the new appointment;
/// <c>Restarted</c> says whether the processing time restarted from zero (policy <c>SupplementRestart</c>) rather than
/// being extended by the applicant's time.</summary>
public sealed record SupplementCompletedNotice(
    string ApplicantName,
    string DossierCode,
    string ProcedureName,
    string UnitName,
    DateTime CompletedAtUtc,
    DateTime AppointmentAtUtc,
    bool Restarted);

/// <summary>The dossier is refused, with the reason: at receipt (T8, Form 03, no code) or after appraisal (T19, ND 61/2018
/// Art. 19(8): the refusal notice is the result, handed over at the desk).</summary>
public sealed record RefusalNotice(
    string ApplicantName,
    string? DossierCode,
    string ProcedureName,
    string UnitName,
    DateTime SubmittedAtUtc,
    string Reason,
    bool AfterAppraisal);

/// <summary>The dossier needs supplementing (Form 02): every missing item at once, with the reason (ND 61 Art. 19(4)).</summary>
public sealed record SupplementRequestedNotice(
    string ApplicantName,
    string DossierCode,
    string ProcedureName,
    string UnitName,
    IReadOnlyList<string> Items,
    string Reason,
    string? ContactPhone);

/// <summary>The result will be late: apology and new appointment (Form 04, ND 61 Art. 19(9)).</summary>
public sealed record ApologyNotice(
    string ApplicantName,
    string DossierCode,
    string ProcedureName,
    string AgencyName,
    DateTime OriginalAppointmentAtUtc,
    DateTime NewAppointmentAtUtc,
    string Reason);

/// <summary>The result is ready at the desk.</summary>
/// <param name="ApplicantName">As addressed in the greeting.</param>
/// <param name="DossierCode">The dossier code.</param>
/// <param name="ProcedureName">The procedure's name.</param>
/// <param name="CollectionPlace">Where to collect it, e.g. the desk's name and address.</param>
/// <param name="OpeningHours">Optional, e.g. "Sáng 7h30–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu".</param>
/// <param name="RatingUrl">Optional: the no-login rating page of the dossier (issue 9).</param>
public sealed record ResultReadyNotice(
    string ApplicantName,
    string DossierCode,
    string ProcedureName,
    string CollectionPlace,
    string? OpeningHours,
    string? RatingUrl = null);

/// <summary>The agency head's morning digest of a unit's open dossiers.</summary>
/// <param name="RecipientName">As addressed in the greeting.</param>
/// <param name="UnitName">The unit the counts are for.</param>
/// <param name="Date">The business date of the digest (Vietnam time).</param>
/// <param name="DueSoonCount">All due-soon dossiers; may exceed the codes listed.</param>
/// <param name="OverdueCount">All overdue dossiers; may exceed the codes listed.</param>
/// <param name="DueSoonCodes">The codes to list (the caller caps the list, most urgent first).</param>
/// <param name="OverdueCodes">The codes to list (the caller caps the list, most overdue first).</param>
public sealed record DailyDigest(
    string RecipientName,
    string UnitName,
    DateOnly Date,
    int DueSoonCount,
    int OverdueCount,
    IReadOnlyList<string> DueSoonCodes,
    IReadOnlyList<string> OverdueCodes);

/// <summary>A PAKN the submitter is told about.</summary>
/// <param name="SubmitterName">As addressed in the greeting.</param>
/// <param name="TrackingCode">The public tracking code.</param>
/// <param name="Subject">The PAKN's subject, as they wrote it.</param>
/// <param name="UnitName">The receiving or handling unit.</param>
/// <param name="DueAtUtc">When handling is due.</param>
public sealed record PaknNotice(string SubmitterName, string TrackingCode, string Subject, string UnitName, DateTime DueAtUtc);

/// <summary>An invitation to answer a SIPAS survey (domain.md §9.1), sent once when the respondent is drawn or their
/// token is re-issued. The message carries the token, so its outbox row is purged after sending.</summary>
/// <param name="ApplicantName">As addressed in the greeting.</param>
/// <param name="UnitName">The unit that served them, which the survey is about.</param>
/// <param name="CampaignName">The campaign's name.</param>
/// <param name="CollectTo">The last day answers are taken.</param>
/// <param name="Link">The answer page with the token, or <see langword="null"/> when the portal's address is unknown.</param>
/// <param name="Token">The token, to type on the portal's survey page when there is no link.</param>
public sealed record SurveyInvitationNotice(
    string ApplicantName, string UnitName, string CampaignName, DateOnly CollectTo, string? Link, string Token);

/// <summary>A reminder to a unit's officer that its PAR Index self-assessment is not submitted.</summary>
public sealed record ParSelfAssessmentReminder(
    string RecipientName, string UnitName, string FrameworkName, int Year, DateOnly Deadline, DateOnly Date, bool Opened);

/// <summary>A reminder to the owner of a PAR Index remediation item that is due soon or overdue.</summary>
public sealed record ParRemediationReminder(
    string RecipientName, string UnitName, int Year, string Code, string Name, string? Actions, DateOnly Deadline, DateOnly Date, bool InProgress);
