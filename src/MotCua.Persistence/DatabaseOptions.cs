using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace MotCua.Persistence;

/// <summary>Which database to use and how to reach it.</summary>
/// <param name="Provider">SQLite or PostgreSQL.</param>
/// <param name="ConnectionString">Provider connection string; for SQLite the data source is an absolute path.</param>
/// <param name="IsDefaultSqliteFile">True when nothing was configured and the embedded default file is used.</param>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, bool IsDefaultSqliteFile = false)
{
    /// <summary>The default SQLite connection string, relative to the content root (the working directory for the CLI).</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/motcua.db";

    /// <summary>
    /// Reads <c>Database:Provider</c> (<c>Sqlite</c> by default, or <c>Postgres</c>), <c>ConnectionStrings:Sqlite</c>
    /// and <c>ConnectionStrings:Postgres</c>. A relative SQLite path is resolved against <see cref="DataRoot.Find"/> of <paramref name="contentRootPath"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Unknown provider, or Postgres without a connection string.</exception>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");

        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = configuration.GetConnectionString("Postgres");
            return string.IsNullOrWhiteSpace(postgres)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.")
                : new DatabaseOptions(provider, postgres);
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        var isDefault = string.IsNullOrWhiteSpace(sqlite);
        return new DatabaseOptions(provider, ResolveSqlitePath(isDefault ? DefaultSqliteConnectionString : sqlite!, DataRoot.Find(contentRootPath)), isDefault);
    }

    /// <summary>Makes a relative SQLite data source absolute against <paramref name="basePath"/>.</summary>
    public static string ResolveSqlitePath(string connectionString, string basePath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource.Length > 0 && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource)
            && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(basePath, builder.DataSource));
        }

        return builder.ToString();
    }
}
