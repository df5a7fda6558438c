using System.Collections.Frozen;
using static MotCua.Domain.Feedback.Pakn.PaknActorRole;
using static MotCua.Domain.Feedback.Pakn.PaknStatus;
using static MotCua.Domain.Feedback.Pakn.PaknTrigger;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The only place where PAKN transitions and the roles allowed to fire them are defined (domain.md §10.4).</summary>
/// <remarks>
/// <para><see cref="Transitions"/> is the state × trigger table; a pair that is missing is not allowed. A
/// <see langword="null"/> target means "back to the state the supplement was requested in": the one entry,
/// (<see cref="SupplementRequested"/>, <see cref="ProvideSupplement"/>), whose target depends on the case
/// (<c>PaknCase.SupplementRequestedFrom</c>). Self-loops (<see cref="RecordReview"/>, <see cref="DraftAnswer"/>,
/// <see cref="RecordReactions"/>, <see cref="ReplySatisfied"/>) record something without changing the state.</para>
/// <para><see cref="Roles"/> says which roles may fire each trigger, whatever the state.</para>
/// <para>The golden file <c>tests/MotCua.Domain.Tests/Feedback/Pakn/pakn-transition-table.golden.txt</c> is
/// <see cref="Describe"/>'s output; review it whenever the table changes.</para>
/// </remarks>
public static class PaknWorkflow
{
    /// <summary>The states a supplement may be requested in, which are those <see cref="ProvideSupplement"/> returns to.</summary>
    public static readonly FrozenSet<PaknStatus> SupplementOrigins = new[] { Received, Classified, InProgress }.ToFrozenSet();

    /// <summary>Triggers that create a case, with the state it starts in.</summary>
    public static readonly FrozenDictionary<PaknTrigger, PaknStatus> Creations =
        new Dictionary<PaknTrigger, PaknStatus>
        {
            [Submit] = Received, // ND 20/2008 Art. 9(1)(b)–(c): receive and log in the register
        }.ToFrozenDictionary();

    /// <summary>The transition table: (from, trigger) → to; <see langword="null"/> = the state before the supplement
    /// request.</summary>
    public static readonly FrozenDictionary<(PaknStatus From, PaknTrigger Trigger), PaknStatus?> Transitions =
        new Dictionary<(PaknStatus, PaknTrigger), PaknStatus?>
        {
            // ND 20/2008 Art. 9(1)(d): study and classify.
            [(Received, Refuse)] = NotAccepted,                     // (i) fails Art. 7
            [(Received, Forward)] = Forwarded,                      // (ii) conduct elsewhere, (iv) outside competence
            [(Received, Classify)] = Classified,                    // (ii)–(iii) within competence
            [(Forwarded, TransferIn)] = Received,                   // domain.md §10.3: the latest transfer restarts the clock

            [(Received, RequestSupplement)] = SupplementRequested,
            [(Classified, RequestSupplement)] = SupplementRequested,
            [(InProgress, RequestSupplement)] = SupplementRequested,
            [(SupplementRequested, ProvideSupplement)] = null,
            [(SupplementRequested, Refuse)] = NotAccepted,          // the Art. 7 data never came (only if asked at receipt)

            // Art. 14: handling; Art. 15: decision; Art. 19: publication.
            [(Classified, StartHandling)] = InProgress,
            [(InProgress, RecordReview)] = InProgress,              // Art. 14(2)(c)
            [(InProgress, DraftAnswer)] = InProgress,
            [(InProgress, Decide)] = Decided,                       // Art. 14(2)(d), 15
            [(Decided, ReturnForRevision)] = InProgress,
            [(Decided, SubmitForPublication)] = AwaitingPublication, // C1: handling completed
            [(AwaitingPublication, Publish)] = Published,           // Art. 19

            // domain.md §10.4: rated by the citizen, reopened on dissatisfaction.
            [(Published, RecordReactions)] = Published,
            [(Published, ReplySatisfied)] = Published,
            [(Published, ReplyDissatisfied)] = InProgress,
        }.ToFrozenDictionary();

