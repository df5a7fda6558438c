using System.Collections.Frozen;
using static MotCua.Domain.Dossiers.DossierActorRole;
using static MotCua.Domain.Dossiers.DossierStatus;
using static MotCua.Domain.Dossiers.DossierTrigger;

namespace MotCua.Domain.Dossiers;

/// <summary>The only place where dossier transitions and the roles allowed to fire them are defined (domain.md §3.3).</summary>
/// <remarks>
/// <para><see cref="Transitions"/> is the state × trigger table; a pair that is missing is not allowed.
/// <see cref="IssueApology"/>, <see cref="RecordOpinion"/> and <see cref="CompleteInterAgencyStep"/> are self-loops:
/// they record something without changing the state, but they are still in the table.</para>
/// <para><see cref="Roles"/> says which actor roles may fire each trigger, whatever the state.</para>
/// <para>The golden file <c>tests/MotCua.Domain.Tests/Dossiers/transition-table.golden.txt</c> is
/// <see cref="Describe"/>'s output; review it whenever the table changes.</para>
/// </remarks>
public static class DossierWorkflow
{
    /// <summary>States from which an apology, a withdrawal and a stop are possible: received and not yet finished.</summary>
    private static readonly DossierStatus[] Processing =
    [
        Received, Transferred, Assigned, Appraising, Verifying, Consulting, InterAgencyProcessing, AwaitingSignature,
        SupplementRequested, AwaitingFinancialObligation,
    ];

    /// <summary>Triggers that create a dossier, with the state it starts in (T1, T2, T4).</summary>
    public static readonly FrozenDictionary<DossierTrigger, DossierStatus> Creations =
        new Dictionary<DossierTrigger, DossierStatus>
        {
            [Submit] = OnlineSubmitted,          // ND 61/2018 Art. 16(2)–(3); QĐ 45/2016 Art. 7 for postal
            [ReceiveAtCounter] = Received,       // ND 61/2018 Art. 17(1)(c)
            [RefuseAtCounter] = RefusedAtReceipt, // ND 61/2018 Art. 17(1)(b)
        }.ToFrozenDictionary();

    /// <summary>The transition table: (from, trigger) → to.</summary>
    public static readonly FrozenDictionary<(DossierStatus From, DossierTrigger Trigger), DossierStatus> Transitions = BuildTransitions();

    /// <summary>Which roles may fire each trigger.</summary>
    public static readonly FrozenDictionary<DossierTrigger, FrozenSet<DossierActorRole>> Roles =
        new Dictionary<DossierTrigger, FrozenSet<DossierActorRole>>
        {
            [Submit] = Set(Citizen, DeskOfficer, DossierActorRole.System),
            [ReceiveAtCounter] = Set(DeskOfficer),
            [RefuseAtCounter] = Set(DeskOfficer),
            [RequestDeskSupplement] = Set(DeskOfficer),
            [Resubmit] = Set(Citizen, DossierActorRole.System),
            [Accept] = Set(DeskOfficer),
            [RefuseAtReceipt] = Set(DeskOfficer),
            [Transfer] = Set(DeskOfficer, DossierActorRole.System),
            [Assign] = Set(AgencyHead),
            [StartAppraisal] = Set(HandlingOfficer),
            [RequestVerification] = Set(HandlingOfficer),
            [CompleteVerification] = Set(HandlingOfficer),
            [RequestConsultation] = Set(HandlingOfficer, DeskOfficer),
            [RecordOpinion] = Set(HandlingOfficer, DeskOfficer),
            [CompleteConsultation] = Set(HandlingOfficer),
            [SendToInterAgency] = Set(HandlingOfficer, DeskOfficer),
            [CompleteInterAgencyStep] = Set(HandlingOfficer, DeskOfficer, DossierActorRole.System),
            [ReturnFromInterAgency] = Set(HandlingOfficer, DeskOfficer),
            [RequestSupplement] = Set(HandlingOfficer, DeskOfficer),
            [CompleteSupplement] = Set(Citizen, DeskOfficer),
            [RequestFinancialObligation] = Set(HandlingOfficer),
            [ConfirmPayment] = Set(DeskOfficer, HandlingOfficer, DossierActorRole.System),
            [SubmitForApproval] = Set(HandlingOfficer),
            [RequestRevision] = Set(AgencyHead),
            [Approve] = Set(AgencyHead),
            [Reject] = Set(HandlingOfficer, AgencyHead),
            // ND 61/2018 Art. 19(9): the competent agency writes the apology (Form 04, signed by its head); the desk
            // only updates the date and tells the applicant, which the system does (docs/dossier-rules.md, "Apology").
            [IssueApology] = Set(AgencyHead),
            [ReturnResult] = Set(DeskOfficer, DossierActorRole.System),
            [Withdraw] = Set(Citizen, DeskOfficer),
            [Stop] = Set(AgencyHead),
            [CorrectResult] = Set(AgencyHead),
            [CorrectApplicant] = Set(DeskOfficer),
            [RecordDelivery] = Set(DeskOfficer, DossierActorRole.System),
        }.ToFrozenDictionary();

