using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Persistence;

public sealed class MigrationTests
{
    [Theory, AllDatabases]
    public async Task MigratedSchema_MatchesModel(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, ct);
        await using var db = database.CreateContext();
        await DatabaseMigrator.MigrateAsync(db, ct);

        var expected = SchemaSnapshot.FromModel(db);
        var actual = await SchemaSnapshot.FromDatabaseAsync(database, ct);

        AssertSameSchema(expected, actual);
    }

    [Theory, AllDatabases]
    public async Task Migrate_Twice_IsNoOp(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateEmptyAsync(provider, ct);
        await using var db = database.CreateContext();

        var first = await DatabaseMigrator.MigrateAsync(db, ct);
        var schemaAfterFirst = await SchemaSnapshot.FromDatabaseAsync(database, ct);
        var second = await DatabaseMigrator.MigrateAsync(db, ct);
        var schemaAfterSecond = await SchemaSnapshot.FromDatabaseAsync(database, ct);

        Assert.Equal(db.Database.GetMigrations(), first);
        Assert.Empty(second);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(schemaAfterFirst, schemaAfterSecond);
    }

    [Theory, AllDatabases]
    public async Task MigrateDown_ToZero_RemovesEveryModelTable(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var db = database.CreateContext();

        await db.GetService<IMigrator>().MigrateAsync("0", ct);

        var remaining = await SchemaSnapshot.FromDatabaseAsync(database, ct);
        Assert.Empty(remaining);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task SchemaSnapshot_DroppedIndex_IsDetected(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var db = database.CreateContext();

        await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_OrganisationalUnits_IdentifierCode\"", ct);
        var actual = await SchemaSnapshot.FromDatabaseAsync(database, ct);

        var missing = SchemaSnapshot.FromModel(db).Except(actual).ToList();
        Assert.Equal(["index OrganisationalUnits.IX_OrganisationalUnits_IdentifierCode (IdentifierCode) unique"], missing);
    }

    private static void AssertSameSchema(SortedSet<string> expected, SortedSet<string> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Migrated schema differs from the model.\nMissing in database:\n  {string.Join("\n  ", missing)}\nNot in model:\n  {string.Join("\n  ", extra)}");
        Assert.Contains("table OrganisationalUnits", actual);
    }
}
