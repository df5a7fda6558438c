using MotCua.Persistence;
using MotCua.Persistence.Statistics;
using Quartz;

namespace MotCua.Web.Jobs;

/// <summary>Brings the dossier statistics up to date with the dossiers changed since the last run
/// (<see cref="DossierStatistics.ApplyQueuedAsync"/>), every few seconds (<c>Jobs:StatisticsInterval</c>, default 5 s),
/// so a transition shows in the reports and dashboards within seconds (issue 10 §5: within 15 s). One run at a time per
/// cluster; a concurrent applier would fail on the snapshot's version and retry, never count twice.</summary>
[DisallowConcurrentExecution]
public sealed class DossierStatisticsJob(IServiceScopeFactory scopes) : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("dossier-statistics", "motcua");

    /// <summary>Queue items per transaction; a run drains up to this many batches, the rest waits for the next run.</summary>
    private const int BatchSize = 500;

    private const int MaxBatchesPerRun = 20;

    /// <inheritdoc/>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            if (await DossierStatistics.ApplyQueuedAsync(db, BatchSize, cancellationToken) < BatchSize)
            {
                break;
            }
        }
    }
}
