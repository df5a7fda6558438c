using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Keeps the work list's counters (<see cref="ListDossiers.Counts"/>) of a set of units for a short while, so
/// that each view of a busy unit's list does not count its open dossiers again (issue 8: 20–30 ms per view at 1 M
/// dossiers). A kept answer is dropped as soon as a save on this node adds, changes or removes a dossier received or
/// decided by one of those units (every unit has a change number, raised after the save), and in any case after
/// <see cref="MaxAge"/>: due-soon and overdue also change with time alone, and a save on another node is not seen.</summary>
/// <remarks>The counters are computed only after the caller's scope is authorised, and the key is the scope, so an
/// answer is never shared with someone who could not have read it. A save inside an explicit transaction raises the
/// numbers before its commit; a view counted in between keeps the old counts for at most <see cref="MaxAge"/>.</remarks>
public sealed class WorkCountsCache(IMemoryCache cache, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The longest a kept answer is shown (a counter is a hint to look, not a figure that is reported).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, long> _changes = new();
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = [];

    /// <summary>The units' counters, from the kept answer when no dossier of theirs changed since and it is younger than
    /// <see cref="MaxAge"/>, else from <paramref name="count"/> (which is then kept).</summary>
    public async Task<ListDossiers.Counts> GetOrCountAsync(IReadOnlyCollection<Guid> units, Func<Task<ListDossiers.Counts>> count)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(count);
        var key = Key(units);
        var changes = ChangesOf(units);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out Kept? kept) && kept is not null && kept.Changes == changes
            && now >= kept.At && now - kept.At < MaxAge)
        {
            return kept.Counts;
        }

        var counts = await count();
        cache.Set(key, new Kept(counts, changes, now), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });
        return counts;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Raise(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Raise(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save may still have written part of its changes on a database without transactions around the batch;
    // raising is harmless (one more count), keeping a wrong answer is not.
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Raise(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Raise(eventData.Context);
        return Task.CompletedTask;
    }

    private static string Key(IReadOnlyCollection<Guid> units) =>
        "work-counts:" + string.Join(',', units.Order());

    private long ChangesOf(IReadOnlyCollection<Guid> units)
    {
        // The numbers only grow, so their sum changes whenever one of them does.
        long sum = 0;
        foreach (var unit in units)
        {
            sum += _changes.GetValueOrDefault(unit);
        }

        return sum;
    }

    // Only the dossier entries are detected (one by one), not the whole tracker: a full DetectChanges here would be paid
    // again by the save itself (see SessionRevocationInterceptor).
    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tracker = context.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            HashSet<Guid>? units = null;
            foreach (var entry in tracker.Entries())
            {
                if (entry.Entity is not Dossier)
                {
                    continue;
                }

                if (autoDetect)
                {
                    entry.DetectChanges();
                }

                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    units ??= _pending.GetOrCreateValue(context);
                    foreach (var name in (string[])[nameof(Dossier.ReceivingUnitId), nameof(Dossier.CompetentUnitId)])
                    {
                        var property = entry.Property(name);
                        AddUnit(units, property.CurrentValue);
                        AddUnit(units, property.OriginalValue);
                    }
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static void AddUnit(HashSet<Guid> units, object? value)
    {
        if (value is Guid unit)
        {
            units.Add(unit);
        }
    }

    private void Raise(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var units))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var unit in units)
        {
            _changes.AddOrUpdate(unit, 1, (_, n) => n + 1);
        }
    }

    private sealed record Kept(ListDossiers.Counts Counts, long Changes, DateTimeOffset At);
}