    /// <summary>Whether the state is final: nothing but a result correction can follow (and the record-keeping self-loops
    /// <see cref="DossierTrigger.CorrectApplicant"/> and <see cref="DossierTrigger.RecordDelivery"/>).</summary>
    public static bool IsTerminal(DossierStatus status) =>
        status is RefusedAtReceipt or Withdrawn or RejectedAfterAppraisal or Stopped or Returned;

    /// <summary>Whether processing ended without a result: withdrawn, refused after appraisal or stopped (Biểu 06 counts
    /// these as on time, domain.md §12.3).</summary>
    public static bool EndsWithoutResult(DossierStatus status) => status is Withdrawn or RejectedAfterAppraisal or Stopped;

    /// <summary>Whether the dossier has been received and its processing has not ended (the clock matters).</summary>
    public static bool IsProcessing(DossierStatus status) => Array.IndexOf(Processing, status) >= 0;

    /// <summary>The state a trigger leads to from <paramref name="from"/>, or <see langword="null"/> if not allowed.</summary>
    public static DossierStatus? Next(DossierStatus from, DossierTrigger trigger) =>
        Transitions.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>Whether <paramref name="role"/> may fire <paramref name="trigger"/>.</summary>
    public static bool RoleMayFire(DossierActorRole role, DossierTrigger trigger) =>
        Roles.TryGetValue(trigger, out var roles) && roles.Contains(role);

    /// <summary>The triggers <paramref name="role"/> may fire in <paramref name="status"/>, in declaration order.</summary>
    public static IReadOnlyList<DossierTrigger> AllowedTriggers(DossierStatus status, DossierActorRole role) =>
        [.. Enum.GetValues<DossierTrigger>().Where(t => Transitions.ContainsKey((status, t)) && RoleMayFire(role, t))];

    /// <summary>Whether the dossier waits for its applicant: submitted online and not yet accepted, or asked to supplement
    /// by the desk or by the agency (ND 61/2018 Art. 17(2), 19(4)). Only then may the applicant add documents.</summary>
    /// <remarks>Not derived from the table: the applicant may fire <see cref="DossierTrigger.Withdraw"/> in every
    /// processing state, which does not make the dossier wait for them.</remarks>
    public static bool AwaitsApplicant(DossierStatus status) => status is OnlineSubmitted or DeskSupplementPending or SupplementRequested;

