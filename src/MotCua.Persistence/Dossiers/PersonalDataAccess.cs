namespace MotCua.Persistence.Dossiers;

/// <summary>One staff read of a citizen's personal data (who, when, which dossier); holds no personal data itself.</summary>
/// <remarks>Append-only and hash-chained per dossier (<see cref="PersonalDataAccessChain"/>): write it only through
/// <see cref="PersonalDataReadLog"/>.
/// Database triggers refuse UPDATE and DELETE of sealed rows.</remarks>
public sealed class PersonalDataAccess
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public Guid DossierId { get; set; }

    public DateTime At { get; set; }

    /// <summary>What was read, e.g. <c>api.dossier.get</c>.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>0-based position in the dossier's read-log chain.</summary>
    public int Sequence { get; set; }

    /// <summary>The hash of the dossier's previous read-log entry (empty for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>This entry's hash; empty only for a row written before the chain existed and not yet sealed.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>The head of one dossier's read-log chain: its last sequence and hash, so that a removed last entry is
/// detected; writers lock this row, so two concurrent readers cannot fork the chain (<see cref="PersonalDataReadLog"/>).</summary>
public sealed class PersonalDataAccessHead
{
    public Guid DossierId { get; set; }

    /// <summary>The sequence of the last entry (the chain holds <c>LastSequence + 1</c> entries; -1 when empty).
    /// Also a concurrency token, a second line of defence behind the row lock.</summary>
    public int LastSequence { get; set; }

    /// <summary>The hash of the last entry.</summary>
    public string Hash { get; set; } = "";
}
