using MotCua.Persistence;
using MotCua.Web.Notifications;
using Quartz;

namespace MotCua.Web.Jobs;

/// <summary>Runs <see cref="OutboxProcessor"/> every few seconds. One run at a time per cluster; concurrent nodes
/// would be safe anyway (leases), this only avoids pointless contention.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDrainJob(IServiceScopeFactory scopes, OutboxProcessor processor) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("outbox-drain", "motcua");

    /// <inheritdoc/>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await processor.ProcessAsync(db, cancellationToken);
    }
}
