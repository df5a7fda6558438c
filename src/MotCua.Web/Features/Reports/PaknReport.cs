using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Features.Reports;

/// <summary>The PAKN report (domain.md §12.1: ND 63/2010 Art. 35(3)(e) "PAKN received and handled", ND 20/2008 Art. 22;
/// §12.3 "PAKN received / handled / on time / published"): for a unit's PAKN (by handling unit, with its child units) over
/// a period, the cases carried over and received, handled on time and late, published, and still open within or past the
/// deadline, by receiving channel, by kind (phản ánh / kiến nghị) and by the 766 §5.1 classification, and the total.</summary>
/// <remarks>Each case is timed as the 766 rates time it (<see cref="PaknPeriodFacts"/>, <see cref="FeedbackRates"/>): a
/// case counts when it was carried over (received before the period, not handled when it began) or received in it (its
/// clock started in it: submitted, or transferred in). Handled = DVCQG's "đã xử lý" (refused, forwarded, waiting for a
/// supplement, waiting for publication, published) by the period's end, on time or late by the step that handled it
/// (domain.md §10.3); published = its answer was published in the period. Read from the cases' history, not from the
/// dossier statistics: the run's data version is the statistics' and says nothing of PAKN; its hash is what shows that a
/// closed period gives the same rows.</remarks>
public sealed class PaknReport(AppDbContext db, FeedbackRates.Handler rates) : IStandardReport
{
    public const string Code = "pakn";

    string IStandardReport.Code => Code;

    public int DefinitionVersion => 1;

    public int MaxDays => FeedbackRates.MaxDays;

    public string ResourcePrefix => "ReportPakn_";

    public string FileName => "bao-cao-pakn";

    public IReadOnlyList<string> Columns { get; } =
        ["total", "carriedOver", "received", "handled", "handledOnTime", "handledLate", "published", "open", "openWithinDeadline", "openOverdue"];

    public IReadOnlyList<(string Key, int Span)> Groups { get; } = [("Group_Received", 3), ("Group_Handled", 4), ("Group_Open", 3)];

    public IReadOnlyList<string> Notes { get; } = ["Note_Handled", "Note_Deadlines"];

    public bool IsPercent(int index) => false;

    public async Task<Result<ReportTable>> ComputeAsync(ReportScope.Resolved resolved, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var (unitId, units, period) = resolved;
        var unitName = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        var paknPeriod = PaknPeriod.FromDates(period.From, period.To);
        var found = await rates.PaknFactsAsync(units, paknPeriod, ct);
        if (found.IsFailure)
        {
            return found.Error;
        }

        var (facts, cases) = found.Value;
        var byId = cases.ToDictionary(c => c.Id);
        var counted = facts.Where(f => f.CarriedOver || f.ReceivedInPeriod)
            .Select(f => (Case: byId[f.CaseId], Values: Values(f, byId[f.CaseId], paknPeriod)))
            .ToList();

        var rows = new List<ReportLine>();
        void Section(string level, string label, IEnumerable<(string Label, Func<PaknCase, bool> Has)> parts)
        {
            var lines = parts.Select(p => Line("sector", level, p.Label, counted.Where(c => p.Has(c.Case)).Select(c => c.Values)))
                .Where(l => l.Values[0] > 0).ToList();
            if (lines.Count > 0)
            {
                rows.Add(Line("level", level, label, counted.Select(c => c.Values)));
                rows.AddRange(lines);
            }
        }

        Section("channel", "Theo kênh tiếp nhận", Enum.GetValues<PaknChannel>().Select(ch => (ChannelLabel(ch), (Func<PaknCase, bool>)(c => c.Channel == ch))));
        Section("kind", "Theo loại", [("Phản ánh", c => c.Kind == PaknKind.Feedback), ("Kiến nghị", c => c.Kind == PaknKind.Petition)]);
        Section("classification", "Theo nội dung (QĐ 766, chỉ tiêu 5.1)",
        [
            ("Về quy định hành chính", c => c.Classification == PaknClassification.Regulation),
            ("Về hành vi, thái độ của cán bộ, công chức", c => c.Classification == PaknClassification.StaffConduct),
            ("Chưa phân loại", c => c.Classification is null),
        ]);
        return new ReportTable(unitId, unitName, units.Count, rows, Line("total", null, "Tổng cộng", counted.Select(c => c.Values)));
    }

    /// <summary>Columns 4 = carried over + received (col. 3 = 4 + 5), handled (6 = 7 + 8, 9 of them published), open
    /// (10 = 11 + 12) and 3 = 6 + 10; each section's subtotal equals the total (a section splits the same cases).</summary>
    public IReadOnlyList<string> Check(IReadOnlyList<ReportLine> rows, ReportLine total)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(total);
        var problems = new List<string>();
        foreach (var line in rows.Where(r => r.Kind == "level").Append(total))
        {
            var v = line.Values;
            void Need(bool holds, string what)
            {
                if (!holds)
                {
                    problems.Add($"{line.Label}: {what}");
                }
            }

            Need(v[0] == v[1] + v[2], "cột 3 ≠ 4 + 5");
            Need(v[3] == v[4] + v[5], "cột 6 ≠ 7 + 8");
            Need(v[6] <= v[3], "cột 9 > 6");
            Need(v[7] == v[8] + v[9], "cột 10 ≠ 11 + 12");
            Need(v[0] == v[3] + v[7], "cột 3 ≠ 6 + 10");
            Need(line.Kind == "total" || v.SequenceEqual(total.Values), "khác dòng tổng cộng");
        }

        return problems;
    }

    private static decimal[] Values(PaknPeriodFacts fact, PaknCase pakn, PaknPeriod period)
    {
        var handledOnTime = fact.Status == PaknTimelinessStatus.HandledOnTime ? 1 : 0;
        var handledLate = fact.Status == PaknTimelinessStatus.HandledLate ? 1 : 0;
        var within = fact.Status == PaknTimelinessStatus.OpenWithinDeadline ? 1 : 0;
        var overdue = fact.Status == PaknTimelinessStatus.OpenOverdue ? 1 : 0;
        var carried = fact.CarriedOver ? 1 : 0;
        var received = fact.ReceivedInPeriod && !fact.CarriedOver ? 1 : 0;
        var published = handledOnTime + handledLate > 0 && period.Contains(pakn.PublishedAt) ? 1 : 0;
        return [carried + received, carried, received, handledOnTime + handledLate, handledOnTime, handledLate, published, within + overdue, within, overdue];
    }

    private static ReportLine Line(string kind, string? level, string label, IEnumerable<decimal[]> cases)
    {
        var sums = new decimal[10];
        foreach (var values in cases)
        {
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += values[i];
            }
        }

        return new ReportLine(kind, level, label, sums);
    }

    private static string ChannelLabel(PaknChannel channel) => channel switch
    {
        PaknChannel.Portal => "Cổng dịch vụ công của tỉnh",
        PaknChannel.DeskPaper => "Văn bản tại Bộ phận Một cửa, qua bưu chính",
        PaknChannel.Phone => "Điện thoại (đường dây nóng)",
        PaknChannel.Email => "Thư điện tử",
        PaknChannel.Import => "Từ Hệ thống PAKN quốc gia, hệ thống khác",
        _ => channel.ToString(),
    };
}
