namespace MotCua.Domain.Dossiers;

/// <summary>One append-only entry of a dossier's history: who fired what, when, and what it changed.</summary>
/// <remarks>Entries are chained by <see cref="Hash"/> (<see cref="DossierHistoryChain"/>) so that editing, deleting or
/// reordering them is detectable. Statistics and period classifications are derived from these entries.</remarks>
public sealed class DossierHistoryEntry
{
    private DossierHistoryEntry()
    {
        PreviousHash = null!;
        Hash = null!;
    }

    internal DossierHistoryEntry(
        Guid dossierId, int sequence, DateTime atUtc, DossierActor actor, DossierStatus? from, DossierStatus to,
        DossierTrigger trigger, string? note, string? data, DateTime? originalAppointmentAt, DateTime? currentAppointmentAt,
        string previousHash)
    {
        Id = Guid.CreateVersion7();
        DossierId = dossierId;
        Sequence = sequence;
        At = atUtc;
        ActorId = actor.Id;
        ActorRole = actor.Role;
        From = from;
        To = to;
        Trigger = trigger;
        Note = note;
        Data = data;
        OriginalAppointmentAt = originalAppointmentAt;
        CurrentAppointmentAt = currentAppointmentAt;
        PreviousHash = previousHash;
        Hash = DossierHistoryChain.ComputeHash(this);
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The dossier.</summary>
    public Guid DossierId { get; private set; }

    /// <summary>0-based position in the history.</summary>
    public int Sequence { get; private set; }

    /// <summary>When the trigger was fired (UTC).</summary>
    public DateTime At { get; private set; }

    /// <summary>The user; <see langword="null"/> for the system.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>The role the actor acted in.</summary>
    public DossierActorRole ActorRole { get; private set; }

    /// <summary>The state before; <see langword="null"/> for the creating entry.</summary>
    public DossierStatus? From { get; private set; }

    /// <summary>The state after (equal to <see cref="From"/> for self-loops such as an apology).</summary>
    public DossierStatus To { get; private set; }

    /// <summary>The trigger.</summary>
    public DossierTrigger Trigger { get; private set; }

    /// <summary>The actor's note.</summary>
    public string? Note { get; private set; }

    /// <summary>Compact JSON with the trigger's data and compliance warnings (keys sorted), or <see langword="null"/>.</summary>
    public string? Data { get; private set; }

    /// <summary>The legal appointment after the transition (UTC).</summary>
    public DateTime? OriginalAppointmentAt { get; private set; }

    /// <summary>The current appointment after the transition (UTC), including an apology's new date.</summary>
    public DateTime? CurrentAppointmentAt { get; private set; }

    /// <summary>The previous entry's hash; empty for the first entry.</summary>
    public string PreviousHash { get; private set; }

    /// <summary>SHA-256 (lower-case hex) over <see cref="PreviousHash"/> and this entry's fields.</summary>
    public string Hash { get; private set; }

    /// <summary>A text field of <see cref="Data"/> (e.g. <c>"reason"</c>), or <see langword="null"/> when absent or not text.</summary>
    public string? DataText(string field)
    {
        if (string.IsNullOrEmpty(Data))
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(Data);
        return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty(field, out var value)
            && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
    }
}
