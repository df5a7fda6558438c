using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Persistence.Dossiers;

namespace MotCua.Persistence.Statistics;

/// <summary>Keeps <see cref="DossierDayStat"/> equal to the sum of every dossier's
/// <see cref="Dossier.DailyContributions"/> (issue 10 §5): each change queues its dossier in the same SaveChanges
/// (<see cref="EnqueueChanged"/>); <see cref="ApplyQueuedAsync"/> (a job every few seconds) recomputes the queued
/// dossiers' contributions and adds the difference from their last <see cref="DossierStatSnapshot"/>;
/// <see cref="RebuildAsync"/> recomputes everything from the history. Both paths use the same function, so a rebuild
/// after any workload gives the rows the increments gave (tested on both databases).</summary>
public static class DossierStatistics
{
    /// <summary>Queues every dossier with a history entry added, or a document added, changed or removed, in this unit of
    /// work.</summary>
    public static void EnqueueChanged(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        List<Guid>? dossiers = null;
        foreach (var entry in db.ChangeTracker.Entries<DossierHistoryEntry>())
        {
            if (entry.State == EntityState.Added)
            {
                (dossiers ??= []).Add(entry.Entity.DossierId);
            }
        }

        // A document added, re-flagged or removed changes the digitisation measures (766 group 5).
        foreach (var entry in db.ChangeTracker.Entries<DossierDocument>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                (dossiers ??= []).Add(entry.Entity.DossierId);
            }
        }

        if (dossiers is null)
        {
            return;
        }

