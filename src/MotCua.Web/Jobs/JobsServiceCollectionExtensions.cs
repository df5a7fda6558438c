using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MotCua.Domain.Calendar;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using Quartz;

namespace MotCua.Web.Jobs;

/// <summary>Registers the outbox processor and the Quartz scheduler with MotCua's jobs.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="OutboxProcessor"/> (section <c>Outbox</c>), <see cref="DailyDigestWriter"/> (which needs an
    /// <see cref="IDueWorkSource"/>: the dossier notifications register theirs) and, when
    /// <c>Jobs:Enabled</c> is true (the default), Quartz with <see cref="OutboxDrainJob"/>, <see cref="ReadLogSealJob"/>, <see cref="DossierStatisticsJob"/> <see cref="DailyDigestJob"/>, <see cref="ParReminderJob"/> and <see cref="ParRemediationReminderJob"/>.
    /// </summary>
    /// <remarks>
    /// <para>On PostgreSQL the scheduler uses the clustered ADO.NET job store in the application's database (tables
    /// <c>qrtz_*</c>, created at start when missing: Quartz's <c>ProvisionSchema</c>, safe when several nodes start
    /// together), so each trigger fires on one node only. On SQLite, the single-node embedded default, it uses the RAM
    /// store.</para>
    /// <para>Needs <c>AddMotCuaDatabase</c>, <c>AddMotCuaNotifications</c> and a <see cref="TimeProvider"/>.
    /// The provider is read from <paramref name="configuration"/> now; <c>Jobs:Enabled</c> is read again when the host
    /// starts, so a test host can turn the jobs off after registration.</para>
    /// </remarks>
    public static IServiceCollection AddMotCuaJobs(this IServiceCollection services, IConfiguration configuration, string? contentRootPath = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.SectionName))
            .Validate(o => o.BatchSize is > 0 and <= 1000, "Outbox:BatchSize must be between 1 and 1000.")
            .Validate(o => o.MaxBatchesPerRun > 0, "Outbox:MaxBatchesPerRun must be positive.")
            .Validate(o => o.LeaseSafetyMargin >= TimeSpan.Zero && o.LeaseDuration > o.LeaseSafetyMargin, "Outbox:LeaseDuration must exceed Outbox:LeaseSafetyMargin.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "Outbox:RetryMaxDelay must be at least Outbox:RetryBaseDelay (> 0).")
            .Validate(o => o.MaxAttempts > 0, "Outbox:MaxAttempts must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<OutboxProcessor>();
        services.TryAddScoped<DailyDigestWriter>();

        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (!jobs.Enabled)
        {
            return services;
        }

        var database = DatabaseOptions.FromConfiguration(configuration, contentRootPath ?? Directory.GetCurrentDirectory());
        services.AddQuartz(quartz => ConfigureScheduler(quartz, jobs, database));
        // Bounded: a node asked to stop while the database is unreachable must still exit within its shutdown timeout.
        BoundedStopHostedService.AddBounded(services, s => s.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        }));
        services.AddSingleton<IConfigureOptions<QuartzHostedServiceOptions>>(sp => new JobsEnabledSetup(sp.GetRequiredService<IConfiguration>()));
        return services;
    }

    /// <summary>The scheduler's store and MotCua's jobs; shared with the tests so they exercise the same setup.</summary>
    internal static void ConfigureScheduler(IQuartzBuilder quartz, JobsOptions jobs, DatabaseOptions database)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = jobs.InstanceName;
            scheduler.IdleWaitTime = jobs.IdleWaitTime;
            if (!string.IsNullOrWhiteSpace(jobs.InstanceId))
            {
                scheduler.InstanceId = jobs.InstanceId.Trim();
            }
        });

        if (database.Provider == DatabaseProvider.Postgres)
        {
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(database.ConnectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = jobs.ClusterCheckinInterval;
                    cluster.CheckinMisfireThreshold = jobs.ClusterCheckinInterval * 2;
                });
                store.ProvisionSchema();
            });
        }
        else
        {
            quartz.UseInMemoryStore();
        }

        quartz.AddJob<OutboxDrainJob>(job => job.WithIdentity(OutboxDrainJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(OutboxDrainJob.Key)
            .WithIdentity("outbox-drain", "motcua")
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(jobs.OutboxInterval).RepeatForever()));

        quartz.AddJob<ReadLogSealJob>(job => job.WithIdentity(ReadLogSealJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(ReadLogSealJob.Key)
            .WithIdentity("read-log-seal", "motcua")
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(jobs.ReadLogSealInterval).RepeatForever()));

        quartz.AddJob<DossierStatisticsJob>(job => job.WithIdentity(DossierStatisticsJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(DossierStatisticsJob.Key)
            .WithIdentity("dossier-statistics", "motcua")
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(jobs.StatisticsInterval).RepeatForever()));

        quartz.AddJob<DailyDigestJob>(job => job.WithIdentity(DailyDigestJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(DailyDigestJob.Key)
            .WithIdentity("daily-digest", "motcua")
            .WithCronSchedule(jobs.DigestCron, cron => cron.InTimeZone(VietnamTimeZone)));

        quartz.AddJob<ParReminderJob>(job => job.WithIdentity(ParReminderJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(ParReminderJob.Key)
            .WithIdentity("parindex-remind", "motcua")
            .WithCronSchedule(jobs.ParReminderCron, cron => cron.InTimeZone(VietnamTimeZone)));

        quartz.AddJob<ParRemediationReminderJob>(job => job.WithIdentity(ParRemediationReminderJob.Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(ParRemediationReminderJob.Key)
            .WithIdentity("parindex-remediation-remind", "motcua")
            .WithCronSchedule(jobs.ParRemediationReminderCron, cron => cron.InTimeZone(VietnamTimeZone)));
    }

    /// <summary>UTC+7 without daylight saving: the IANA zone when the system has it, else an equivalent fixed zone.</summary>
    internal static TimeZoneInfo VietnamTimeZone { get; } = FindVietnamTimeZone();

    private static TimeZoneInfo FindVietnamTimeZone()
    {
        foreach (var id in (string[])["Asia/Ho_Chi_Minh", "SE Asia Standard Time"])
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.BaseUtcOffset == VietnamTime.Offset)
            {
                return zone;
            }
        }

        return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", VietnamTime.Offset, "Giờ Việt Nam (UTC+7)", "Giờ Việt Nam");
    }

    /// <summary>Reads <c>Jobs:Enabled</c> from the host's final configuration when the schedulers start.</summary>
    private sealed class JobsEnabledSetup(IConfiguration configuration) : IConfigureNamedOptions<QuartzHostedServiceOptions>
    {
        public void Configure(string? name, QuartzHostedServiceOptions options)
        {
            if (!configuration.GetValue($"{JobsOptions.SectionName}:{nameof(JobsOptions.Enabled)}", true))
            {
                options.AutoStart = false;
            }
        }

        public void Configure(QuartzHostedServiceOptions options) => Configure(Options.DefaultName, options);
    }
}
