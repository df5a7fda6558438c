using MotCua.Web.Jobs;

namespace MotCua.IntegrationTests.Jobs;

/// <summary>A unit with nothing due, for jobs tests that do not need dossiers.</summary>
public sealed class NoDueWorkSource : IDueWorkSource
{
    public Task<DueWork> GetDueWorkAsync(Guid unitId, DateTime nowUtc, CancellationToken ct = default) => Task.FromResult(DueWork.None);
}
