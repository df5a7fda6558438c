namespace MotCua.Persistence;

/// <summary>The relational database MotCua runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a file under the app's data folder.</summary>
    Sqlite,

    /// <summary>Production database (PostgreSQL 15).</summary>
    Postgres,
}
