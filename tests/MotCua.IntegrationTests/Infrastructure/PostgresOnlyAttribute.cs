using System.Reflection;
using MotCua.Persistence;
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
        var postgres = new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres);
        if (TestEnvironment.PostgresAdminConnectionString is null && !TestEnvironment.RequireAllDatabases)
        {
            postgres.Skip = $"PostgreSQL not configured: set {TestEnvironment.PostgresVariable} (scripts/test.sh does).";
        }

        IReadOnlyCollection<ITheoryDataRow> rows = [postgres];
        return ValueTask.FromResult(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
