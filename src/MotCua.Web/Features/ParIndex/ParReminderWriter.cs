using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Calendar;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using MotCua.Web.Notifications.Templates;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Reminds the units whose PAR Index self-assessment is not submitted (issue 11 §2), through the outbox: every
/// day from <see cref="ParIndexOptions.ReminderDaysBefore"/> days before an issued framework's deadline until
/// <see cref="DaysAfter"/> days after it, one e-mail to each officer (desk, handling officer, head) of each such unit who
/// has an address.</summary>
/// <remarks>Keys are <c>parindex.remind.{frameworkId}.{unitId}.{userId}.{yyyy-MM-dd}</c>, so a second run on the same
/// day (the job misfiring and recovering on another node, a manual trigger) enqueues nothing new: idempotent per unit per day.</remarks>
public sealed class ParReminderWriter(AppDbContext db, NotificationTemplates templates, IOptions<ParIndexOptions> options)
{
    /// <summary>How long after the deadline the reminders go on.</summary>
    public const int DaysAfter = 30;

    /// <summary>Enqueues the day's reminders; returns how many were newly enqueued.</summary>
    public async Task<int> EnqueueAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var today = VietnamTime.BusinessDate(nowUtc);
        var first = today.AddDays(-DaysAfter);
        var last = today.AddDays(options.Value.ReminderDaysBefore);
        var frameworks = await db.ParFrameworks.AsNoTracking()
            .Where(f => f.Status == ParFrameworkStatus.Issued && f.SelfAssessmentDeadline != null
                && f.SelfAssessmentDeadline >= first && f.SelfAssessmentDeadline <= last)
            .ToListAsync(ct);
        if (frameworks.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var enqueued = 0;
        foreach (var framework in frameworks)
        {
            var status = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == framework.Id)
                .ToDictionaryAsync(a => a.UnitId, a => a.Status, ct);
            var waiting = (await ParAssessedUnits.OfAsync(db, framework, today, ct))
                .Where(u => status.GetValueOrDefault(u.Id, ParAssessmentStatus.Draft) == ParAssessmentStatus.Draft).ToList();
            var ids = waiting.Select(u => u.Id).ToList();
            var officers = await (
                    from assignment in db.StaffRoleAssignments
                    where Assessments.Officers.Contains(assignment.Role) && ids.Contains(assignment.UnitId) && assignment.ValidFrom <= today
                        && (assignment.ValidTo == null || assignment.ValidTo >= today)
                    join user in db.Users on assignment.UserId equals user.Id
                    where user.Email != null && user.Email != ""
                    select new { assignment.UnitId, UserId = user.Id, user.FullName, Email = user.Email! })
                .AsNoTracking().ToListAsync(ct);
            foreach (var unit in waiting)
            {
                foreach (var officer in officers.Where(o => o.UnitId == unit.Id).DistinctBy(o => o.UserId))
                {
                    var rendered = templates.ParSelfAssessmentReminder(new ParSelfAssessmentReminder(
                        officer.FullName, unit.Name, framework.Name, framework.Year, framework.SelfAssessmentDeadline!.Value, today, status.ContainsKey(unit.Id)));
                    var key = string.Create(CultureInfo.InvariantCulture, $"parindex.remind.{framework.Id:N}.{unit.Id:N}.{officer.UserId:N}.{today:yyyy-MM-dd}");
                    if (await Outbox.EnqueueInTransactionAsync(db, rendered.ToEmail(officer.Email, key), nowUtc, ct))
                    {
                        enqueued++;
                    }
                }
            }
        }

        await transaction.CommitAsync(ct);
        return enqueued;
    }
}
