namespace MotCua.Domain.Feedback.Pakn;

/// <summary>One append-only entry of a case's history: who fired what, when, from which state to which.</summary>
/// <remarks>Timeliness and the period rates are derived from these entries (<see cref="PaknTimeliness"/>), never from
/// counters. Not hash-chained, unlike the dossier history (domain.md §13.6) [design].</remarks>
public sealed class PaknHistoryEntry
{
    private PaknHistoryEntry()
    {
    }

    internal PaknHistoryEntry(
        Guid caseId, int sequence, DateTime atUtc, PaknActor actor, PaknTrigger trigger, PaknStatus? from, PaknStatus to,
        string? note, string? detail, DateTime clockStartedAtUtc)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        Sequence = sequence;
        At = atUtc;
        ActorId = actor.Id;
        ActorRole = actor.Role;
        Trigger = trigger;
        From = from;
        To = to;
        Note = note;
        Detail = detail;
        ClockStartedAt = clockStartedAtUtc;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>0-based position in the history.</summary>
    public int Sequence { get; private set; }

    /// <summary>When the trigger was fired (UTC).</summary>
    public DateTime At { get; private set; }

    /// <summary>The user; <see langword="null"/> for the system.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The role the actor acted in.</summary>
    public PaknActorRole ActorRole { get; private set; }

    /// <summary>The trigger.</summary>
    public PaknTrigger Trigger { get; private set; }

    /// <summary>The state before; <see langword="null"/> for the creating entry.</summary>
    public PaknStatus? From { get; private set; }

    /// <summary>The state after (equal to <see cref="From"/> for self-loops).</summary>
    public PaknStatus To { get; private set; }

    /// <summary>The actor's note.</summary>
    public string? Note { get; private set; }

    /// <summary>The trigger's own text: a reason, a supplement, the body forwarded to, a reply, reaction totals.</summary>
    public string? Detail { get; private set; }

    /// <summary>The clock start in force after the entry (UTC): submission, or the latest transfer in.</summary>
    public DateTime ClockStartedAt { get; private set; }
}
