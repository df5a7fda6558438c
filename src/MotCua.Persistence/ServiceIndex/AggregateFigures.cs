using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence.Statistics;

namespace MotCua.Persistence.ServiceIndex;

/// <summary>The 766 figures computed from the kept dossier statistics (<see cref="DossierDayStat"/>), never from raw
/// dossiers: two prefixes per call (the day before the period and its last day), whatever the number of dossiers or of
/// units asked for, so a province-year scorecard and a ranking of its units read counts only.</summary>
public static class AggregateFigures
{
    /// <summary>2.1 and 3.4 for each unit of <paramref name="subtrees"/> (a unit → the units its figures include:
    /// domain.md §8.3, a province with its child units, a commune alone).</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, IndicatorFigure>>> ForAsync(
        AppDbContext db, IReadOnlyDictionary<Guid, HashSet<Guid>> subtrees, ScorecardPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subtrees);
        ArgumentNullException.ThrowIfNull(period);
        var all = subtrees.Values.SelectMany(s => s).ToHashSet();
        // One unit (a scorecard): the database sums its subtree, one row per (procedure, channel) back; several (a
        // ranking): per unit, split among them below.
        var perUnit = subtrees.Count > 1;
        var before = await StatisticsReader.PrefixAsync(db, all, period.First.AddDays(-1), ct, perUnit);
        var until = await StatisticsReader.PrefixAsync(db, all, period.Last, ct, perUnit);
        var keys = before.Keys.Union(until.Keys).ToList();
        var procedureIds = keys.Select(k => k.ProcedureId).Distinct().ToList();
        // Enums are stored as names: compare by value.
        var fullOnline = (await db.Procedures.AsNoTracking()
            .Where(p => procedureIds.Contains(p.Id) && p.OnlineLevel == OnlineLevel.Full).Select(p => p.Id).ToListAsync(ct)).ToHashSet();

        var result = new Dictionary<Guid, Dictionary<string, IndicatorFigure>>();
        foreach (var (unit, members) in subtrees)
        {
            var parts = keys.Where(k => !perUnit || members.Contains(k.UnitId))
                .Select(k => (Key: k, Before: before.GetValueOrDefault(k), Until: until.GetValueOrDefault(k))).ToList();
            result[unit] = new Dictionary<string, IndicatorFigure>(StringComparer.Ordinal)
            {
                ["2.1"] = Progress(parts.Select(p => (p.Before, p.Until))),
                ["3.4"] = FullOnline(parts.Where(p => fullOnline.Contains(p.Key.ProcedureId)).Select(p => (p.Key.Channel, p.Before, p.Until))),
                ["4.1"] = Flow("4.1", parts, c => c.EndedWithElectronicResult, c => c.EndedWithResult),
                ["4.2"] = Flow("4.2", parts, c => c.ReceivedDigitised, c => c.Received),
                ["4.3"] = Flow("4.3", parts, c => c.ReceivedReusingData, c => c.Received),
            };
        }

        return result;
    }

    /// <summary>766 indicator 2.1 (domain.md §8.2, rules of §3.4) from prefixes summed up to the day before the period
    /// (<c>Before</c>) and up to its last day (<c>Until</c>).</summary>
    /// <remarks>
    /// Denominator, "dossiers received or processed in the period": those received by the period's end less those whose
    /// processing ended before it began, i.e. carried over + received in the period (Until.Received − Before.Ended).
    /// Every ended dossier counts, with or without a result: §3.4 makes withdrawal, refusal and stop terminal statuses
    /// like a result. Late, in two parts:
    /// (1) processing ended in the period and late by DVCQG's test (<see cref="DossierDayMeasure.EndedLateForDvcqg"/>:
    /// the end, i.e. the highest-priority terminal status of §3.4, after the current appointment <c>NgayHenTra</c>, early
    /// and on time merged; or more than one supplement request under the pause policy, "requesting supplementation more
    /// than once makes the dossier count as late"; the applicant's supplement time is already subtracted, because a
    /// pause moves the appointment by it);
    /// (2) still open at the period's end and late with the period's end as end time, or, while it waits for the
    /// applicant's supplement, the time of the request (<see cref="DossierDayMeasure.OverdueForDvcqg"/>, §3.4 "unfinished
    /// dossiers use the end of the reporting period" and "the end time is the time of the request").
    /// Numerator = denominator − late: finished on time or still within the appointment.
    /// </remarks>
    public static IndicatorFigure Progress(IEnumerable<(DossierCounts Before, DossierCounts Until)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        long counted = 0, late = 0;
        foreach (var (before, until) in parts)
        {
            counted += until.Received - before.Ended;
            late += (until.EndedLateForDvcqg - before.EndedLateForDvcqg) + until.OverdueForDvcqg;
        }

        return new IndicatorFigure("2.1", counted - late, counted);
    }

    /// <summary>A ratio of two of the period's flows (Until − Before), from the dossiers' documents (766 group 5,
    /// domain.md §8.2): 4.1 ended with a result and an electronic result file / ended with a result; 4.2 received with a
    /// digitised component and an electronic result / received; 4.3 received with a component taken from data already
    /// digitised / received. The portal narrows 4.1 to procedures requiring a paper result and 4.3 to procedures whose
    /// published components can be cut or replaced; the catalogue does not hold those flags, so every procedure counts.</summary>
    public static IndicatorFigure Flow(
        string indicator, IEnumerable<(StatisticsReader.GroupKey Key, DossierCounts Before, DossierCounts Until)> parts,
        Func<DossierCounts, int> numerator, Func<DossierCounts, int> denominator)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        long top = 0, bottom = 0;
        foreach (var (_, before, until) in parts)
        {
            top += numerator(until) - numerator(before);
            bottom += denominator(until) - denominator(before);
        }

        return new IndicatorFigure(indicator, top, bottom);
    }

    /// <summary>3.4 (the full-online row of group 3, domain.md §8.2): dossiers received online in the period / dossiers
    /// received in the period, both of procedure versions whose catalogue entry says full-online
    /// (<see cref="OnlineLevel.Full"/>). The portal's conversion of this row is not known; the set marks it unverified.</summary>
    public static IndicatorFigure FullOnline(IEnumerable<(DossierChannel Channel, DossierCounts Before, DossierCounts Until)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        long online = 0, received = 0;
        foreach (var (channel, before, until) in parts)
        {
            var flow = until.Received - before.Received;
            received += flow;
            online += channel == DossierChannel.Online ? flow : 0;
        }

        return new IndicatorFigure("3.4", online, received);
    }
}
