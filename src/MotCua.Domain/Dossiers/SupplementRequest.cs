namespace MotCua.Domain.Dossiers;

/// <summary>A request to supplement or complete the dossier (Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).</summary>
public sealed class SupplementRequest
{
    private readonly List<string> _items = [];

    private SupplementRequest()
    {
        Reason = null!;
    }

    internal SupplementRequest(SupplementStage stage, DateTime requestedAtUtc, string reason, IEnumerable<string> items)
    {
        Id = Guid.CreateVersion7();
        Stage = stage;
        RequestedAt = requestedAtUtc;
        Reason = reason;
        _items.AddRange(items);
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>At the desk or during appraisal.</summary>
    public SupplementStage Stage { get; private set; }

    /// <summary>When the request was issued (UTC).</summary>
    public DateTime RequestedAt { get; private set; }

    /// <summary>Why the dossier is incomplete.</summary>
    public string Reason { get; private set; }

    /// <summary>What must be supplied ("một lần đầy đủ", ND 61/2018 Art. 17(1)(a)).</summary>
    public IReadOnlyList<string> Items => _items;

    /// <summary>When the applicant supplied everything (UTC); <see langword="null"/> while pending.</summary>
    public DateTime? CompletedAt { get; private set; }

    internal void Complete(DateTime atUtc) => CompletedAt = atUtc;
}
