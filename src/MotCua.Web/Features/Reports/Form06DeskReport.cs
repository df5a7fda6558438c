using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Reports;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;

namespace MotCua.Web.Features.Reports;

/// <summary>The service-centre variant of Biểu 06 (domain.md §12.3: the forms for a Trung tâm Phục vụ hành chính công or
/// a one-stop desk add the report block and the two notes): the same 13 columns, counted the same way, but the dossiers
/// are those <b>received</b> at the desks of the unit and its child units (by receiving unit, each desk's host), and the
/// lines are grouped by receiving desk — its subtotal, then its sectors — instead of by procedure level.</summary>
/// <remarks>The kept statistics (<see cref="DossierDayStat"/>) are keyed by competent unit, not by receiving desk, so
/// this report sums the same per-dossier contributions (<see cref="Dossier.DailyContributions"/>) from the dossiers
/// themselves: those received at the desks by the period's end and not ended before it. Its figures therefore equal what
/// the statistics would give with a desk dimension, but it reads dossiers and their history: fine for a centre's month,
/// quarter or year of a province's pilot; at a province's millions of dossiers a desk dimension in the statistics
/// (a receiving-unit column in their key, a migration and a rebuild) would be the fast way. Periods are limited to
/// <see cref="MaxDays"/>.</remarks>
public sealed class Form06DeskReport(AppDbContext db) : IStandardReport
{
    public const string Code = "form06-desk";

    string IStandardReport.Code => Code;

    public int DefinitionVersion => 1;

    /// <summary>A year at most: the report reads dossiers, not aggregates.</summary>
    public int MaxDays => 366;

    public string ResourcePrefix => "Report06Desk_";

    public string FileName => "bieu-06-trung-tam";

    public IReadOnlyList<string> Columns => Form06Report.ColumnNames;

    public IReadOnlyList<(string Key, int Span)> Groups => Form06Report.GroupLayout;

    public IReadOnlyList<string> Notes => Form06Report.NoteKeys;

    public bool IsPercent(int index) => false;

    public async Task<Result<ReportTable>> ComputeAsync(ReportScope.Resolved resolved, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var (unitId, units, period) = resolved;
        var (first, last) = (period.From, period.To);
        var dayBefore = first.AddDays(-1);
        // A business date is never before the Vietnam date of the instant, so these bounds keep every dossier that can
        // count; the contributions' own days decide. Dossiers that ended a week or more before the period add nothing.
        var endUtc = Dossier.EndOfDayUtc(last);
        var endedAfter = Dossier.EndOfDayUtc(dayBefore).AddDays(-7);
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.History).AsSplitQuery()
            .Where(d => units.Contains(d.ReceivingUnitId) && d.ReceivedAt != null && d.ReceivedAt <= endUtc
                && (d.ProcessingEndedAt == null || d.ProcessingEndedAt >= endedAfter))
            .ToListAsync(ct);

        var before = new Dictionary<StatisticsReader.GroupKey, DossierDayStat>();
        var until = new Dictionary<StatisticsReader.GroupKey, DossierDayStat>();
        foreach (var dossier in dossiers)
        {
            var key = new StatisticsReader.GroupKey(dossier.ReceivingUnitId, dossier.ProcedureId, dossier.Channel);
            foreach (var (day, measure, delta) in dossier.DailyContributions())
            {
                if (day <= dayBefore)
                {
                    Sum(before, key).Add(measure, delta);
                }

                if (day <= last)
                {
                    Sum(until, key).Add(measure, delta);
                }
            }
        }

        var (beforeCounts, untilCounts) = (Counts(before), Counts(until));
        var procedures = await Form06Report.Handler.SectorsAsync(db, beforeCounts, untilCounts, ct);
        var names = await db.OrganisationalUnits.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var desks = (await db.OneStopDesks.AsNoTracking().Where(d => units.Contains(d.UnitId)).Select(d => new { d.UnitId, d.Name }).ToListAsync(ct))
            .GroupBy(d => d.UnitId).ToDictionary(g => g.Key, g => g.Select(d => d.Name).Order(StringComparer.Ordinal).First());
        string DeskName(Guid unit) => desks.GetValueOrDefault(unit) ?? names.GetValueOrDefault(unit) ?? unit.ToString();
        var groups = beforeCounts.Keys.Union(untilCounts.Keys)
            .GroupBy(k => k.UnitId)
            .OrderBy(g => VietnameseText.Fold(DeskName(g.Key)), StringComparer.Ordinal).ThenBy(g => g.Key)
            .Select(g => ((string?)g.Key.ToString(), DeskName(g.Key), g.Select(k => (k, Form06Report.Handler.Sector(procedures, k)))));
        var (rows, total) = Form06Report.Handler.Lines(groups, beforeCounts, untilCounts);
        return Form06Report.Table(unitId, names[unitId], units.Count, rows, total);
    }

    public IReadOnlyList<string> Check(IReadOnlyList<ReportLine> rows, ReportLine total) => Form06Report.CheckLines(rows, total);

    private static DossierDayStat Sum(Dictionary<StatisticsReader.GroupKey, DossierDayStat> sums, StatisticsReader.GroupKey key) =>
        sums.TryGetValue(key, out var sum) ? sum : sums[key] = new DossierDayStat();

    private static Dictionary<StatisticsReader.GroupKey, DossierCounts> Counts(Dictionary<StatisticsReader.GroupKey, DossierDayStat> sums) =>
        sums.ToDictionary(s => s.Key, s => new DossierCounts(
            s.Value.Received, s.Value.EndedEarly, s.Value.EndedOnTime, s.Value.EndedLate, s.Value.EndedUnclassified, s.Value.EndedWithoutResult,
            s.Value.EndedLateForDvcqg, s.Value.Overdue, s.Value.OverdueForDvcqg));
}