    /// <summary>The DVCQG status code (<c>TrangThaiHoSo</c>, 1–10) of an internal state (domain.md §3.1–3.2).</summary>
    public static int DvcqgStatusCode(DossierStatus status) => status switch
    {
        OnlineSubmitted => 1,
        Received => 2,
        RefusedAtReceipt => 3,
        Transferred or Assigned or Appraising or Verifying or Consulting or InterAgencyProcessing or AwaitingSignature => 4,
        DeskSupplementPending or SupplementRequested => 5,
        AwaitingFinancialObligation => 6,
        Withdrawn => 7,
        // domain.md §3.2 design decision: a refusal after appraisal is exported as "Dừng xử lý".
        RejectedAfterAppraisal or Stopped => 8,
        ResultAtDesk => 9,
        Returned => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The display name the public API uses for a state (<c>Submitted</c> for <see cref="OnlineSubmitted"/>).</summary>
    public static string ApiName(DossierStatus status) => status == OnlineSubmitted ? "Submitted" : status.ToString();

    /// <summary>One line per creation and table entry, sorted, with the roles: the content of the golden file.</summary>
    public static string Describe()
    {
        var lines = new List<string>();
        foreach (var (trigger, to) in Creations.OrderBy(c => c.Key))
        {
            lines.Add($"(none) --{trigger}--> {to} [{RoleList(trigger)}]");
        }

        foreach (var ((from, trigger), to) in Transitions.OrderBy(t => t.Key.From).ThenBy(t => t.Key.Trigger))
        {
            lines.Add($"{from} --{trigger}--> {to} [{RoleList(trigger)}]");
        }

        lines.Add(string.Empty);
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            lines.Add($"{status} = DVCQG {DvcqgStatusCode(status)}");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string RoleList(DossierTrigger trigger) => string.Join(", ", Roles[trigger].Order());

    private static FrozenSet<DossierActorRole> Set(params DossierActorRole[] roles) => roles.ToFrozenSet();

    private static FrozenDictionary<(DossierStatus, DossierTrigger), DossierStatus> BuildTransitions()
    {
        var t = new Dictionary<(DossierStatus, DossierTrigger), DossierStatus>
        {
            // ND 61/2018 Art. 17(2): the desk checks an online or postal dossier.
            [(OnlineSubmitted, RequestDeskSupplement)] = DeskSupplementPending, // T5
            [(OnlineSubmitted, Accept)] = Received,                             // T7
            [(OnlineSubmitted, RefuseAtReceipt)] = RefusedAtReceipt,            // T8
            [(OnlineSubmitted, Withdraw)] = Withdrawn,
            [(DeskSupplementPending, Resubmit)] = OnlineSubmitted,              // T6
            [(DeskSupplementPending, RefuseAtReceipt)] = RefusedAtReceipt,
            [(DeskSupplementPending, Withdraw)] = Withdrawn,

            // ND 61/2018 Art. 18–19: the main path.
            [(Received, Transfer)] = Transferred,                               // T9
            [(Transferred, Assign)] = Assigned,                                 // T10
            [(Assigned, StartAppraisal)] = Appraising,                          // T10
            [(Appraising, RequestVerification)] = Verifying,                    // T11
            [(Verifying, CompleteVerification)] = Appraising,
            [(Appraising, RequestConsultation)] = Consulting,                   // T12
            [(Consulting, RecordOpinion)] = Consulting,
            [(Appraising, RecordOpinion)] = Appraising,                         // a late opinion after resuming
            [(Consulting, CompleteConsultation)] = Appraising,
            [(Appraising, SendToInterAgency)] = InterAgencyProcessing,          // T13
            [(InterAgencyProcessing, CompleteInterAgencyStep)] = InterAgencyProcessing,
            [(InterAgencyProcessing, ReturnFromInterAgency)] = Appraising,
            [(Appraising, RequestSupplement)] = SupplementRequested,            // T14
            [(SupplementRequested, CompleteSupplement)] = Appraising,           // T15
            [(Appraising, RequestFinancialObligation)] = AwaitingFinancialObligation, // T16
            [(AwaitingFinancialObligation, ConfirmPayment)] = Appraising,       // T17
            [(Appraising, SubmitForApproval)] = AwaitingSignature,
            [(AwaitingSignature, RequestRevision)] = Appraising,
            [(AwaitingSignature, Approve)] = ResultAtDesk,                      // T18
            [(Appraising, Reject)] = RejectedAfterAppraisal,                    // T19
            [(AwaitingSignature, Reject)] = RejectedAfterAppraisal,
            [(ResultAtDesk, ReturnResult)] = Returned,                          // T21
            [(Returned, CorrectResult)] = ResultAtDesk,                         // T24, ND 61/2018 Art. 21
            [(Returned, RecordDelivery)] = Returned,                            // QĐ 45/2016 Art. 10
        };

        // A typing mistake in the applicant's details may be found at any time, so the record may be corrected in every
        // state (the desk that received it; the history keeps both values).
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            t[(status, CorrectApplicant)] = status;
        }

        foreach (var status in Processing)
        {
            t[(status, IssueApology)] = status; // T20, ND 61/2018 Art. 19(9)
            t[(status, Withdraw)] = Withdrawn;  // T22
            t[(status, Stop)] = Stopped;        // T23
        }

        return t.ToFrozenDictionary();
    }
}
