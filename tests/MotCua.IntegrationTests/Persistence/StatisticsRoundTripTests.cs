using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;

namespace MotCua.IntegrationTests.Persistence;

/// <summary>The statistics rows, snapshots and queue items round-trip on both databases, and the snapshot's version is a
/// concurrency token (a second applier of the same change fails instead of counting it twice).</summary>
public sealed class StatisticsRoundTripTests
{
    [Theory, AllDatabases]
    public async Task StatisticsEntities_RoundTrip_AndTheSnapshotVersionGuardsConcurrentAppliers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var (unit, procedure, dossier, desk) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var row = new DossierDayStat
        {
            UnitId = unit,
            Grain = StatGrain.Month,
            Day = new DateOnly(2026, 2, 1),
            ProcedureId = procedure,
            Channel = DossierChannel.Postal,
            ReceivingUnitId = desk,
            Received = 1,
            EndedEarly = 2,
            EndedOnTime = 3,
            EndedLate = 4,
            EndedUnclassified = 5,
            EndedWithoutResult = 6,
            EndedLateForDvcqg = 7,
            Overdue = -8,
            OverdueForDvcqg = 9,
            ReceivedDigitised = 10,
            ReceivedReusingData = 11,
            EndedWithElectronicResult = 12,
        };
        var snapshot = new DossierStatSnapshot
        {
            DossierId = dossier,
            UnitId = unit,
            ProcedureId = procedure,
            Channel = DossierChannel.Online,
            ReceivingUnitId = desk,
            AppliedVersion = 3,
            Contributions = "20260217:1:1;20260301:8:1;",
        };
        var queued = new DossierStatQueueItem { Id = Guid.CreateVersion7(), DossierId = dossier, EnqueuedAt = new DateTime(2026, 2, 17, 3, 0, 0, DateTimeKind.Utc) };
        await using (var db = database.CreateContext())
        {
            db.AddRange(row, snapshot, queued);
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            var read = await db.DossierDayStats.SingleAsync(ct);
            Assert.Equal(
                (unit, StatGrain.Month, new DateOnly(2026, 2, 1), procedure, DossierChannel.Postal, desk),
                (read.UnitId, read.Grain, read.Day, read.ProcedureId, read.Channel, read.ReceivingUnitId));
            Assert.Equal([1, 2, 3, 4, 5, 6, 7, -8, 9, 10, 11, 12], Enum.GetValues<DossierDayMeasure>().Select(read.Get));
            var readSnapshot = await db.DossierStatSnapshots.SingleAsync(ct);
            Assert.Equivalent(snapshot, readSnapshot);
            Assert.Equal(
                [new DossierDayDelta(new DateOnly(2026, 2, 17), DossierDayMeasure.Received, 1), new DossierDayDelta(new DateOnly(2026, 3, 1), DossierDayMeasure.Overdue, 1)],
                DossierStatistics.Parse(readSnapshot.Contributions));
            Assert.Equivalent(queued, await db.DossierStatQueue.SingleAsync(ct));

            await using var other = database.CreateContext();
            var stale = await other.DossierStatSnapshots.SingleAsync(ct);
            readSnapshot.AppliedVersion = 4;
            await db.SaveChangesAsync(ct);
            stale.AppliedVersion = 4;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => other.SaveChangesAsync(ct));
        }
    }
}
