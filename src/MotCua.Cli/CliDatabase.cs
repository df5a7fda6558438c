using Microsoft.Extensions.Configuration;
using MotCua.Persistence;

namespace MotCua.Cli;

/// <summary>The database the CLI works on: the same settings and defaults as the web app.</summary>
/// <remarks>
/// Read from <c>appsettings.json</c> in the working directory and environment variables, e.g.
/// <c>Database__Provider=Postgres</c> and <c>ConnectionStrings__Postgres=…</c>; by default the SQLite file
/// <c>data/motcua.db</c> under the working directory.
/// </remarks>
internal static class CliDatabase
{
    public static DatabaseOptions Options()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        try
        {
            return DatabaseOptions.FromConfiguration(configuration, Directory.GetCurrentDirectory());
        }
        catch (InvalidOperationException e)
        {
            throw new CliInputException(e.Message);
        }
    }

    /// <summary>Whether the configured database may already hold data (the default SQLite file exists, or a server is configured).</summary>
    public static bool MayExist(DatabaseOptions options) =>
        options.Provider != DatabaseProvider.Sqlite
        || File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
}
