namespace MotCua.Persistence.Dossiers;

/// <summary>A creating call already answered: the same key from the same caller gets the same response.</summary>
/// <remarks>Inserted in the transaction that creates the dossier; the primary key (caller, key) makes a concurrent
/// retry wait for, then read, the first call's row instead of creating a second dossier.</remarks>
public sealed class IdempotencyRecord
{
    public string CallerId { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request body, to refuse the same key with a different body.</summary>
    public string RequestHash { get; set; } = "";

    public Guid DossierId { get; set; }

    public int StatusCode { get; set; }

    /// <summary>The JSON response body as first sent (no personal data beyond what the caller sent).</summary>
    public string ResponseBody { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
