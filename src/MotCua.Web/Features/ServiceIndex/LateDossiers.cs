using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;
using MotCua.Web.Calendar;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>The dossiers behind the points lost on 766 indicator 2.1: those late by DVCQG's rule in the period
/// (<see cref="Dossier.DvcqgStandingAt"/> at the period's end: ended in the period after <c>NgayHenTra</c> or after a
/// repeated supplement, or still open and overdue at the period's end), how late, and at which control-sheet step.
/// Read from raw dossiers, one keyset page at a time in (received, id) order, so a page costs the same at 1 M dossiers.</summary>
public sealed class LateDossiers(AppDbContext db, CalendarService calendar)
{
    /// <summary>Most candidates examined for one page: a page may come back short with a cursor to go on.</summary>
    private const int MaxScanned = 2000;

    /// <summary>One late dossier. <c>LateWorkingDays</c>: working days between the appointment's date and the end's date,
    /// on the receiving desk's calendar (0 when both fall on one day); <c>LateHours</c>: elapsed hours between the
    /// appointment and the end, to one decimal; <c>Step</c>: the first control-sheet step that ran late
    /// (<see cref="ProcessingStepKind"/>), if the sheet shows one; <c>StepAgency</c>: that step's agency.</summary>
    public sealed record Item(
        Guid DossierId, string? Code, string ProcedureCode, string ProcedureName, bool Ended, DateTime? DueAt, DateTime EndAt,
        int LateWorkingDays, decimal LateHours, string? Step, string? StepAgency, bool RepeatedSupplement);

    public async Task<(List<Item> Items, string? Next)> PageAsync(
        HashSet<Guid> units, ScorecardPeriod period, (DateTime ReceivedAt, Guid Id)? after, int limit, CancellationToken ct)
    {
        var start = VietnamTime.StartOfDayUtc(period.First);
        var end = Dossier.EndOfDayUtc(period.Last);
        // Candidates, a superset of the late ones: ended in the period and late by the final appointment (exactly the
        // EndedLateForDvcqg count), or open at the period's end with some appointment in force before its end already
        // passed, or marked late by a repeated supplement. The domain decides each one.
        var candidates = db.Dossiers.AsNoTracking()
            .Where(d => units.Contains(d.CompetentUnitId) && d.ReceivedAt != null && d.ReceivedAt <= end)
            .Where(d => (d.ProcessingEndedAt >= start && d.ProcessingEndedAt <= end && d.CurrentAppointmentAt != null
                    && (d.MarkedLateByRepeatedSupplement || d.ProcessingEndedAt > d.CurrentAppointmentAt))
                || ((d.ProcessingEndedAt == null || d.ProcessingEndedAt > end)
                    && (d.MarkedLateByRepeatedSupplement || d.History.Any(h => h.At <= end && h.CurrentAppointmentAt < end))));
        var items = new List<Item>();
        var scanned = 0;
        var cursor = after;
        var calculators = new Dictionary<Guid, DeadlineCalculator>();
        while (items.Count < limit && scanned < MaxScanned)
        {
            var page = candidates;
            if (cursor is { } c)
            {
                page = page.Where(d => d.ReceivedAt > c.ReceivedAt || (d.ReceivedAt == c.ReceivedAt && d.Id.CompareTo(c.Id) > 0));
            }

            var batch = await page.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Take(Math.Max(limit * 2, 50))
                .Include(d => d.History).Include(d => d.Steps).AsSplitQuery().ToListAsync(ct);
            if (batch.Count == 0)
            {
                return (items, null);
            }

            var procedures = await ProceduresAsync(batch, ct);
            foreach (var dossier in batch)
            {
                scanned++;
                cursor = (dossier.ReceivedAt!.Value, dossier.Id);
                if (dossier.DvcqgStandingAt(end) is { Late: true } standing)
                {
                    items.Add(await ToItemAsync(dossier, standing, procedures, calculators, ct));
                    if (items.Count == limit)
                    {
                        break;
                    }
                }
            }
        }

        return (items, cursor is { } next ? FormatCursor(next) : null);
    }

    /// <summary>The opaque cursor of a page: the (received, id) key of the last dossier examined.</summary>
    public static string FormatCursor((DateTime ReceivedAt, Guid Id) key) =>
        string.Create(CultureInfo.InvariantCulture, $"{key.ReceivedAt.Ticks}-{key.Id:N}");

    /// <summary>Reads a cursor; <see langword="null"/> when it is not one this list wrote.</summary>
    public static (DateTime ReceivedAt, Guid Id)? ParseCursor(string? text)
    {
        var parts = (text ?? "").Split('-');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks && Guid.TryParseExact(parts[1], "N", out var id)
            ? (new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }

    private async Task<Dictionary<Guid, (string Code, string Name)>> ProceduresAsync(List<Dossier> batch, CancellationToken ct)
    {
        var ids = batch.Select(d => d.ProcedureId).Distinct().ToList();
        return (await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => (p.Code.Value, p.Name));
    }

    private async Task<Item> ToItemAsync(
        Dossier dossier, DvcqgStanding standing, Dictionary<Guid, (string Code, string Name)> procedures,
        Dictionary<Guid, DeadlineCalculator> calculators, CancellationToken ct)
    {
        if (!calculators.TryGetValue(dossier.ReceivingUnitId, out var calculator))
        {
            calculators[dossier.ReceivingUnitId] = calculator = (await calendar.ForUnitAsync(db, dossier.ReceivingUnitId, ct)).Calculator;
        }

        int days = 0;
        decimal hours = 0;
        if (standing.DueUtc is { } due && standing.EndUsedUtc > due)
        {
            days = calculator.WorkingDaysBetween(VietnamTime.BusinessDate(due), VietnamTime.BusinessDate(standing.EndUsedUtc));
            hours = Math.Round((decimal)(standing.EndUsedUtc - due).TotalHours, 1, MidpointRounding.AwayFromZero);
        }

        // The control sheet's first late row, or an open row already past its deadline at the end used.
        var step = dossier.Steps.OrderBy(s => s.Index).FirstOrDefault(s => s.Result == Timeliness.Late
            || (s.CompletedAt is null && s.HandedOverAt is not null && s.Deadline is { } deadline && deadline < standing.EndUsedUtc));
        var (code, name) = procedures.GetValueOrDefault(dossier.ProcedureId, ("", ""));
        return new Item(
            dossier.Id, dossier.Code?.Format(), code, name, standing.Ended, standing.DueUtc, standing.EndUsedUtc, days, hours,
            step?.Kind.ToString(), step?.AgencyName, standing.MarkedLateByRepeatedSupplement);
    }
}
