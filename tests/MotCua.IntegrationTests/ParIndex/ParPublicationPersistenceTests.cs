using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>A publication of a framework's results and its correction round-trip on both databases with the snapshot text
/// unchanged (Vietnamese names, decimals, a unit not ranked); one publication per (framework, number).</summary>
public sealed class ParPublicationPersistenceTests
{
    private static readonly DateTime At = new DateTime(2027, 3, 15, 2, 30, 15, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task ParPublication_RoundTrips_WithItsSnapshot(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var province = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var framework = ParFramework.CreateDraft(Guid.NewGuid(), province.Id, DemoParIndexSeeder.Load("framework-department-2026.json"), 1, At);
        Assert.True(framework.Issue("2712/QĐ-UBND", null, At).IsSuccess);
        var inputs = new Dictionary<string, ParScoreInput> { ["1.1.1"] = new(CheckedRows: ["a", "b", "c"]) };
        var table = ParResultsTable.Build(framework,
        [
            new ParResultCandidate(Guid.NewGuid(), "Sở Tư pháp", "000.00.03.H56", ParScorer.Score(framework.Tree, framework.Level, inputs).Result),
            new ParResultCandidate(Guid.NewGuid(), "Sở Y tế", "000.00.07.H56", null),
        ]);
        var first = ParPublication.Publish(Guid.NewGuid(), framework, table, null, Guid.NewGuid(), At, null).Value;
        var second = ParPublication.Publish(Guid.NewGuid(), framework, table, first, Guid.NewGuid(), At.AddDays(2), "Đính chính điểm lĩnh vực 1").Value;
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.Add(province);
            db.ParFrameworks.Add(framework);
            db.ParPublications.AddRange(first, second);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            foreach (var saved in new[] { first, second })
            {
                var loaded = await db.ParPublications.SingleAsync(p => p.Id == saved.Id, ct);
                EntityAssert.AllMappedPropertiesEqual(db, saved, loaded);
                Assert.Equal(DateTimeKind.Utc, loaded.PublishedAt.Kind);
                Assert.Equal(saved.Snapshot, loaded.Snapshot);
            }

            var read = (await db.ParPublications.SingleAsync(p => p.Id == second.Id, ct)).Table;
            Assert.Equal((2, "Đính chính điểm lĩnh vực 1"), (second.Number, second.Reason));
            Assert.Equal(["Sở Tư pháp", "Sở Y tế"], read.Units.Select(u => u.UnitName));
            Assert.Equal((0.75m, 1, false), (read.Units[0].SubCriteria.Single(s => s.Code == "1.1.1").Points, read.Units[0].Rank!.Value, read.Units[1].Ranked));

            // One publication per framework and number.
            db.ParPublications.Add(ParPublication.Publish(Guid.NewGuid(), framework, table, null, Guid.NewGuid(), At, null).Value);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }
}
