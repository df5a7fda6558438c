using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>The framework row and its JSON tree round-trip on both databases; the demo frameworks are valid data that use
/// every method and total 100.</summary>
public sealed class ParFrameworkPersistenceTests
{
    private static readonly DateTime CreatedAt = new DateTime(2026, 10, 1, 2, 30, 15, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task ParFramework_RoundTrips_AndIsUniquePerProvinceYearLevelVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var definition = DemoParIndexSeeder.Load("framework-commune-2026.json");
        var issued = ParFramework.CreateDraft(Guid.NewGuid(), unit.Id, definition with { DecisionDate = new DateOnly(2025, 10, 31) }, 1, CreatedAt);
        Assert.True(issued.Issue("2712/QĐ-UBND", null, CreatedAt.AddDays(3)).IsSuccess);
        var copy = issued.CopyToYear(Guid.NewGuid(), 2027, 1, CreatedAt.AddYears(1));
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.Add(unit);
            db.ParFrameworks.AddRange(issued, copy);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.ParFrameworks.SingleAsync(f => f.Id == issued.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, issued, loaded);
            Assert.Equal(ParFrameworkJson.Write(issued.Definition), ParFrameworkJson.Write(loaded.Definition));
            Assert.Equal(DateTimeKind.Utc, loaded.CreatedAt.Kind);
            Assert.Equal(0.25m, loaded.Tree.Find("1.1.1")!.Method.Rows[0].Points);
            var loadedCopy = await db.ParFrameworks.SingleAsync(f => f.Id == copy.Id, ct);
            EntityAssert.AllMappedPropertiesEqual(db, copy, loadedCopy);
            Assert.Equal(issued.Id, loadedCopy.CopiedFromId);

            // Editing the copy writes its tree only.
            Assert.True(loadedCopy.EditSubCriterion("1.1.1", loadedCopy.Tree.Find("1.1.1")! with { Name = "Kế hoạch CCHC năm 2027" }).IsSuccess);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal("Kế hoạch CCHC năm 2027", (await db.ParFrameworks.SingleAsync(f => f.Id == copy.Id, ct)).Tree.Find("1.1.1")!.Name);
            Assert.Equal(definition.Tree.Find("1.1.1")!.Name, (await db.ParFrameworks.SingleAsync(f => f.Id == issued.Id, ct)).Tree.Find("1.1.1")!.Name);
            db.ParFrameworks.Add(ParFramework.CreateDraft(Guid.NewGuid(), unit.Id, definition, 1, CreatedAt));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }

    [Theory]
    [InlineData("framework-department-2026.json", ParLevel.Department)]
    [InlineData("framework-commune-2026.json", ParLevel.Commune)]
    public void DemoFrameworks_AreValid_UseEveryMethod_AndTotal100(string file, ParLevel level)
    {
        var definition = DemoParIndexSeeder.Load(file);
        Assert.Equal((2026, level), (definition.Year, definition.Level));
        Assert.Empty(ParFrameworkRules.Validate(definition.Tree));
        var subs = definition.Tree.SubCriteria.ToList();
        Assert.Equal(Enum.GetValues<ParMethodKind>().Order(), subs.Select(s => s.Sub.Method.Kind).Distinct().Order());
        Assert.Equal(100m, subs.Where(s => !s.Area.IsBonusPenalty && s.Sub.AppliesToLevel(level)).Sum(s => s.Sub.MaxPoints));
        Assert.Equal(9, definition.Tree.Areas.Count);
        Assert.Single(definition.Tree.Areas, a => a.IsBonusPenalty);
        Assert.Contains(subs, s => s.Sub.Method.Rows.Count > 0 && s.Sub.Method.Rows.All(r => r.Points == 0.25m));
        Assert.Contains(subs, s => s.Sub.Method is { Kind: ParMethodKind.Deduction, Floor: > 0 });
        Assert.Contains(subs, s => s.Sub.Method.Formula == "dossier.on_time_rate");
        Assert.Contains(subs, s => s.Sub.Method.Formula == "serviceindex.total_percent");
        Assert.All(definition.Tree.Areas.Where(a => !a.IsBonusPenalty), a => Assert.True(a.Criteria.Count >= 2, a.Code));

        // Export then import gives the same text.
        var text = ParFrameworkJson.Write(definition);
        Assert.Equal(text, ParFrameworkJson.Write(ParFrameworkJson.Parse(text).Definition!));
    }
}
