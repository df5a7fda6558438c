namespace MotCua.Domain.Dossiers;

/// <summary>When a supplement was requested.</summary>
public enum SupplementStage
{
    /// <summary>At the desk, before acceptance (ND 61/2018 Art. 17(2)(a)); no clock is running.</summary>
    Desk,

    /// <summary>During appraisal (ND 61/2018 Art. 19(4)).</summary>
    Agency,
}
