using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Persistence;

public sealed class DatabaseOptionsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void FromConfiguration_Nothing_UsesDefaultSqliteFileUnderContentRoot()
    {
        var options = DatabaseOptions.FromConfiguration(Config(), "/srv/motcua");

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.True(options.IsDefaultSqliteFile);
        Assert.Equal("/srv/motcua/data/motcua.db", new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Fact]
    public void FromConfiguration_ExplicitAbsoluteSqlitePath_IsKept()
    {
        var options = DatabaseOptions.FromConfiguration(Config(("ConnectionStrings:Sqlite", "Data Source=/var/lib/motcua/x.db")), "/srv/motcua");

        Assert.False(options.IsDefaultSqliteFile);
        Assert.Equal("/var/lib/motcua/x.db", new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Fact]
    public void FromConfiguration_PostgresCaseInsensitive_UsesPostgresConnectionString()
    {
        var options = DatabaseOptions.FromConfiguration(Config(("Database:Provider", "postgres"), ("ConnectionStrings:Postgres", "Host=db;Database=motcua")), "/srv");

        Assert.Equal(new DatabaseOptions(DatabaseProvider.Postgres, "Host=db;Database=motcua"), options);
    }

    [Fact]
    public void FromConfiguration_PostgresWithoutConnectionString_Throws() =>
        Assert.Throws<InvalidOperationException>(() => DatabaseOptions.FromConfiguration(Config(("Database:Provider", "Postgres")), "/srv"));

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("7")]
    public void FromConfiguration_UnknownProvider_Throws(string provider) =>
        Assert.Throws<InvalidOperationException>(() => DatabaseOptions.FromConfiguration(Config(("Database:Provider", provider)), "/srv"));
}
