namespace MotCua.Persistence.Dossiers;

/// <summary>One staff read of a citizen's personal data (who, when, which dossier); holds no personal data itself.</summary>
public sealed class PersonalDataAccess
{
    public long Id { get; set; }

    public Guid UserId { get; set; }

    public Guid DossierId { get; set; }

    public DateTime At { get; set; }

    /// <summary>What was read, e.g. <c>api.dossier.get</c>.</summary>
    public string Purpose { get; set; } = "";
}