        // Only orders the queue; no rule reads it, so the system clock is fine here (no TimeProvider in the context).
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        foreach (var id in dossiers.Distinct())
        {
            db.DossierStatQueue.Add(new DossierStatQueueItem { Id = Guid.CreateVersion7(), DossierId = id, EnqueuedAt = now });
        }
    }

    /// <summary>Brings up to date the dossiers queued first, up to <paramref name="batchSize"/> queue items, in one
    /// transaction; returns how many queue items it consumed (0 when the queue is empty).</summary>
    public static async Task<int> ApplyQueuedAsync(AppDbContext db, int batchSize = 500, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        var items = await db.DossierStatQueue.AsNoTracking().OrderBy(q => q.EnqueuedAt).ThenBy(q => q.Id).Take(batchSize).ToListAsync(ct);
        if (items.Count == 0)
        {
            return 0;
        }

        var ids = items.Select(i => i.DossierId).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.History).AsSplitQuery().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        var documents = await DocumentFactsAsync(db, ids, ct);
        var snapshots = await db.DossierStatSnapshots.Where(s => ids.Contains(s.DossierId)).ToDictionaryAsync(s => s.DossierId, ct);
        var changes = new Dictionary<StatKey, DossierDayStat>();
        foreach (var dossier in dossiers)
        {
            var facts = documents.GetValueOrDefault(dossier.Id);
            var now = Snapshot(dossier, facts);
            if (snapshots.TryGetValue(dossier.Id, out var before))
            {
                // Queued again with nothing new (a document's change queues without a new version): nothing to move.
                if (before.AppliedVersion >= dossier.Version && before.Contributions == now.Contributions && KeyOf(before) == KeyOf(now))
                {
                    continue;
                }

                Accumulate(changes, KeyOf(before), Parse(before.Contributions), -1);
                before.UnitId = now.UnitId;
                before.ProcedureId = now.ProcedureId;
                before.Channel = now.Channel;
                before.ReceivingUnitId = now.ReceivingUnitId;
                before.AppliedVersion = now.AppliedVersion;
                before.Contributions = now.Contributions;
            }
            else
            {
                db.DossierStatSnapshots.Add(now);
            }

            Accumulate(changes, KeyOf(now), dossier.DailyContributions(facts), +1);
        }

        await AddToRowsAsync(db, changes.Values.Where(c => !c.IsEmpty).ToList(), ct);
        var consumed = items.Select(i => i.Id).ToList();
        await db.DossierStatQueue.Where(q => consumed.Contains(q.Id)).ExecuteDeleteAsync(ct);
        await RaiseVersionAsync(db, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return items.Count;
    }

    /// <summary>Drains the queue (tests, and the CLI after a bulk load).</summary>
    public static async Task ApplyAllQueuedAsync(AppDbContext db, CancellationToken ct = default)
    {
        while (await ApplyQueuedAsync(db, ct: ct) > 0)
        {
        }
    }

    /// <summary>Recomputes every row from the dossiers' histories, in pages of <paramref name="pageSize"/> dossiers, and
    /// replaces the rows, the snapshots and the queue in one transaction; returns the number of dossiers counted.</summary>
    public static async Task<int> RebuildAsync(AppDbContext db, int pageSize = 2000, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.DossierStatQueue.ExecuteDeleteAsync(ct);
        await db.DossierStatSnapshots.ExecuteDeleteAsync(ct);
        await db.DossierDayStats.ExecuteDeleteAsync(ct);
        await RaiseVersionAsync(db, ct);
        var totals = new Dictionary<StatKey, DossierDayStat>();
        var ids = await db.Dossiers.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(pageSize))
        {
            var page = await db.Dossiers.AsNoTracking().Include(d => d.History).AsSplitQuery().Where(d => chunk.Contains(d.Id)).ToListAsync(ct);
            var documents = await DocumentFactsAsync(db, chunk, ct);
            foreach (var dossier in page)
            {
                var facts = documents.GetValueOrDefault(dossier.Id);
                var snapshot = Snapshot(dossier, facts);
                Accumulate(totals, KeyOf(snapshot), dossier.DailyContributions(facts), +1);
                db.DossierStatSnapshots.Add(snapshot);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        db.DossierDayStats.AddRange(totals.Values.Where(t => !t.IsEmpty));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(ct);
        return ids.Count;
    }

    /// <summary>The statistics version the context's transaction sees (0 on a database without the row).</summary>
    public static async Task<long> VersionAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.StatisticsVersions.AsNoTracking().Where(v => v.Id == StatisticsVersion.SingletonId).Select(v => v.Version)
            .FirstOrDefaultAsync(ct);
    }

    // In the transaction that changes the rows: a reader in another transaction sees the new version with the new rows, or
    // neither. On PostgreSQL the row lock also orders concurrent appliers' versions.
    private static Task<int> RaiseVersionAsync(AppDbContext db, CancellationToken ct) =>
        db.StatisticsVersions.Where(v => v.Id == StatisticsVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);

    private readonly record struct StatKey(Guid UnitId, StatGrain Grain, DateOnly Day, Guid ProcedureId, DossierChannel Channel, Guid ReceivingUnitId)
    {
        public static StatKey Of(DossierDayStat row) => new(row.UnitId, row.Grain, row.Day, row.ProcedureId, row.Channel, row.ReceivingUnitId);

        public DossierDayStat NewRow() => new()
        {
            UnitId = UnitId,
            Grain = Grain,
            Day = Day,
            ProcedureId = ProcedureId,
            Channel = Channel,
            ReceivingUnitId = ReceivingUnitId,
        };
    }

    /// <summary>Whose counts a dossier's contributions are: (competent unit, procedure, channel, receiving unit).</summary>
    private readonly record struct DossierKey(Guid UnitId, Guid ProcedureId, DossierChannel Channel, Guid ReceivingUnitId);

    private static DossierKey KeyOf(DossierStatSnapshot snapshot) => new(snapshot.UnitId, snapshot.ProcedureId, snapshot.Channel, snapshot.ReceivingUnitId);

    // Each delta goes to its day row and to its month's row, by competent unit and by receiving unit, so the month rows are
    // always the sums of their days and the two views the same sums.
    private static void Accumulate(Dictionary<StatKey, DossierDayStat> into, DossierKey of, IEnumerable<DossierDayDelta> deltas, int sign)
    {
        foreach (var delta in deltas)
        {
            var month = new DateOnly(delta.Day.Year, delta.Day.Month, 1);
            foreach (var (grain, day) in new[] { (StatGrain.Day, delta.Day), (StatGrain.Month, month), (StatGrain.DeskDay, delta.Day), (StatGrain.DeskMonth, month) })
            {
                var byDesk = grain is StatGrain.DeskDay or StatGrain.DeskMonth;
                var key = new StatKey(
                    byDesk ? Guid.Empty : of.UnitId, grain, day, of.ProcedureId, of.Channel, byDesk ? of.ReceivingUnitId : Guid.Empty);
                if (!into.TryGetValue(key, out var row))
                {
                    row = key.NewRow();
                    into[key] = row;
                }

                row.Add(delta.Measure, sign * delta.Delta);
            }
        }
    }

    // Adds each change to its row (creating it), in this transaction; rows that fall to all zeros are removed. The
    // touched rows are read in one query (units × desks × days, narrowed in memory), not one per unit.
    private static async Task AddToRowsAsync(AppDbContext db, List<DossierDayStat> changes, CancellationToken ct)
    {
        var units = changes.Select(c => c.UnitId).Distinct().ToList();
        var desks = changes.Select(c => c.ReceivingUnitId).Distinct().ToList();
        var days = changes.Select(c => c.Day).Distinct().ToList();
        var byKey = (await db.DossierDayStats.Where(s => units.Contains(s.UnitId) && desks.Contains(s.ReceivingUnitId) && days.Contains(s.Day))
                .ToListAsync(ct))
            .ToDictionary(StatKey.Of);
        foreach (var change in changes)
        {
            var key = StatKey.Of(change);
            if (!byKey.TryGetValue(key, out var row))
            {
                row = key.NewRow();
                db.DossierDayStats.Add(row);
                byKey[key] = row;
            }

            row.AddAll(change);
            if (row.IsEmpty)
            {
                db.Entry(row).State = db.Entry(row).State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
            }
        }
    }

    private static DossierStatSnapshot Snapshot(Dossier dossier, DossierDocumentFacts documents) => new()
    {
        DossierId = dossier.Id,
        UnitId = dossier.CompetentUnitId,
        ProcedureId = dossier.ProcedureId,
        Channel = dossier.Channel,
        ReceivingUnitId = dossier.ReceivingUnitId,
        AppliedVersion = dossier.Version,
        Contributions = Format(dossier.DailyContributions(documents)),
    };

    // The 766 group 5 facts of the dossiers' documents, one row per dossier with any document.
    private static async Task<Dictionary<Guid, DossierDocumentFacts>> DocumentFactsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await db.DossierDocuments.AsNoTracking().Where(d => ids.Contains(d.DossierId))
            .GroupBy(d => d.DossierId)
            .Select(g => new
            {
                g.Key,
                Digitised = g.Max(d => d.Digitised ? 1 : 0),
                Reused = g.Max(d => d.ReusedFromDigitisedData ? 1 : 0),
                Electronic = g.Max(d => d.IsElectronicResult ? 1 : 0),
            })
            .ToListAsync(ct))
        .ToDictionary(f => f.Key, f => new DossierDocumentFacts(f.Digitised == 1, f.Reused == 1, f.Electronic == 1));

    internal static string Format(IEnumerable<DossierDayDelta> deltas)
    {
        var text = new StringBuilder();
        foreach (var d in deltas)
        {
            text.Append(CultureInfo.InvariantCulture, $"{d.Day:yyyyMMdd}:{(int)d.Measure}:{d.Delta};");
        }

        return text.ToString();
    }

    internal static List<DossierDayDelta> Parse(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var fields = part.Split(':');
            return new DossierDayDelta(
                DateOnly.ParseExact(fields[0], "yyyyMMdd", CultureInfo.InvariantCulture),
                (DossierDayMeasure)int.Parse(fields[1], CultureInfo.InvariantCulture),
                int.Parse(fields[2], CultureInfo.InvariantCulture));
        })];
}
