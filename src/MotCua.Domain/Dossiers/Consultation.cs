namespace MotCua.Domain.Dossiers;

/// <summary>A request for another agency's opinion with an opinion deadline (ND 61/2018 Art. 19(5)).</summary>
public sealed class Consultation
{
    private Consultation()
    {
        AgencyName = null!;
    }

    internal Consultation(string agencyName, DateTime requestedAtUtc, DateTime opinionDeadlineUtc)
    {
        Id = Guid.CreateVersion7();
        AgencyName = agencyName;
        RequestedAt = requestedAtUtc;
        OpinionDeadline = opinionDeadlineUtc;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The consulted agency.</summary>
    public string AgencyName { get; private set; }

    /// <summary>When the request was sent (UTC).</summary>
    public DateTime RequestedAt { get; private set; }

    /// <summary>The opinion deadline (UTC).</summary>
    public DateTime OpinionDeadline { get; private set; }

    /// <summary>When the opinion was recorded (UTC).</summary>
    public DateTime? AnsweredAt { get; private set; }

    /// <summary>The opinion, as recorded.</summary>
    public string? Opinion { get; private set; }

    /// <summary>Whether the agency answered after the deadline, or has not answered by <paramref name="nowUtc"/> although
    /// the deadline passed; lateness is escalated to the head of the desk (Art. 19(5)(b)).</summary>
    public bool IsLateAt(DateTime nowUtc) => (AnsweredAt ?? nowUtc) > OpinionDeadline;

    internal void Answer(DateTime atUtc, string opinion)
    {
        AnsweredAt = atUtc;
        Opinion = opinion;
    }
}
