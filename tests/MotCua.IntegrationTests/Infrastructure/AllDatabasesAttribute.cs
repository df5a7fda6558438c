using System.Reflection;
using MotCua.Persistence;
using Xunit.Sdk;
using Xunit.v3;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// Theory data with one <see cref="DatabaseProvider"/> row per database. The PostgreSQL row is visibly skipped when
/// <c>MOTCUA_TEST_POSTGRES</c> is unset, unless <c>MOTCUA_TEST_REQUIRE_ALL_DATABASES=1</c>, in which case it runs and fails.
/// </summary>
/// <example><code>[Theory, AllDatabases] public async Task X(DatabaseProvider provider) { await using var db = await TestDatabase.CreateMigratedAsync(provider); ... }</code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class AllDatabasesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        IReadOnlyCollection<ITheoryDataRow> rows =
        [
            new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite),
            PostgresRow(),
        ];
        return ValueTask.FromResult(rows);
    }

    /// <summary>The PostgreSQL row: skipped visibly when no server is configured, unless every database is required.</summary>
    internal static TheoryDataRow<DatabaseProvider> PostgresRow()
    {
        var postgres = new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres);
        if (TestEnvironment.PostgresAdminConnectionString is null && !TestEnvironment.RequireAllDatabases)
        {
            postgres.Skip = $"PostgreSQL not configured: set {TestEnvironment.PostgresVariable} (scripts/test.sh does).";
        }

        return postgres;
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
