using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Persistence.Holidays;

namespace MotCua.Web.Calendar;

/// <summary>
/// The web app's working calendar: built once from the stored holiday schedules (built-ins fill the years the
/// database lacks) and rebuilt when an administrator imports a schedule.
/// </summary>
/// <remarks>
/// Several web nodes share one database, so change detection is a cheap stamp query (the ids of the stored
/// schedules, new on every import), run at most once per <see cref="RefreshInterval"/>: every node converges within that interval
/// without any node-to-node messaging. Desk calculators (sessions and same-day cut-off) and each unit's desk rows are
/// cached for the same interval, so a desk edited on another node is seen within it.
/// </remarks>
public sealed class CalendarService(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<Guid, (OneStopDesk[] Desks, DateTimeOffset LoadedAt)> _desksByUnit = new();
    private CalendarSnapshot? _current;
    private DateTimeOffset _checkedAt;

    /// <summary>How often the database stamp is checked (default 30 s).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The current snapshot, rebuilt if the stored schedules changed since the last check.</summary>
    public async ValueTask<CalendarSnapshot> GetAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow() - _checkedAt < RefreshInterval)
        {
            return current;
        }

        await _gate.WaitAsync(ct);
        try
        {
            current = _current;
            var now = clock.GetUtcNow();
            if (current is not null && now - _checkedAt < RefreshInterval)
            {
                return current;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stamp = await ReadStampAsync(db, ct);
            if (current is null || current.Stamp != stamp)
            {
                current = Build(await HolidayScheduleStore.LoadAsync(db, ct), stamp);
                _current = current;
            }

            _checkedAt = now;
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets the last check, so the next <see cref="GetAsync"/> reads the stamp (after an import on this node).</summary>
    public void Invalidate()
    {
        _checkedAt = DateTimeOffset.MinValue;
        _desksByUnit.Clear();
    }

    /// <summary>The deadline calculator of the unit's one-stop desk (its sessions and cut-off), or the default
    /// schedule when the unit has no desk.</summary>
    /// <returns>The calculator, the calendar version and the desk id.</returns>
    public async Task<(DeadlineCalculator Calculator, string CalendarVersion, Guid? DeskId)> ForUnitAsync(
        AppDbContext db, Guid unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var snapshot = await GetAsync(ct);
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow();
        // The rows are shared between requests read-only; validity is still judged on today's date below.
        if (!_desksByUnit.TryGetValue(unitId, out var loaded) || now - loaded.LoadedAt >= RefreshInterval || now < loaded.LoadedAt)
        {
            loaded = ([.. await db.OneStopDesks.AsNoTracking().Where(d => d.UnitId == unitId).OrderBy(d => d.ValidFrom).ToListAsync(ct)], now);
            _desksByUnit[unitId] = loaded;
        }

        var desks = loaded.Desks;
        var desk = desks.LastOrDefault(d => d.IsValidOn(today)) ?? desks.LastOrDefault();
        if (desk is null)
        {
            return (DefaultCalculator(snapshot), snapshot.Version, null);
        }

        if (snapshot.Desks.TryGetValue(desk.Id, out var cached) && now - cached.LoadedAt < RefreshInterval)
        {
            return (cached.Calculator, snapshot.Version, desk.Id);
        }

        var calculator = ForDesk(snapshot, desk);
        snapshot.Desks[desk.Id] = (calculator, now);
        return (calculator, snapshot.Version, desk.Id);
    }

    /// <summary>Builds the snapshot for the given stored schedules (public for tests and the CLI).</summary>
    public static CalendarSnapshot Build(IReadOnlyList<HolidaySchedule> stored, string stamp)
    {
        var calendar = EffectiveCalendar.Build(stored);
        return new CalendarSnapshot(calendar.Version, stamp, calendar.Holidays, calendar.Working);
    }

    /// <summary>SHA-256 (hex) of the effective schedules; see <see cref="EffectiveCalendar.VersionOf"/>.</summary>
    public static string VersionOf(IEnumerable<HolidaySchedule> effective) => EffectiveCalendar.VersionOf(effective);

    /// <summary>The calculator of a unit without a desk: the snapshot's calendar with the statutory working hours.</summary>
    public static DeadlineCalculator DefaultCalculator(CalendarSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Desks.GetOrAdd(Guid.Empty, _ => (new DeadlineCalculator(snapshot.Working, WorkSchedule.Default), DateTimeOffset.MaxValue)).Calculator;
    }


    private static DeadlineCalculator ForDesk(CalendarSnapshot snapshot, OneStopDesk desk)
    {
        var byDay = desk.WorkSessions
            .GroupBy(s => s.DayOfWeek)
            .Where(g => g.Key is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<WorkSession>)[.. g.OrderBy(s => s.Start).Select(s => new WorkSession(s.Start, s.End))]);
        var schedule = byDay.Count == 5 ? WorkSchedule.Create(byDay, sameDayCutoff: desk.SameDayCutoff) : WorkSchedule.Uniform(WorkSchedule.DefaultSessions, desk.SameDayCutoff);
        // A desk whose stored sessions do not form a valid week falls back to the statutory default hours.
        return new DeadlineCalculator(snapshot.Working, schedule.IsSuccess ? schedule.Value : WorkSchedule.Default);
    }

    // Every import replaces a year's row with a new id, so the ordered ids identify the stored state even when two
    // imports share an instant; a few hundred ids every interval is still cheap.
    private static async Task<string> ReadStampAsync(AppDbContext db, CancellationToken ct)
    {
        var ids = await db.HolidaySchedules.OrderBy(s => s.Year).Select(s => s.Id).ToListAsync(ct);
        return string.Join(",", ids.Select(id => id.ToString("N")));
    }
}
