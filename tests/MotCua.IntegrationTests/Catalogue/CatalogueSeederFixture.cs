using MotCua.Domain.Catalogue;
using MotCua.Persistence.Seeding;

namespace MotCua.IntegrationTests.Catalogue;

/// <summary>The embedded fixture, read in memory, as the independent expectation for database queries.</summary>
internal static class CatalogueSeederFixture
{
    public static IReadOnlyList<Procedure> InForce(DateOnly date) =>
        CatalogueSeeder.LoadEmbeddedFixture().Where(p => p.IsInForceOn(date)).ToList();
}
