namespace MotCua.Web.Notifications;

/// <summary>Configuration section <c>Outbox</c>: how <see cref="OutboxProcessor"/> claims, retries and gives up.</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Outbox";

    /// <summary>Rows claimed per round trip.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Batches per run at most, so one run of the job ends even while rows keep arriving.</summary>
    public int MaxBatchesPerRun { get; set; } = 10;

    /// <summary>How long a claim lasts. It must cover a whole batch (<see cref="BatchSize"/> × Smtp:TimeoutSeconds in the
    /// worst case); a message whose lease is nearly over when its turn comes is released unsent rather than risk a
    /// second node sending it too.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A message is only sent while at least this much of the lease remains.</summary>
    public TimeSpan LeaseSafetyMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Back-off after the first transient failure; doubled after each further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest back-off.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts after which a message that still fails transiently is dead-lettered (about a day with the
    /// default delays).</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>This node's name in <c>LockedBy</c>; empty for machine name, process id and a random suffix.</summary>
    public string? NodeId { get; set; }
}
