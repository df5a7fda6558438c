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
    public void FromConfiguration_ProjectFolderInsideCheckout_AnchorsDataAtTheSolutionFolder()
    {
        var checkout = Directory.CreateTempSubdirectory("motcua-checkout-");
        try
        {
            File.WriteAllText(Path.Combine(checkout.FullName, "MotCua.slnx"), "<Solution />");
            var webProject = Directory.CreateDirectory(Path.Combine(checkout.FullName, "src", "MotCua.Web")).FullName;
            var cliProject = Directory.CreateDirectory(Path.Combine(checkout.FullName, "src", "MotCua.Cli")).FullName;

            var web = DatabaseOptions.FromConfiguration(Config(), webProject);
            var cli = DatabaseOptions.FromConfiguration(Config(), cliProject);

            var expected = Path.Combine(checkout.FullName, "data", "motcua.db");
            Assert.Equal(expected, new SqliteConnectionStringBuilder(web.ConnectionString).DataSource);
            Assert.Equal(expected, new SqliteConnectionStringBuilder(cli.ConnectionString).DataSource);
        }
        finally
        {
            checkout.Delete(recursive: true);
        }
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

    [Fact]
    public void WithPoolingDefaults_PlainString_AddsAutoPrepareAndNoReset()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolingDefaults("Host=db;Username=app;Database=motcua"));

        Assert.Equal((64, 2, true), (tuned.MaxAutoPrepare, tuned.AutoPrepareMinUsages, tuned.NoResetOnClose));
        Assert.Equal(("db", "motcua"), (tuned.Host, tuned.Database));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;Auto Prepare Min Usages=5;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;AutoPrepareMinUsages=5;NoResetOnClose=false")]
    public void WithPoolingDefaults_KeywordsTheStringSets_AreKept(string connectionString)
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolingDefaults(connectionString));

        Assert.Equal((0, 5, false), (tuned.MaxAutoPrepare, tuned.AutoPrepareMinUsages, tuned.NoResetOnClose));
    }
}
