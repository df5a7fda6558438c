using MotCua.Web.Features.ParIndex;
using Quartz;

namespace MotCua.Web.Jobs;

/// <summary>Enqueues the PAR Index remediation reminders (08:15 Vietnam time); the outbox job then sends them.</summary>
[DisallowConcurrentExecution]
public sealed class ParRemediationReminderJob(IServiceScopeFactory scopes, TimeProvider clock) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("parindex-remediation-remind", "motcua");

    /// <inheritdoc/>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<ParRemediationReminderWriter>();
        await writer.EnqueueAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
