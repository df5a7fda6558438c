namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Environment variables that select the test databases (set by scripts/test.sh).</summary>
public static class TestEnvironment
{
    /// <summary>Npgsql connection string to an admin database on a throwaway server; tests create and drop their own databases.</summary>
    public const string PostgresVariable = "MOTCUA_TEST_POSTGRES";

    /// <summary>When "1", database rows that cannot run fail instead of being skipped.</summary>
    public const string RequireAllVariable = "MOTCUA_TEST_REQUIRE_ALL_DATABASES";

    public static string? PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool RequireAllDatabases => Environment.GetEnvironmentVariable(RequireAllVariable) == "1";
}
