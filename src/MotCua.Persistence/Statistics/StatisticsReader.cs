using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;

namespace MotCua.Persistence.Statistics;

/// <summary>Which parts of a <see cref="StatisticsReader.GroupKey"/> a read keeps apart; the others are summed over (their
/// part of the key is then <see cref="Guid.Empty"/>). The channel is always kept.</summary>
[Flags]
public enum StatGroups
{
    /// <summary>One group per channel over all the units and procedures asked for.</summary>
    None = 0,

    Unit = 1,

    Procedure = 2,
}

/// <summary>Which unit a read selects and keeps apart by: the competent unit (every report by unit; the rows of grain
/// <see cref="StatGrain.Day"/> and <see cref="StatGrain.Month"/>) or the receiving unit (the service-centre Biểu 06;
/// <see cref="StatGrain.DeskDay"/> and <see cref="StatGrain.DeskMonth"/>).</summary>
public enum StatUnit
{
    Competent = 0,

    Receiving = 1,
}

/// <summary>Reads <see cref="DossierDayStat"/> as prefixes: the sums from the beginning up to a day's end, per (unit,
/// procedure, channel). Whole months come from the month rows, the days of a partial month from the day rows, so a
/// prefix reads about (months so far + days this month) rows per group, never the dossiers.</summary>
public static class StatisticsReader
{
    /// <summary>The key of one group of counts; <see cref="UnitId"/> is the unit the read was by (<see cref="StatUnit"/>).</summary>
    public readonly record struct GroupKey(Guid UnitId, Guid ProcedureId, DossierChannel Channel);

    /// <summary>The counts of <paramref name="units"/> summed up to the end of <paramref name="day"/>.</summary>
    /// <remarks>With <paramref name="perUnit"/> <see langword="false"/> the units are summed (every key's
    /// <see cref="GroupKey.UnitId"/> is then <see cref="Guid.Empty"/>): what a report over a subtree needs, and one row per
    /// (procedure, channel) back from the database instead of one per unit as well (a province-year Biểu 06 at 1 M
    /// dossiers gets about 160 rows instead of tens of thousands).</remarks>
    public static Task<Dictionary<GroupKey, DossierCounts>> PrefixAsync(
        AppDbContext db, IReadOnlyCollection<Guid> units, DateOnly day, CancellationToken ct, bool perUnit = true) =>
        PrefixAsync(db, units, day, perUnit ? StatGroups.Unit | StatGroups.Procedure : StatGroups.Procedure, ct);

    /// <summary>The counts of <paramref name="units"/> summed up to the end of <paramref name="day"/>, kept apart only by
    /// <paramref name="groups"/> and the channel (a dashboard's breakdown by unit needs no procedure, so the database
    /// returns one row per unit and channel).</summary>
    public static Task<Dictionary<GroupKey, DossierCounts>> PrefixAsync(
        AppDbContext db, IReadOnlyCollection<Guid> units, DateOnly day, StatGroups groups, CancellationToken ct) =>
        PrefixAsync(db, units, day, groups, StatUnit.Competent, ct);

    /// <summary>As <see cref="PrefixAsync(AppDbContext, IReadOnlyCollection{Guid}, DateOnly, StatGroups, CancellationToken)"/>,
    /// but of the dossiers whose <paramref name="by"/> unit is one of <paramref name="units"/>, kept apart by that unit when
    /// <paramref name="groups"/> has <see cref="StatGroups.Unit"/>.</summary>
    public static async Task<Dictionary<GroupKey, DossierCounts>> PrefixAsync(
        AppDbContext db, IReadOnlyCollection<Guid> units, DateOnly day, StatGroups groups, StatUnit by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var month = new DateOnly(day.Year, day.Month, 1);
        var monthEnds = day == month.AddMonths(1).AddDays(-1);
        var lastWholeMonth = monthEnds ? month : month.AddMonths(-1);
        var rows = Rows(db, units, by);
        var (monthGrain, dayGrain) = by == StatUnit.Receiving ? (StatGrain.DeskMonth, StatGrain.DeskDay) : (StatGrain.Month, StatGrain.Day);
        var wholeMonths = rows.Where(s => s.Grain == monthGrain && s.Day <= lastWholeMonth);
        var partialDays = rows.Where(s => s.Grain == dayGrain && s.Day >= month && s.Day <= day && !monthEnds);
        var result = new Dictionary<GroupKey, DossierCounts>();
        foreach (var source in new[] { wholeMonths, partialDays })
        {
            foreach (var (_, key, counts) in await SumAsync(source, groups, by, byDay: false, ct))
            {
                result[key] = result.TryGetValue(key, out var sum) ? sum + counts : counts;
            }
        }

        return result;
    }

