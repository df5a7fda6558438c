using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using Quartz;

namespace MotCua.Web.Jobs;

/// <summary>Chains the personal-data reads that lists log unsealed (<see cref="PersonalDataReadLog.EnqueueAsync"/>) onto
/// their dossiers' hash chains, every few seconds (<c>Jobs:ReadLogSealInterval</c>). One run at a time per cluster;
/// a second sealer would be safe anyway (it re-reads the rows after locking their heads).</summary>
[DisallowConcurrentExecution]
public sealed class ReadLogSealJob(IServiceScopeFactory scopes) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("read-log-seal", "motcua");

    /// <inheritdoc/>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await PersonalDataReadLog.SealUnchainedAsync(db, cancellationToken);
    }
}
