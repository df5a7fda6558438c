using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Statistics;

namespace MotCua.Web.Features.Reports;

/// <summary>The service-centre variant of Biểu 06 (domain.md §12.3: the forms for a Trung tâm Phục vụ hành chính công or
/// a one-stop desk add the report block and the two notes): the same 13 columns, counted the same way, but the dossiers
/// are those <b>received</b> at the desks of the unit and its child units (by receiving unit, each desk's host), and the
/// lines are grouped by receiving desk — its subtotal, then its sectors — instead of by procedure level.</summary>
/// <remarks>Read from the kept statistics by their receiving-unit dimension (<see cref="DossierDayStat.ReceivingUnitId"/>,
/// <see cref="StatUnit.Receiving"/>): two prefixes, as Biểu 06, so a province's years read aggregates, not dossiers. The
/// bench's baseline (<c>motcua bench reports</c>) computes the same total by a GROUP BY over the raw dossiers.</remarks>
public sealed class Form06DeskReport(AppDbContext db) : IStandardReport
{
    public const string Code = "form06-desk";

    // Kept apart by receiving unit (the desk's line) and procedure (its sector), summed over the competent units.
    private const StatGroups ByDesk = StatGroups.Unit | StatGroups.Procedure;

    string IStandardReport.Code => Code;

    public int DefinitionVersion => 1;

    /// <summary>As Biểu 06: the report reads aggregates.</summary>
    public int MaxDays => Form06Report.MaxDays;

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
        var beforeCounts = await StatisticsReader.PrefixAsync(db, units, period.From.AddDays(-1), ByDesk, StatUnit.Receiving, ct);
        var untilCounts = await StatisticsReader.PrefixAsync(db, units, period.To, ByDesk, StatUnit.Receiving, ct);
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
}
