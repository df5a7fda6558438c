using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using MotCua.Web.Notifications.Templates;

namespace MotCua.Web.Features.Pakn;

/// <summary>Tells the submitter what happened to their PAKN through the outbox, in the same transaction as the change:
/// receipt (with the tracking code), a supplement request, and the published answer. E-mail when they gave one, SMS to
/// the phone Art. 7 requires.</summary>
public sealed class PaknNotifier(AppDbContext db, NotificationTemplates templates)
{
    public async Task ReceivedAsync(PaknCase pakn, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pakn);
        Enqueue(pakn, pakn.History[^1].Sequence, templates.PaknReceived(await NoticeAsync(pakn, pakn.ReceivingUnitId, ct)), nowUtc);
    }

    /// <summary>After a trigger: the messages it calls for, if any.</summary>
    public async Task AfterAsync(PaknCase pakn, PaknHistoryEntry entry, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pakn);
        ArgumentNullException.ThrowIfNull(entry);
        var rendered = entry.Trigger switch
        {
            PaknTrigger.RequestSupplement when pakn.PendingSupplementRequest is { } request =>
                templates.PaknSupplementRequested(await NoticeAsync(pakn, pakn.HandlingUnitId, ct), request),
            PaknTrigger.Publish when pakn.PublishedAnswer is { } answer => templates.PaknAnswered(await NoticeAsync(pakn, pakn.HandlingUnitId, ct), answer),
            _ => null,
        };
        if (rendered is not null)
        {
            Enqueue(pakn, entry.Sequence, rendered, nowUtc);
        }
    }

    private async Task<PaknNotice> NoticeAsync(PaknCase pakn, Guid unitId, CancellationToken ct)
    {
        var unit = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(ct);
        return new(pakn.Submitter.FullName, pakn.TrackingCode.Format(), pakn.Subject, unit ?? "", pakn.Deadlines.HandlingDueAtUtc);
    }

    private void Enqueue(PaknCase pakn, int sequence, RenderedNotification rendered, DateTime nowUtc)
    {
        if (pakn.Submitter.Email is { } email)
        {
            Outbox.Enqueue(db, rendered.ToEmail(email, Key(pakn.Id, sequence, "email")), nowUtc);
        }

        Outbox.Enqueue(db, rendered.ToSms(pakn.Submitter.Phone, Key(pakn.Id, sequence, "sms")), nowUtc);
    }

    private static string Key(Guid id, int sequence, string channel) =>
        string.Create(CultureInfo.InvariantCulture, $"pakn.{id:N}.{sequence}.{channel}");
}
