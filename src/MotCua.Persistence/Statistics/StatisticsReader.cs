using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;

namespace MotCua.Persistence.Statistics;

/// <summary>Reads <see cref="DossierDayStat"/> as prefixes: the sums from the beginning up to a day's end, per (unit,
/// procedure, channel). Whole months come from the month rows, the days of a partial month from the day rows, so a
/// prefix reads about (months so far + days this month) rows per group, never the dossiers.</summary>
public static class StatisticsReader
{
    /// <summary>The key of one group of counts.</summary>
    public readonly record struct GroupKey(Guid UnitId, Guid ProcedureId, DossierChannel Channel);

    /// <summary>The counts of <paramref name="units"/> summed up to the end of <paramref name="day"/>.</summary>
    /// <remarks>With <paramref name="perUnit"/> <see langword="false"/> the units are summed (every key's
    /// <see cref="GroupKey.UnitId"/> is then <see cref="Guid.Empty"/>): what a report over a subtree needs, and one row per
    /// (procedure, channel) back from the database instead of one per unit as well (a province-year Biểu 06 at 1 M
    /// dossiers gets about 160 rows instead of tens of thousands).</remarks>
    public static async Task<Dictionary<GroupKey, DossierCounts>> PrefixAsync(
        AppDbContext db, IReadOnlyCollection<Guid> units, DateOnly day, CancellationToken ct, bool perUnit = true)
    {
        ArgumentNullException.ThrowIfNull(db);
        var month = new DateOnly(day.Year, day.Month, 1);
        var monthEnds = day == month.AddMonths(1).AddDays(-1);
        var lastWholeMonth = monthEnds ? month : month.AddMonths(-1);
        var rows = db.DossierDayStats.AsNoTracking().Where(s => units.Contains(s.UnitId));
        var wholeMonths = rows.Where(s => s.Grain == StatGrain.Month && s.Day <= lastWholeMonth);
        var partialDays = rows.Where(s => s.Grain == StatGrain.Day && s.Day >= month && s.Day <= day && !monthEnds);
        var result = new Dictionary<GroupKey, DossierCounts>();
        foreach (var source in new[] { wholeMonths, partialDays })
        {
            var sums = await source
                // NULL rather than Guid.Empty when summing: Npgsql would send the constant as text, not uuid.
                .GroupBy(s => new { UnitId = perUnit ? (Guid?)s.UnitId : null, s.ProcedureId, s.Channel })
                .Select(g => new
                {
                    g.Key.UnitId,
                    g.Key.ProcedureId,
                    g.Key.Channel,
                    Received = g.Sum(s => s.Received),
                    EndedEarly = g.Sum(s => s.EndedEarly),
                    EndedOnTime = g.Sum(s => s.EndedOnTime),
                    EndedLate = g.Sum(s => s.EndedLate),
                    EndedUnclassified = g.Sum(s => s.EndedUnclassified),
                    EndedWithoutResult = g.Sum(s => s.EndedWithoutResult),
                    EndedLateForDvcqg = g.Sum(s => s.EndedLateForDvcqg),
                    Overdue = g.Sum(s => s.Overdue),
                    OverdueForDvcqg = g.Sum(s => s.OverdueForDvcqg),
                })
                .ToListAsync(ct);
            foreach (var s in sums)
            {
                var key = new GroupKey(s.UnitId ?? Guid.Empty, s.ProcedureId, s.Channel);
                var counts = new DossierCounts(s.Received, s.EndedEarly, s.EndedOnTime, s.EndedLate, s.EndedUnclassified, s.EndedWithoutResult, s.EndedLateForDvcqg, s.Overdue,
                    s.OverdueForDvcqg);
                result[key] = result.TryGetValue(key, out var sum) ? sum + counts : counts;
            }
        }

        return result;
    }
}
