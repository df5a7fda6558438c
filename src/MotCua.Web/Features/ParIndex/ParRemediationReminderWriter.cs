using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Calendar;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using MotCua.Web.Notifications.Templates;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Reminds the owners of remediation items (issue 11 §6) through the outbox: every day from
/// <see cref="ParRemediationOptions.ReminderDaysBefore"/> days before an item's deadline until <see cref="DaysAfter"/> days
/// after it, while the item is not done, one e-mail to its owner (when they have an address) for each such item.</summary>
/// <remarks>Keys are <c>parindex.remediation.{itemId}.{yyyy-MM-dd}</c>: a second run on the same day enqueues nothing new,
/// idempotent per item per day.</remarks>
public sealed class ParRemediationReminderWriter(AppDbContext db, NotificationTemplates templates, IOptions<ParRemediationOptions> options)
{
    /// <summary>How long after the deadline the reminders go on.</summary>
    public const int DaysAfter = 60;

    /// <summary>Enqueues the day's reminders; returns how many were newly enqueued.</summary>
    public async Task<int> EnqueueAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var today = VietnamTime.BusinessDate(nowUtc);
        var first = today.AddDays(-DaysAfter);
        var last = today.AddDays(options.Value.ReminderDaysBefore);
        var plans = await db.ParRemediationPlans.AsNoTracking().ToListAsync(ct);
        var due = plans.SelectMany(p => p.Items
                .Where(i => i.Status != ParRemediationItemStatus.Done && i.OwnerId is not null && i.Deadline is { } d && d >= first && d <= last)
                .Select(i => (Plan: p, Item: i)))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var frameworkIds = due.Select(d => d.Plan.FrameworkId).Distinct().ToList();
        var frameworks = await db.ParFrameworks.AsNoTracking().Where(f => frameworkIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var unitIds = due.Select(d => d.Plan.UnitId).Distinct().ToList();
        var units = await db.OrganisationalUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var ownerIds = due.Select(d => d.Item.OwnerId!.Value).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id) && u.Email != null && u.Email != "")
            .ToDictionaryAsync(u => u.Id, u => new { u.FullName, Email = u.Email! }, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var enqueued = 0;
        foreach (var (plan, item) in due)
        {
            if (owners.GetValueOrDefault(item.OwnerId!.Value) is not { } owner)
            {
                continue;
            }

            var framework = frameworks[plan.FrameworkId];
            var rendered = templates.ParRemediationReminder(new ParRemediationReminder(owner.FullName, units[plan.UnitId], framework.Year, item.Code,
                framework.Tree.Find(item.Code)?.Name ?? item.Code, item.Actions, item.Deadline!.Value, today, item.Status == ParRemediationItemStatus.InProgress));
            var key = string.Create(CultureInfo.InvariantCulture, $"parindex.remediation.{item.Id:N}.{today:yyyy-MM-dd}");
            if (await Outbox.EnqueueInTransactionAsync(db, rendered.ToEmail(owner.Email, key), nowUtc, ct))
            {
                enqueued++;
            }
        }

        await transaction.CommitAsync(ct);
        return enqueued;
    }
}