    /// <summary>The flows of <paramref name="units"/> from the start of <paramref name="first"/> to the end of
    /// <paramref name="last"/>, summed over units, procedures and channels: the months wholly inside
    /// from the month rows, the other days from the day rows, so a year reads its twelve months' rows and nothing before
    /// it. Only <see cref="DossierCounts.Received"/> and the Ended measures are flows; the Overdue measures are running
    /// deltas (a month row holds those a still-open dossier reaches later in the month): read them with
    /// <see cref="PrefixAsync(AppDbContext, IReadOnlyCollection{Guid}, DateOnly, StatGroups, CancellationToken)"/>.</summary>
    public static async Task<DossierCounts> FlowAsync(
        AppDbContext db, IReadOnlyCollection<Guid> units, DateOnly first, DateOnly last, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var firstWhole = first.Day == 1 ? first : new DateOnly(first.Year, first.Month, 1).AddMonths(1);
        var afterLast = last.AddDays(1);
        var lastWhole = new DateOnly(afterLast.Year, afterLast.Month, 1).AddMonths(-1);
        var rows = Rows(db, units, StatUnit.Competent);
        var sources = new List<IQueryable<DossierDayStat>>();
        if (firstWhole <= lastWhole)
        {
            var wholeEnd = lastWhole.AddMonths(1).AddDays(-1);
            sources.Add(rows.Where(s => s.Grain == StatGrain.Month && s.Day >= firstWhole && s.Day <= lastWhole));
            if (first < firstWhole || last > wholeEnd)
            {
                sources.Add(rows.Where(s => s.Grain == StatGrain.Day && s.Day >= first && s.Day <= last && (s.Day < firstWhole || s.Day > wholeEnd)));
            }
        }
        else
        {
            sources.Add(rows.Where(s => s.Grain == StatGrain.Day && s.Day >= first && s.Day <= last));
        }

        var total = default(DossierCounts);
        foreach (var source in sources)
        {
            foreach (var (_, _, counts) in await SumAsync(source, StatGroups.None, StatUnit.Competent, byDay: false, ct))
            {
                total += counts;
            }
        }

        return total;
    }

    /// <summary>The flows of each calendar month from <paramref name="firstMonth"/> through <paramref name="lastMonth"/>
    /// (first days of months), read from the month rows, kept apart by <paramref name="groups"/> and the channel. Only for
    /// months that have ended: a month row also holds the overdue deltas a still-open dossier will reach later in the
    /// month (the sums are a function of the history, not of "now"), which a prefix to today must not count.</summary>
    public static async Task<Dictionary<(DateOnly Month, GroupKey Key), DossierCounts>> MonthsAsync(
        AppDbContext db, IReadOnlyCollection<Guid> units, DateOnly firstMonth, DateOnly lastMonth, StatGroups groups, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = Rows(db, units, StatUnit.Competent)
            .Where(s => s.Grain == StatGrain.Month && s.Day >= firstMonth && s.Day <= lastMonth);
        return (await SumAsync(rows, groups, StatUnit.Competent, byDay: true, ct)).ToDictionary(s => (s.Day!.Value, s.Key), s => s.Counts);
    }

    // The rows of the units' dossiers, by competent or receiving unit (each has its index range); the caller picks the
    // grains of that view (Day and Month, or DeskDay and DeskMonth).
    private static IQueryable<DossierDayStat> Rows(AppDbContext db, IReadOnlyCollection<Guid> units, StatUnit by) => by == StatUnit.Receiving
        ? db.DossierDayStats.AsNoTracking().Where(s => units.Contains(s.ReceivingUnitId))
        : db.DossierDayStats.AsNoTracking().Where(s => units.Contains(s.UnitId));

    // Every part of the key a read does not keep apart is summed over; the unit kept apart is the one the read is by.
    private static async Task<List<(DateOnly? Day, GroupKey Key, DossierCounts Counts)>> SumAsync(
        IQueryable<DossierDayStat> rows, StatGroups groups, StatUnit by, bool byDay, CancellationToken ct)
    {
        var byUnit = groups.HasFlag(StatGroups.Unit);
        var byReceiving = by == StatUnit.Receiving;
        var byProcedure = groups.HasFlag(StatGroups.Procedure);
        var sums = await rows
            // NULL rather than Guid.Empty when summing: Npgsql would send the constant as text, not uuid.
            .GroupBy(s => new
            {
                UnitId = byUnit ? (Guid?)(byReceiving ? s.ReceivingUnitId : s.UnitId) : null,
                ProcedureId = byProcedure ? (Guid?)s.ProcedureId : null,
                s.Channel,
                Day = byDay ? (DateOnly?)s.Day : null,
            })
            .Select(g => new
            {
                g.Key.UnitId,
                g.Key.ProcedureId,
                g.Key.Channel,
                g.Key.Day,
                Received = g.Sum(s => s.Received),
                EndedEarly = g.Sum(s => s.EndedEarly),
                EndedOnTime = g.Sum(s => s.EndedOnTime),
                EndedLate = g.Sum(s => s.EndedLate),
                EndedUnclassified = g.Sum(s => s.EndedUnclassified),
                EndedWithoutResult = g.Sum(s => s.EndedWithoutResult),
                EndedLateForDvcqg = g.Sum(s => s.EndedLateForDvcqg),
                Overdue = g.Sum(s => s.Overdue),
                OverdueForDvcqg = g.Sum(s => s.OverdueForDvcqg),
                ReceivedDigitised = g.Sum(s => s.ReceivedDigitised),
                ReceivedReusingData = g.Sum(s => s.ReceivedReusingData),
                EndedWithElectronicResult = g.Sum(s => s.EndedWithElectronicResult),
            })
            .ToListAsync(ct);
        return [.. sums.Select(s => (s.Day, new GroupKey(s.UnitId ?? Guid.Empty, s.ProcedureId ?? Guid.Empty, s.Channel),
            new DossierCounts(s.Received, s.EndedEarly, s.EndedOnTime, s.EndedLate, s.EndedUnclassified, s.EndedWithoutResult, s.EndedLateForDvcqg, s.Overdue,
                s.OverdueForDvcqg, s.ReceivedDigitised, s.ReceivedReusingData, s.EndedWithElectronicResult)))];
    }
}
