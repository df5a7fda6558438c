using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Notifications;
using MotCua.Persistence;
using MotCua.Web.Jobs;
using MotCua.Web.Notifications;
using Npgsql;
using Quartz;

namespace MotCua.IntegrationTests.Jobs;

public sealed class JobsRegistrationTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public void DigestCron_InVietnamTime_FiresAtSevenLocalThatIsMidnightUtc()
    {
        var cron = new CronExpression(new JobsOptions().DigestCron, JobsServiceCollectionExtensions.VietnamTimeZone);

        var next = cron.GetNextValidTimeAfter(new DateTimeOffset(2026, 2, 19, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.FromHours(7), JobsServiceCollectionExtensions.VietnamTimeZone.GetUtcOffset(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task AddMotCuaJobs_JobsDisabled_RegistersNoSchedulerButKeepsTheProcessor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, ct);
        using var host = BuildHost(database, new RecordingSender(), ("Jobs:Enabled", "false"));

        Assert.Null(host.Services.GetService<ISchedulerFactory>());
        Assert.NotNull(host.Services.GetService<OutboxProcessor>());
        Assert.NotNull(host.Services.CreateScope().ServiceProvider.GetRequiredService<DailyDigestWriter>());
    }

    [Fact]
    public async Task AddMotCuaJobs_DisabledInTheHostsFinalConfiguration_SchedulerIsNotStarted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, ct);
        var registration = Configuration(database, [("Jobs:OutboxInterval", "00:00:00.200")]);
        using var host = BuildHost(database, new RecordingSender(), registration, Configuration(database, [("Jobs:Enabled", "false")]));

        await host.StartAsync(ct);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var status = scheduler.Status;
        await host.StopAsync(ct);

        Assert.Equal(SchedulerStatus.Created, status);
    }

    [Fact]
    public async Task AddMotCuaJobs_Sqlite_RamStoreRunsTheOutboxJobAndSchedulesTheDigest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, ct);
        await using (var db = database.CreateContext())
        {
            Outbox.Enqueue(db, OutboxFixtures.Email("job.1"), DateTime.UtcNow.AddMinutes(-1));
            await db.SaveChangesAsync(ct);
        }

        var sender = new RecordingSender();
        using var host = BuildHost(database, sender, ("Jobs:OutboxInterval", "00:00:00.200"));
        await host.StartAsync(ct);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        await WaitUntilAsync(() => sender.Keys.Count > 0, ct);
        var metadata = await scheduler.GetMetadata(ct);
        var digest = (ICronTrigger?)await scheduler.GetTrigger(new TriggerKey("daily-digest", "motcua"), ct);
        await host.StopAsync(ct);

        Assert.Equal(["job.1"], sender.Keys);
        Assert.False(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered);
        Assert.NotNull(digest);
        Assert.Equal("0 0 7 * * ?", digest.CronExpressionString);
        Assert.Equal(TimeSpan.FromHours(7), digest.TimeZone!.BaseUtcOffset);
    }

    [Theory, PostgresOnly]
    public async Task AddMotCuaJobs_TwoPostgresNodes_BothJoinOneClusterAndEachTriggerFiresOnce(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        (string, string)[] fast = [("Jobs:IdleWaitTime", "00:00:01"), ("Jobs:ClusterCheckinInterval", "00:00:02"), ("Jobs:OutboxInterval", "00:00:01")];
        using var nodeA = BuildHost(database, new RecordingSender(), [.. fast, ("Jobs:InstanceId", "node-a")]);
        using var nodeB = BuildHost(database, new RecordingSender(), [.. fast, ("Jobs:InstanceId", "node-b")]);

        // Both at once: the schema is provisioned by whichever wins, and the other finds it.
        await Task.WhenAll(nodeA.StartAsync(ct), nodeB.StartAsync(ct));
        var schedulerA = await nodeA.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var schedulerB = await nodeB.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var run = Guid.NewGuid().ToString("N");
        var job = JobBuilder.Create<CountingJob>().WithIdentity($"count-{run}", "test").UsingJobData(CountingJob.RunKey, run).Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"count-{run}", "test").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(300)).WithRepeatCount(5)).Build();
        await schedulerA.ScheduleJob(job, trigger, cancellationToken: ct);
        await WaitUntilAsync(() => CountingJob.Fires(run).Count >= 6, ct);
        // Give a duplicate firing on the other node the time to show up before stopping.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var metadata = await schedulerB.GetMetadata(ct);
        var nodes = await CountNodesAsync(database, ct);
        await Task.WhenAll(nodeA.StopAsync(ct), nodeB.StopAsync(ct));

        var fires = CountingJob.Fires(run);
        Assert.Equal(6, fires.Count);
        Assert.Equal(6, fires.Select(f => f.ScheduledAt).Distinct().Count());
        Assert.True(metadata.JobStorePersistent);
        Assert.True(metadata.JobStoreClustered);
        Assert.Equal("node-b", metadata.SchedulerInstanceId);
        Assert.Equal(["node-a", "node-b"], nodes);
    }

    private static async Task<List<string>> CountNodesAsync(TestDatabase database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = 'MotCua' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(ct);
        guard.CancelAfter(HangGuard);
        while (!condition())
        {
            await Task.Delay(50, guard.Token);
        }
    }

    private static IConfiguration Configuration(TestDatabase database, IEnumerable<(string Key, string Value)> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            [$"ConnectionStrings:{database.Provider}"] = database.ConnectionString,
            ["Smtp:From"] = "motcua@tinh.gov.vn",
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))).Build();

    private static IHost BuildHost(TestDatabase database, INotificationSender sender, params (string Key, string Value)[] settings)
    {
        var configuration = Configuration(database, settings);
        return BuildHost(database, sender, configuration, configuration);
    }

    private static IHost BuildHost(TestDatabase database, INotificationSender sender, IConfiguration registration, IConfiguration hostConfiguration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(hostConfiguration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddMotCuaDatabase(database.Options);
        services.AddSingleton(sender);
        services.AddMotCuaNotifications(registration);
        services.AddScoped<IDueWorkSource, NoDueWorkSource>();
        services.AddMotCuaJobs(registration);
        services.AddTransient<CountingJob>();
        return builder.Build();
    }
}

/// <summary>Records each firing, per test run, so a test can count how many times one trigger fired across nodes.</summary>
public sealed class CountingJob : IJob
{
    public const string RunKey = "run";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(DateTimeOffset ScheduledAt, string Node)>> Runs = new();

    public static IReadOnlyList<(DateTimeOffset ScheduledAt, string Node)> Fires(string run) =>
        Runs.TryGetValue(run, out var fires) ? fires.ToArray() : [];

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = context.MergedJobDataMap.GetString(RunKey)!;
        Runs.GetOrAdd(run, _ => new()).Enqueue((context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.Scheduler.SchedulerInstanceId));
        return ValueTask.CompletedTask;
    }
}
