namespace MotCua.Web.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Jobs";

    /// <summary>Whether this node runs the background jobs (tests and read-only replicas turn them off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The scheduler's name: every node of one deployment must use the same one to form one cluster.</summary>
    public string InstanceName { get; set; } = "MotCua";

    /// <summary>This node's id in the cluster; empty to generate one (host name and start time).</summary>
    public string? InstanceId { get; set; }

    /// <summary>How often the outbox is drained.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often list reads logged unsealed are chained (<see cref="ReadLogSealJob"/>).</summary>
    public TimeSpan ReadLogSealInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the dossier statistics take in the changed dossiers (<see cref="DossierStatisticsJob"/>).</summary>
    public TimeSpan StatisticsInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Quartz cron expression of the daily digest, in Vietnam time: 07:00 every day by default.</summary>
    public string DigestCron { get; set; } = "0 0 7 * * ?";

    /// <summary>Quartz cron expression of the PAR Index self-assessment reminders, in Vietnam time: 08:00 every day by default.</summary>
    public string ParReminderCron { get; set; } = "0 0 8 * * ?";

    /// <summary>Quartz cron expression of the PAR Index remediation reminders, in Vietnam time: 08:15 every day by default.</summary>
    public string ParRemediationReminderCron { get; set; } = "0 15 8 * * ?";

    /// <summary>How long the scheduler sleeps when no trigger is due (at least 1 s); also bounds how soon a node sees a trigger
    /// scheduled by another node.</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a clustered node checks in; a node silent for longer (plus a margin) is treated as dead and
    /// its in-flight jobs are recovered by the others.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);
}
