using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Jobs;

namespace MotCua.Web.Features.DossierNotifications;

/// <summary>The real <see cref="IDueWorkSource"/>: open dossiers whose competent unit is the head's unit, judged with
/// <see cref="Dossier.DeadlineStatusAt"/> against the receiving desk's calendar.</summary>
/// <remarks>The rule and the threshold are <see cref="DossierDeadlineWatch"/>'s, the same as the list endpoint's
/// <c>overdue</c> and <c>dueSoon</c> filters. Paused dossiers (waiting for the applicant) are neither.</remarks>
public sealed class DossierDueWorkSource(AppDbContext db, CalendarService calendar, DossierDeadlineWatch deadlines) : IDueWorkSource
{
    /// <summary>At most this many codes per list in one digest; the counts stay complete.</summary>
    public const int MaxListedCodes = 20;

    /// <inheritdoc/>
    public async Task<DueWork> GetDueWorkAsync(Guid unitId, DateTime nowUtc, CancellationToken ct = default)
    {
        var threshold = deadlines.DueSoonThreshold;
        var open = await db.Dossiers.AsNoTracking()
            .Where(d => d.CompetentUnitId == unitId && d.CurrentAppointmentAt != null && d.ProcessingEndedAt == null)
            .OrderBy(d => d.CurrentAppointmentAt)
            .ToListAsync(ct);

        var overdue = new List<Dossier>();
        var dueSoon = new List<Dossier>();
        foreach (var byDesk in open.GroupBy(d => d.ReceivingUnitId))
        {
            var (calculator, _, _) = await calendar.ForUnitAsync(db, byDesk.Key, ct);
            foreach (var dossier in byDesk)
            {
                switch (dossier.DeadlineStatusAt(nowUtc, threshold, calculator))
                {
                    case OpenDeadlineStatus.Overdue:
                        overdue.Add(dossier);
                        break;
                    case OpenDeadlineStatus.DueSoon:
                        dueSoon.Add(dossier);
                        break;
                }
            }
        }

        // Most urgent first: the longest overdue, then the soonest due.
        static IReadOnlyList<string> Codes(IEnumerable<Dossier> dossiers) =>
            [.. dossiers.OrderBy(d => d.CurrentAppointmentAt).Take(MaxListedCodes).Select(d => d.Code?.Format() ?? d.Id.ToString("D"))];
        return new DueWork(dueSoon.Count, overdue.Count, Codes(dueSoon), Codes(overdue));
    }
}
