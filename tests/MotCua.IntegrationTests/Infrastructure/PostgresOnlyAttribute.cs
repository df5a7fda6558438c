using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// Theory data with the PostgreSQL row only, for behaviour SQLite does not have (row locks, SKIP LOCKED, clustered
/// Quartz). Skipped visibly like <see cref="AllDatabasesAttribute"/>'s PostgreSQL row when the server is not configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresOnlyAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        IReadOnlyCollection<ITheoryDataRow> rows = [AllDatabasesAttribute.PostgresRow()];
        return ValueTask.FromResult(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
