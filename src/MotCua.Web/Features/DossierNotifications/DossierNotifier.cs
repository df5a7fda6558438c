using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Notifications;
using MotCua.Web.Notifications.Templates;

namespace MotCua.Web.Features.DossierNotifications;

/// <summary>Puts the citizen's notification for a transition into the outbox, in the caller's unit of work, so that it
/// commits with the transition and disappears with it when the transition fails.</summary>
/// <remarks>Called after a successful <c>Fire</c> (or creation) and before the handler's single <c>SaveChanges</c>. Keys are
/// <c>dossier.{dossierId:N}.{historySequence}.{email|sms}</c>: a retried request for the same history entry maps to the
/// same key, and no personal data leaves through the key (it becomes the e-mail's Message-ID).
/// <para>Procedure, unit and desk names are cached per node for <see cref="NameLifetime"/>: they are read on every
/// notified transition and change only when the catalogue or the unit tree is edited.</para></remarks>
public sealed class DossierNotifier(AppDbContext db, NotificationTemplates templates, IMemoryCache cache, RatingLinks ratingLinks)
{
    /// <summary>How long a name is reused before it is read again.</summary>
    public static readonly TimeSpan NameLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The triggers that tell the citizen something: every event the law names (docs/dossier-rules.md,
    /// "Notifications"): online submission and resubmission (T1, T6), the desk's completion request (T5, ND 61/2018
    /// Art. 17(2)(a)), receipt (T2, T7), refusal at receipt (T8) and after appraisal (T19, Art. 19(8)), supplement
    /// request and completion (T14, T15, Art. 19(4)), apology (T20, Art. 19(9)) and result (T18).</summary>
    public static readonly IReadOnlySet<DossierTrigger> Notified = new HashSet<DossierTrigger>
    {
        DossierTrigger.Submit, DossierTrigger.RequestDeskSupplement, DossierTrigger.Resubmit, DossierTrigger.RefuseAtReceipt,
        DossierTrigger.ReceiveAtCounter, DossierTrigger.Accept, DossierTrigger.RequestSupplement, DossierTrigger.CompleteSupplement,
        DossierTrigger.Reject, DossierTrigger.IssueApology, DossierTrigger.Approve,
    };

    /// <summary>The idempotency key of the message for one history entry and channel.</summary>
    public static string Key(Guid dossierId, int historySequence, NotificationChannel channel) =>
        string.Create(CultureInfo.InvariantCulture, $"dossier.{dossierId:N}.{historySequence}.{(channel == NotificationChannel.Email ? "email" : "sms")}");

    /// <summary>Enqueues the e-mail (and SMS when the applicant gave a phone number) for the dossier's latest history
    /// entry, if its trigger is one the citizen is told about.</summary>
    /// <returns>The number of outbox rows added (0–2).</returns>
    public async Task<int> EnqueueAsync(Dossier dossier, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var entry = dossier.History.MaxBy(h => h.Sequence);
        if (entry is null || !Notified.Contains(entry.Trigger))
        {
            return 0;
        }

        var email = string.IsNullOrWhiteSpace(dossier.Applicant.Email) ? null : dossier.Applicant.Email.Trim();
        var phone = PhoneNumbers.Normalise(dossier.Applicant.Phone);
        if (email is null && phone is null)
        {
            return 0;
        }

        var rendered = await RenderAsync(dossier, dossier.Code?.Format(), entry, ct);
        if (rendered is null)
        {
            return 0;
        }

        var added = 0;
        if (email is not null)
        {
            Outbox.Enqueue(db, rendered.ToEmail(email, Key(dossier.Id, entry.Sequence, NotificationChannel.Email)), nowUtc);
            added++;
        }

        if (phone is not null)
        {
            Outbox.Enqueue(db, rendered.ToSms(phone, Key(dossier.Id, entry.Sequence, NotificationChannel.Sms)), nowUtc);
            added++;
        }

        return added;
    }

    // Before acceptance there is no code (ND 61/2018 Art. 17(3)): those notices name the procedure and submission time.
    private async Task<RenderedNotification?> RenderAsync(Dossier dossier, string? code, DossierHistoryEntry entry, CancellationToken ct)
    {
        var name = dossier.Applicant.FullName;
        var procedureName = await NameAsync("procedure", dossier.ProcedureId,
            () => db.Procedures.AsNoTracking().Where(p => p.Id == dossier.ProcedureId).Select(p => p.Name).SingleAsync(ct));
        switch (entry.Trigger)
        {
            case DossierTrigger.Submit or DossierTrigger.Resubmit:
                return templates.SubmissionReceived(new SubmissionReceivedNotice(
                    name, procedureName, await UnitNameAsync(dossier.ReceivingUnitId, ct), entry.At, entry.Trigger == DossierTrigger.Resubmit));
            case DossierTrigger.RequestDeskSupplement when dossier.Supplements.MaxBy(s => s.RequestedAt) is { } deskRequest:
                return templates.CompletionRequested(new CompletionRequestedNotice(
                    name, procedureName, await UnitNameAsync(dossier.ReceivingUnitId, ct), dossier.SubmittedAt, ItemsOf(deskRequest), deskRequest.Reason));
            case DossierTrigger.RefuseAtReceipt or DossierTrigger.Reject:
                var refusing = await UnitNameAsync(entry.Trigger == DossierTrigger.Reject ? dossier.CompetentUnitId : dossier.ReceivingUnitId, ct);
                return templates.Refusal(new RefusalNotice(
                    name, code, procedureName, refusing, dossier.SubmittedAt, entry.DataText("reason") ?? entry.Note ?? "",
                    entry.Trigger == DossierTrigger.Reject));
            case DossierTrigger.ReceiveAtCounter or DossierTrigger.Accept
                when code is not null && dossier.ReceivedAt is { } receivedAt && dossier.CurrentAppointmentAt is { } appointment:
                var unitName = await UnitNameAsync(dossier.ReceivingUnitId, ct);
                return templates.DossierReceived(new DossierReceivedNotice(name, code, procedureName, unitName, receivedAt, appointment));
            case DossierTrigger.RequestSupplement when code is not null && dossier.Supplements.MaxBy(s => s.RequestedAt) is { } request:
                var competent = await UnitNameAsync(dossier.CompetentUnitId, ct);
                return templates.SupplementRequested(new SupplementRequestedNotice(name, code, procedureName, competent, ItemsOf(request), request.Reason, null));
            case DossierTrigger.CompleteSupplement when code is not null && dossier.CurrentAppointmentAt is { } newAppointment:
                return templates.SupplementCompleted(new SupplementCompletedNotice(
                    name, code, procedureName, await UnitNameAsync(dossier.CompetentUnitId, ct), entry.At, newAppointment,
                    dossier.SupplementPolicy == SupplementClockPolicy.SupplementRestart));
            case DossierTrigger.IssueApology when code is not null && dossier.Apology is { } apology:
                var agency = await UnitNameAsync(dossier.CompetentUnitId, ct);
                return templates.Apology(new ApologyNotice(name, code, procedureName, agency, apology.PreviousAppointmentAt, apology.NewAppointmentAt, apology.Reason));
            case DossierTrigger.Approve when code is not null:
                var desk = await NameAsync("desk", dossier.ReceivingUnitId, async () =>
                    await db.OneStopDesks.AsNoTracking().Where(d => d.UnitId == dossier.ReceivingUnitId)
                        .OrderByDescending(d => d.ValidFrom).Select(d => d.Name).FirstOrDefaultAsync(ct)
                    ?? await UnitNameAsync(dossier.ReceivingUnitId, ct));
                return templates.ResultReady(new ResultReadyNotice(name, code, procedureName, desk, null, ratingLinks.For(code)));
            default:
                return null;
        }
    }

    private static IReadOnlyList<string> ItemsOf(SupplementRequest request) => request.Items.Count > 0 ? request.Items : [request.Reason];

    private Task<string> UnitNameAsync(Guid unitId, CancellationToken ct) => NameAsync("unit", unitId,
        () => db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct));

    private async Task<string> NameAsync(string kind, Guid id, Func<Task<string>> load) =>
        (await cache.GetOrCreateAsync(("motcua.notifier.name", kind, id), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = NameLifetime;
            return load();
        }))!;
}
