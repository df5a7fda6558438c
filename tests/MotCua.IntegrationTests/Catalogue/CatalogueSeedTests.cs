using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue.Fixture;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Catalogue;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Catalogue;

public sealed class CatalogueSeedTests
{
    [Theory, AllDatabases]
    public async Task SeedAsync_EmptyDatabase_StoresEveryFixtureVersionIntact(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var fixture = CatalogueSeeder.LoadEmbeddedFixture();

        CatalogueSeedResult result;
        await using (var db = database.CreateContext())
        {
            result = await CatalogueSeeder.SeedAsync(db, ct);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(new CatalogueSeedResult(fixture.Count, 0), result);
            Assert.True(await db.Procedures.Select(p => p.Code).Distinct().CountAsync(ct) >= 40, "The issue asks for at least 40 procedures.");
            var stored = await db.Procedures.AsSplitQuery().InListOrder().ToDictionaryAsync(p => p.Id, ct);
            Assert.Equal(fixture.Count, stored.Count);
            foreach (var expected in fixture)
            {
                ProcedureAssert.Same(db, expected, stored[expected.Id]);
            }
        }
    }

    [Theory, AllDatabases]
    public async Task SeedAsync_SecondRun_AddsNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using (var db = database.CreateContext())
        {
            await CatalogueSeeder.SeedAsync(db, ct);
        }

        var before = await CountRowsAsync(database, ct);
        CatalogueSeedResult second;
        await using (var db = database.CreateContext())
        {
            second = await CatalogueSeeder.SeedAsync(db, ct);
        }

        Assert.Equal(new CatalogueSeedResult(0, 0), second);
        Assert.Equal(before, await CountRowsAsync(database, ct));
    }

    [Theory, AllDatabases]
    public async Task SeedAsync_FixtureWithNewVersion_AddsItAndClosesThePreviousVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await CatalogueTestData.SeededAsync(provider, ct);
        var json = JsonNode.Parse(ReadEmbeddedJson())!;
        var entries = json["procedures"]!.AsArray();
        var current = entries.Single(e => (string?)e!["code"] == "1.004884")!;
        var next = current.DeepClone();
        current["validTo"] = "2026-12-31";
        next["version"] = 2;
        next["validFrom"] = "2027-01-01";
        next["name"] = "Đăng ký lại khai sinh (phiên bản 2027)";
        entries.Add(next);
        var changed = ProcedureFixture.Parse(json.ToJsonString());
        Assert.True(changed.IsSuccess, changed.IsFailure ? changed.Error.Message : null);

        CatalogueSeedResult result;
        await using (var db = database.CreateContext())
        {
            result = await CatalogueSeeder.SeedAsync(db, changed.Value, ct);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(new CatalogueSeedResult(1, 1), result);
            var old = await CatalogueQueries.GetByCodeAsync(db, "1.004884", new DateOnly(2026, 12, 31), ct);
            var renewed = await CatalogueQueries.GetByCodeAsync(db, "1.004884", new DateOnly(2027, 1, 1), ct);
            Assert.Equal((1, new DateOnly(2026, 12, 31)), (old!.Version, old.ValidTo!.Value));
            Assert.Equal((2, "Đăng ký lại khai sinh (phiên bản 2027)"), (renewed!.Version, renewed.Name));
        }
    }

    [Theory, AllDatabases]
    public async Task SeedReferenceDataAsync_WithoutPreset_SeedsRolesAndCatalogueButNoDemoUnits(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var db = database.CreateContext();

        var (roles, holidays, catalogue) = await new DatabaseSeeder(db).SeedReferenceDataAsync(ct);
        Assert.Equal(3, holidays);

        Assert.Equal(6, roles);
        Assert.Equal(CatalogueSeeder.LoadEmbeddedFixture().Count, catalogue.VersionsAdded);
        Assert.False(await db.OrganisationalUnits.AnyAsync(ct));
    }

    private static string ReadEmbeddedJson()
    {
        using var stream = typeof(CatalogueSeeder).Assembly.GetManifestResourceStream(CatalogueSeeder.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<(int Procedures, int Documents, int Steps, int Fees, int Forms, int Legal)> CountRowsAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return (
            await db.Procedures.CountAsync(ct),
            await db.Procedures.SelectMany(p => p.RequiredDocuments).CountAsync(ct),
            await db.Procedures.SelectMany(p => p.InternalProcess).CountAsync(ct),
            await db.Procedures.SelectMany(p => p.Fees).CountAsync(ct),
            await db.Procedures.SelectMany(p => p.Forms).CountAsync(ct),
            await db.Procedures.SelectMany(p => p.LegalBasis).CountAsync(ct));
    }
}