    /// <summary>Which roles may fire each trigger.</summary>
    public static readonly FrozenDictionary<PaknTrigger, FrozenSet<PaknActorRole>> Roles =
        new Dictionary<PaknTrigger, FrozenSet<PaknActorRole>>
        {
            [Submit] = Set(Citizen, ReceptionOfficer, PaknActorRole.System),
            [Refuse] = Set(ReceptionOfficer),
            [Forward] = Set(ReceptionOfficer),
            [TransferIn] = Set(ReceptionOfficer, PaknActorRole.System),
            [Classify] = Set(ReceptionOfficer),
            [RequestSupplement] = Set(ReceptionOfficer, HandlingOfficer),
            // The desk types in a supplement that came on paper or by phone; an import brings one from DVCQG.
            [ProvideSupplement] = Set(Citizen, ReceptionOfficer, PaknActorRole.System),
            [StartHandling] = Set(HandlingOfficer),
            [RecordReview] = Set(HandlingOfficer),
            [DraftAnswer] = Set(HandlingOfficer),
            [Decide] = Set(Approver),
            [ReturnForRevision] = Set(Approver),
            [SubmitForPublication] = Set(HandlingOfficer, Approver),
            [Publish] = Set(Publisher, PaknActorRole.System),
            // Totals come from the portal's counters or DVCQG; single clicks never touch the aggregate.
            [RecordReactions] = Set(PaknActorRole.System),
            [ReplySatisfied] = Set(Citizen, ReceptionOfficer),
            [ReplyDissatisfied] = Set(Citizen, ReceptionOfficer),
        }.ToFrozenDictionary();

    /// <summary>Whether the state is final: nothing can follow except a transfer back in of a forwarded case.</summary>
    public static bool IsTerminal(PaknStatus status) => status is NotAccepted or Forwarded;

    /// <summary>Whether the pair is in the table.</summary>
    public static bool IsAllowed(PaknStatus from, PaknTrigger trigger) => Transitions.ContainsKey((from, trigger));

    /// <summary>The state a trigger leads to, or <see langword="null"/> if the pair is not allowed.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="supplementRequestedFrom">The state the pending supplement was requested in; needed only for
    /// <see cref="ProvideSupplement"/>.</param>
    public static PaknStatus? Next(PaknStatus from, PaknTrigger trigger, PaknStatus? supplementRequestedFrom = null) =>
        Transitions.TryGetValue((from, trigger), out var to) ? to ?? supplementRequestedFrom : null;

    /// <summary>Whether <paramref name="role"/> may fire <paramref name="trigger"/>.</summary>
    public static bool RoleMayFire(PaknActorRole role, PaknTrigger trigger) =>
        Roles.TryGetValue(trigger, out var roles) && roles.Contains(role);

    /// <summary>The triggers <paramref name="role"/> may fire in <paramref name="status"/>, in declaration order.</summary>
    public static IReadOnlyList<PaknTrigger> AllowedTriggers(PaknStatus status, PaknActorRole role) =>
        [.. Enum.GetValues<PaknTrigger>().Where(t => IsAllowed(status, t) && RoleMayFire(role, t))];

    /// <summary>The DVCQG group a state is reported in (domain.md §10.3).</summary>
    public static PaknStage Stage(PaknStatus status) => status switch
    {
        Received => PaknStage.WaitingForReception,
        Classified or InProgress or Decided => PaknStage.Processing,
        NotAccepted or Forwarded or SupplementRequested or AwaitingPublication or Published => PaknStage.Processed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>One line per creation and table entry, sorted, with the roles, then the DVCQG group of every state:
    /// the content of the golden file.</summary>
    public static string Describe()
    {
        var lines = new List<string>();
        foreach (var (trigger, to) in Creations.OrderBy(c => c.Key))
        {
            lines.Add($"(none) --{trigger}--> {to} [{RoleList(trigger)}]");
        }

        foreach (var ((from, trigger), to) in Transitions.OrderBy(t => t.Key.From).ThenBy(t => t.Key.Trigger))
        {
            var target = to?.ToString() ?? $"(state before the request: {string.Join(" | ", SupplementOrigins.Order())})";
            lines.Add($"{from} --{trigger}--> {target} [{RoleList(trigger)}]");
        }

        lines.Add(string.Empty);
        foreach (var status in Enum.GetValues<PaknStatus>())
        {
            lines.Add($"{status} = {Stage(status)}");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string RoleList(PaknTrigger trigger) => string.Join(", ", Roles[trigger].Order());

    private static FrozenSet<PaknActorRole> Set(params PaknActorRole[] roles) => roles.ToFrozenSet();
}
