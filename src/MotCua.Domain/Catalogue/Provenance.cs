namespace MotCua.Domain.Catalogue;

/// <summary>Where a catalogue entry's data came from, so administrators know what to verify before go-live.</summary>
/// <param name="Confidence">How the data was obtained.</param>
/// <param name="Source">Citation or description of the source.</param>
/// <param name="CodeConfirmed">Whether the national procedure code was confirmed from a source.</param>
public sealed record Provenance(ProvenanceConfidence Confidence, string Source, bool CodeConfirmed);

/// <summary>Confidence labels of the domain specification (§0.1), as far as they apply to seed data.</summary>
public enum ProvenanceConfidence
{
    /// <summary>Published officially (entered from the national procedure database or a publication decision).</summary>
    Verified,

    /// <summary>From a secondary source (provincial portal, news, guide).</summary>
    Secondary,

    /// <summary>Recalled, not checked against a source.</summary>
    Recalled,
}
