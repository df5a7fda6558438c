using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Reports;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Reports;
using MotCua.Persistence.Statistics;

namespace MotCua.IntegrationTests.Persistence;

/// <summary>A report run and the statistics version round-trip on both databases; the migration leaves the version's one
/// row at 0, and applying the statistics queue or rebuilding raises it.</summary>
public sealed class ReportRunRoundTripTests
{
    // Whole microseconds: PostgreSQL timestamptz keeps microseconds, not .NET's 100 ns ticks.
    private static readonly DateTime GeneratedAt = new DateTime(2026, 12, 15, 2, 30, 15, 123, DateTimeKind.Utc).AddMicroseconds(456);

    [Theory, AllDatabases]
    public async Task ReportRun_RoundTrips_AllProperties(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var run = new ReportRun
        {
            Id = Guid.CreateVersion7(),
            Report = "form06",
            DefinitionVersion = 1,
            UnitId = Guid.NewGuid(),
            UnitName = "Sở Tư pháp tỉnh Sơn La",
            UnitsIncluded = 3,
            PeriodRule = PeriodRule.Nd09Quarter,
            PeriodFrom = new DateOnly(2026, 9, 15),
            PeriodTo = new DateOnly(2026, 12, 14),
            GeneratedAt = GeneratedAt,
            GeneratedBy = Guid.NewGuid(),
            DataVersion = 9_000_000_001,
            RowsHash = new string('a', 64),
            Rows = "total\t\tTổng cộng\t1\t0\t1\t0\t1\t0\t1\t0\t0\t0\t0\n",
        };
        await using (var db = database.CreateContext())
        {
            db.ReportRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            EntityAssert.AllMappedPropertiesEqual(db, run, await db.ReportRuns.SingleAsync(ct));
        }
    }

    [Theory, AllDatabases]
    public async Task StatisticsVersion_StartsAtZero_AndEveryApplyOrRebuildRaisesIt(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        await using var db = database.CreateContext();
        var row = await db.StatisticsVersions.AsNoTracking().SingleAsync(ct);
        Assert.Equal((StatisticsVersion.SingletonId, 0L), (row.Id, row.Version));
        Assert.Equal(0, await DossierStatistics.VersionAsync(db, ct));

        // An empty queue changes nothing and keeps the version; a rebuild, even of nothing, replaces the rows.
        await DossierStatistics.ApplyAllQueuedAsync(db, ct);
        Assert.Equal(0, await DossierStatistics.VersionAsync(db, ct));
        await DossierStatistics.RebuildAsync(db, ct: ct);
        Assert.Equal(1, await DossierStatistics.VersionAsync(db, ct));

        // A queued dossier that no longer exists still consumes its item: a new version of (unchanged) rows.
        db.DossierStatQueue.Add(new DossierStatQueueItem { Id = Guid.CreateVersion7(), DossierId = Guid.NewGuid(), EnqueuedAt = GeneratedAt });
        await db.SaveChangesAsync(ct);
        await DossierStatistics.ApplyAllQueuedAsync(db, ct);
        Assert.Equal(2, await DossierStatistics.VersionAsync(db, ct));
    }
}
