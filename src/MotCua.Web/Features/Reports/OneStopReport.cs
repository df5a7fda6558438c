using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Reports;

/// <summary>The one-stop summary (tổng hợp một cửa; domain.md §12.1: TT 01/2018 Art. 11(1) item 2, "reception and
/// handling of TTHC under the one-stop mechanism"; the figures of §12.3): one line per unit of the subtree (its own
/// dossiers, by competent unit) in tree order and the total for the whole subtree — carried over, received and online,
/// online share, finished on time / late / returned or withdrawn, still open and overdue, and the on-time rate — read
/// from the kept statistics like Biểu 06.</summary>
/// <remarks>On time = before or on the appointment, or with no appointment to judge by (Biểu 06 col. 8 + 9 less the
/// returned); returned = refused after appraisal or withdrawn (§12.3 "Trả lại / rút"). Online share = online / received
/// (0 when nothing was received); on-time rate = 100 − (finished late + open overdue) / (carried over + received) × 100,
/// the Gia Lai definition of §12.3 (100 when there was nothing to handle). Units with nothing in the period are left
/// out. Not in the statistics, so not here: dossiers whose result was not collected, and paused ones.</remarks>
public sealed class OneStopReport(AppDbContext db) : IStandardReport
{
    public const string Code = "onestop";

    string IStandardReport.Code => Code;

    public int DefinitionVersion => 1;

    public int MaxDays => Form06Report.MaxDays;

    public string ResourcePrefix => "ReportOneStop_";

    public string FileName => "tong-hop-mot-cua";

    public IReadOnlyList<string> Columns { get; } =
        ["carriedOver", "received", "online", "onlineShare", "finished", "onTime", "late", "returned", "open", "overdue", "onTimeRate"];

    public IReadOnlyList<(string Key, int Span)> Groups { get; } = [("Group_Received", 4), ("Group_Finished", 4), ("Group_Open", 2), ("Group_Rates", 1)];

    public IReadOnlyList<string> Notes { get; } = ["Note_Units", "Note_Rates"];

    public bool IsPercent(int index) => index is 3 or 10;

    public async Task<Result<ReportTable>> ComputeAsync(ReportScope.Resolved resolved, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var (unitId, units, period) = resolved;
        var names = await db.OrganisationalUnits.AsNoTracking().Where(u => units.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        var before = await StatisticsReader.PrefixAsync(db, units, period.From.AddDays(-1), StatGroups.Unit, ct);
        var until = await StatisticsReader.PrefixAsync(db, units, period.To, StatGroups.Unit, ct);
        var parts = before.Keys.Union(until.Keys)
            .Select(k => (k.UnitId, k.Channel, Before: before.GetValueOrDefault(k), Until: until.GetValueOrDefault(k)))
            .ToLookup(p => p.UnitId);

        var counts = new List<int[]>();
        var rows = new List<ReportLine>();
        foreach (var (unit, _) in ReadableUnits.TreeOrder(names, u => u.Id, u => u.ParentId, u => u.Name))
        {
            var values = Counts(parts[unit.Id]);
            if (values.Any(v => v != 0))
            {
                counts.Add(values);
                rows.Add(Line("sector", null, unit.Name, values));
            }
        }

        var total = Enumerable.Range(0, 9).Select(i => counts.Sum(c => c[i])).ToArray();
        return new ReportTable(unitId, names.Single(u => u.Id == unitId).Name, units.Count, rows, Line("total", null, "Tổng cộng", total));
    }

    /// <summary>Col. 7 = 8 + 9 + 10; what there was to handle was finished or is open (3 + 4 = 7 + 11); online within
    /// received (5 ≤ 4); overdue within open (12 ≤ 11); the total is the sum of the units.</summary>
    public IReadOnlyList<string> Check(IReadOnlyList<ReportLine> rows, ReportLine total)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(total);
        var problems = new List<string>();
        foreach (var line in rows.Append(total))
        {
            var v = line.Values;
            void Need(bool holds, string what)
            {
                if (!holds)
                {
                    problems.Add($"{line.Label}: {what}");
                }
            }

            Need(v[4] == v[5] + v[6] + v[7], "cột 7 ≠ 8 + 9 + 10");
            Need(v[0] + v[1] == v[4] + v[8], "cột 3 + 4 ≠ 7 + 11");
            Need(v[2] <= v[1], "cột 5 > 4");
            Need(v[9] <= v[8], "cột 12 > 11");
        }

        foreach (var column in new[] { 0, 1, 2, 4, 5, 6, 7, 8, 9 })
        {
            if (rows.Sum(r => r.Values[column]) != total.Values[column])
            {
                problems.Add($"Tổng cộng: cột {column + 3} ≠ tổng các đơn vị");
            }
        }

        return problems;
    }

    // carried over, received, online, finished, on time, late, returned, open, overdue.
    private static int[] Counts(IEnumerable<(Guid UnitId, DossierChannel Channel, DossierCounts Before, DossierCounts Until)> parts)
    {
        var c = new int[9];
        foreach (var (_, channel, before, until) in parts)
        {
            var flow = until - before;
            c[0] += before.Open;
            c[1] += flow.Received;
            c[2] += channel == DossierChannel.Online ? flow.Received : 0;
            c[4] += flow.EndedEarly + flow.EndedOnTime + flow.EndedUnclassified;
            c[5] += flow.EndedLate;
            c[6] += flow.EndedWithoutResult;
            c[7] += until.Open;
            c[8] += until.Overdue;
        }

        c[3] = c[4] + c[5] + c[6];
        return c;
    }

    private static ReportLine Line(string kind, string? level, string label, int[] c)
    {
        // c: carried over, received, online, finished, on time, late, returned, open, overdue.
        var toHandle = c[0] + c[1];
        var onlineShare = c[1] == 0 ? 0m : Math.Round(100m * c[2] / c[1], 2, MidpointRounding.AwayFromZero);
        return new ReportLine(kind, level, label, [c[0], c[1], c[2], onlineShare, c[3], c[4], c[5], c[6], c[7], c[8], OnTimeRate(toHandle, c[5], c[8])]);
    }

    /// <summary>The on-time rate of domain.md §12.3 (Gia Lai): 100 − (finished late + open overdue) / to handle × 100,
    /// rounded half away from zero to 2 decimals; 100 when there was nothing to handle. The CCHC report's per-level rates
    /// use it too.</summary>
    public static decimal OnTimeRate(int toHandle, int finishedLate, int openOverdue) =>
        toHandle == 0 ? 100m : Math.Round(100m - (100m * (finishedLate + openOverdue) / toHandle), 2, MidpointRounding.AwayFromZero);
}
