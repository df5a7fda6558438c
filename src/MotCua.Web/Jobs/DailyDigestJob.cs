using Quartz;

namespace MotCua.Web.Jobs;

/// <summary>Enqueues the agency heads' daily digests (07:00 Vietnam time); the outbox job then sends them.</summary>
[DisallowConcurrentExecution]
public sealed class DailyDigestJob(IServiceScopeFactory scopes, TimeProvider clock) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("daily-digest", "motcua");

    /// <inheritdoc/>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<DailyDigestWriter>();
        await writer.EnqueueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
