namespace MotCua.Persistence.Dossiers;

/// <summary>Who uploaded a dossier document.</summary>
public enum DocumentUploaderKind
{
    /// <summary>The applicant (online submission or supplement).</summary>
    Citizen,

    /// <summary>A desk or handling officer (scan at the counter, result).</summary>
    Officer,
}
