using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Units;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.ServiceIndex;

namespace MotCua.IntegrationTests.ServiceIndex;

public sealed class ServiceIndexFigureRoundTripTests
{
    [Theory, AllDatabases]
    public async Task ServiceIndexFigure_RoundTrips_AndIsUniquePerUnitPeriodIndicator(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var unit = OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân tỉnh Sơn La", null, UnitLevel.Province, "000.00.00.H56", null, new DateOnly(2025, 7, 1));
        var figure = new ServiceIndexFigure
        {
            Id = Guid.NewGuid(),
            UnitId = unit.Id,
            PeriodFirst = new DateOnly(2026, 7, 1),
            PeriodLast = new DateOnly(2026, 9, 30),
            IndicatorId = "4.5b",
            Numerator = 3_000_000_000,
            Denominator = 3_100_000_000,
            SourceNote = "Cổng DVCQG, Q3/2026",
            ImportedById = Guid.NewGuid(),
            ImportedAt = new DateTime(2026, 10, 5, 2, 30, 15, DateTimeKind.Utc).AddMicroseconds(456),
        };
        await using (var db = database.CreateContext())
        {
            db.OrganisationalUnits.Add(unit);
            db.ServiceIndexFigures.Add(figure);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.ServiceIndexFigures.SingleAsync(ct);
            EntityAssert.AllMappedPropertiesEqual(db, figure, loaded);
            Assert.Equal(DateTimeKind.Utc, loaded.ImportedAt.Kind);
            db.ServiceIndexFigures.Add(new ServiceIndexFigure
            {
                Id = Guid.NewGuid(),
                UnitId = unit.Id,
                PeriodFirst = figure.PeriodFirst,
                PeriodLast = figure.PeriodLast,
                IndicatorId = "4.5b",
                SourceNote = "lần hai",
                ImportedAt = figure.ImportedAt,
            });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
    }
}
