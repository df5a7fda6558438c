using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using MotCua.Web.Notifications.Templates;

namespace MotCua.Web.Jobs;

/// <summary>Enqueues each agency head's daily digest of due-soon and overdue work (one e-mail per head and unit per day).</summary>
public sealed class DailyDigestWriter(AppDbContext db, IDueWorkSource dueWork, NotificationTemplates templates)
{
    /// <summary>
    /// For every agency-head assignment valid on the Vietnam date of <paramref name="nowUtc"/> whose user has an e-mail
    /// address, asks <see cref="IDueWorkSource"/> for the unit's work and enqueues a digest when there is any.
    /// </summary>
    /// <remarks>Keys are <c>digest.{unitId}.{userId}.{yyyy-MM-dd}</c>, so a second run on the same day (a misfire
    /// recovered by another node, a manual trigger) enqueues nothing new.</remarks>
    /// <returns>The number of digests newly enqueued.</returns>
    public async Task<int> EnqueueAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var today = VietnamTime.BusinessDate(nowUtc);
        var heads = await (
                from assignment in db.StaffRoleAssignments
                where assignment.Role == StaffRole.AgencyHead && assignment.ValidFrom <= today
                    && (assignment.ValidTo == null || assignment.ValidTo >= today)
                join user in db.Users on assignment.UserId equals user.Id
                join unit in db.OrganisationalUnits on assignment.UnitId equals unit.Id
                where user.Email != null && user.Email != ""
                select new { assignment.UnitId, UnitName = unit.Name, UserId = user.Id, user.FullName, Email = user.Email! })
            .AsNoTracking()
            .ToListAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var enqueued = 0;
        foreach (var head in heads.DistinctBy(h => (h.UnitId, h.UserId)))
        {
            var work = await dueWork.GetDueWorkAsync(head.UnitId, nowUtc, ct);
            if (work.IsEmpty)
            {
                continue;
            }

            var rendered = templates.DailyDigest(new DailyDigest(
                head.FullName, head.UnitName, today, work.DueSoonCount, work.OverdueCount, work.DueSoonCodes, work.OverdueCodes));
            var key = string.Create(CultureInfo.InvariantCulture, $"digest.{head.UnitId:N}.{head.UserId:N}.{today:yyyy-MM-dd}");
            if (await Outbox.EnqueueInTransactionAsync(db, rendered.ToEmail(head.Email, key), nowUtc, ct))
            {
                enqueued++;
            }
        }

        await transaction.CommitAsync(ct);
        return enqueued;
    }
}
