using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Notifications;
using MotCua.Web.Notifications.Templates;

namespace MotCua.Web.Features.Surveys;

/// <summary>Sends a new invitation (at sampling, or re-issued) to the respondent by SMS and e-mail, through the outbox
/// in the caller's unit of work, when their dossier has a usable phone number or address.</summary>
/// <remarks>
/// <para>The message must carry the raw token, which the store otherwise keeps only as a hash; an outbox row keeps its
/// body readable until it is sent, and sent rows are kept for audit. So the rows are written with
/// <see cref="NotificationMessage.PurgeAfterSend"/>: the outbox processor blanks the recipient and body once the gateway
/// accepted the message or it was given up on. What remains is the key (campaign and a random part: nothing that leads to
/// the invitation or the dossier), the dates and the outcome. The window is the time to delivery.</para>
/// <para>The recipient is read from the dossier at issue time and kept nowhere else (the invitation has no dossier id).</para>
/// </remarks>
public sealed class InvitationMessages(AppDbContext db, NotificationTemplates templates, SurveyLinks links)
{
    /// <summary>One fresh token for the respondent of <paramref name="DossierId"/>.</summary>
    public sealed record Issued(Guid DossierId, Guid UnitId, string Token);

    /// <summary>Adds the messages to <see cref="AppDbContext"/>'s unit of work; returns, per dossier, the channels used
    /// (<c>Sms</c>, <c>Email</c>; none: the staff print the letter).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> EnqueueAsync(
        SurveyCampaign campaign, IReadOnlyCollection<Issued> issued, IReadOnlyDictionary<Guid, string> unitNames, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(unitNames);
        var ids = issued.Select(i => i.DossierId).ToList();
        var contacts = await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Applicant.FullName, d.Applicant.Phone, d.Applicant.Email })
            .ToDictionaryAsync(d => d.Id, ct);
        var sent = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var invitation in issued)
        {
            var contact = contacts[invitation.DossierId];
            var phone = PhoneNumbers.Normalise(contact.Phone);
            var email = System.Net.Mail.MailAddress.TryCreate(contact.Email?.Trim(), out var address) ? address.Address : null;
            var channels = new List<string>();
            if (phone is not null || email is not null)
            {
                var rendered = templates.SurveyInvitation(new SurveyInvitationNotice(
                    contact.FullName, unitNames.GetValueOrDefault(invitation.UnitId, ""), campaign.Name, campaign.CollectTo,
                    links.For(invitation.Token), invitation.Token));
                // One random part per invitation: the key says which campaign, not which invitation or dossier.
                var key = string.Create(CultureInfo.InvariantCulture, $"survey-invite.{campaign.Id:N}.{Guid.NewGuid():N}");
                if (phone is not null)
                {
                    Outbox.Enqueue(db, rendered.ToSms(phone, key + ".sms") with { PurgeAfterSend = true }, nowUtc);
                    channels.Add(nameof(NotificationChannel.Sms));
                }

                if (email is not null)
                {
                    Outbox.Enqueue(db, rendered.ToEmail(email, key + ".email") with { PurgeAfterSend = true }, nowUtc);
                    channels.Add(nameof(NotificationChannel.Email));
                }
            }

            sent[invitation.DossierId] = channels;
        }

        return sent;
    }
}
