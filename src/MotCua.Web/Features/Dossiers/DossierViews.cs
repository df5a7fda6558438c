using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The answer to a creating call (also replayed for an idempotent retry).</summary>
public sealed record DossierCreated(Guid Id, string? Code, string Status, DateTime? AppointmentAt, int Version, int? RegisterNumber);

/// <summary>The applicant as sent and shown to staff (personal data: reading it is logged).</summary>
public sealed record ApplicantView(string? FullName, string? IdentityNumber, string? Phone, string? Email, string? Address);

/// <summary>One history entry.</summary>
public sealed record HistoryEntryView(
    int Sequence, DateTime At, Guid? ActorId, string ActorRole, string? From, string To, string Trigger, string? Note, string? Data,
    DateTime? OriginalAppointmentAt, DateTime? CurrentAppointmentAt, string Hash)
{
    public static HistoryEntryView Of(DossierHistoryEntry h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.Sequence, h.At, h.ActorId, h.ActorRole.ToString(), h.From is { } from ? DossierWorkflow.ApiName(from) : null,
            DossierWorkflow.ApiName(h.To), h.Trigger.ToString(), h.Note, h.Data, h.OriginalAppointmentAt, h.CurrentAppointmentAt, h.Hash);
    }
}

/// <summary>One row of the control sheet (Form 05, domain.md §2.5): a handover, the step's deadline and, once
/// completed, whether it finished early, on time or late.</summary>
public sealed record DossierStepView(
    int Index, string Kind, Guid? FromUnitId, Guid? ToUnitId, string? AgencyName, DateTime? HandedOverAt, DateTime? Deadline,
    DateTime? CompletedAt, string? Timeliness)
{
    public static DossierStepView Of(ProcessingStep s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Index, s.Kind.ToString(), s.FromUnitId, s.ToUnitId, s.AgencyName, s.HandedOverAt, s.Deadline, s.CompletedAt, s.Result?.ToString());
    }
}

/// <summary>The answer to a transition: the dossier's new state and the history entry just appended.</summary>
/// <remarks>No applicant, so firing a trigger is not a read of personal data, and no past history, which the transition
/// does not load; <c>GET /api/v1/dossiers/{id}</c> gives both.</remarks>
public sealed record DossierTransitioned(
    Guid Id, string? Code, string Status, int DvcqgStatus, int Version, DateTime? ReceivedAt, DateTime? OriginalAppointmentAt,
    DateTime? CurrentAppointmentAt, DateTime? ProcessingEndedAt, DateTime? ReturnedAt, Guid? AssignedOfficerId,
    IReadOnlyList<string> AllowedTriggers, HistoryEntryView Entry)
{
    public static DossierTransitioned From(Dossier d, DossierHistoryEntry entry, IEnumerable<DossierActorRole> roles, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Id, d.Code?.Format(), DossierWorkflow.ApiName(d.Status), DossierWorkflow.DvcqgStatusCode(d.Status), d.Version, d.ReceivedAt,
            d.OriginalAppointmentAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.ReturnedAt, d.AssignedOfficerId,
            DossierView.Allowed(d, roles, nowUtc), HistoryEntryView.Of(entry));
    }
}

/// <summary>A dossier as staff see it, with the triggers the caller may fire now; <c>Timeliness</c> (Early, OnTime, Late)
/// once processing has ended, measured against the original appointment: an apology moves the date promised, not the
/// count (QĐ 766/QĐ-TTg, domain.md §5).</summary>
public sealed record DossierView(
    Guid Id, string? Code, string Status, int DvcqgStatus, string Channel, Guid ProcedureId, int ProcedureVersion,
    Guid ReceivingUnitId, Guid CompetentUnitId, ApplicantView Applicant, DateTime SubmittedAt, DateTime? ReceivedAt,
    DateTime? OriginalAppointmentAt, DateTime? CurrentAppointmentAt, DateTime? ProcessingEndedAt, DateTime? ReturnedAt,
    Guid? AssignedOfficerId, string CalendarVersion, int Version, IReadOnlyList<string> AllowedTriggers,
    IReadOnlyList<HistoryEntryView> History, IReadOnlyList<DossierStepView> Steps, IReadOnlyList<ChecklistItemView> Checklist,
    string ReturnMethod, string? ReturnAddress, ShipmentView? Shipment, IReadOnlyList<SupplementView> Supplements, string? Timeliness)
{
    public static DossierView From(Dossier d, IEnumerable<DossierActorRole> roles, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Id, d.Code?.Format(), DossierWorkflow.ApiName(d.Status), DossierWorkflow.DvcqgStatusCode(d.Status), d.Channel.ToString(),
            d.ProcedureId, d.ProcedureVersion, d.ReceivingUnitId, d.CompetentUnitId,
            new ApplicantView(d.Applicant.FullName, d.Applicant.IdentityNumber, d.Applicant.Phone, d.Applicant.Email, d.Applicant.Address),
            d.SubmittedAt, d.ReceivedAt, d.OriginalAppointmentAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.ReturnedAt,
            d.AssignedOfficerId, d.CalendarVersion, d.Version, Allowed(d, roles, nowUtc), [.. d.History.OrderBy(h => h.Sequence).Select(HistoryEntryView.Of)],
            [.. d.Steps.OrderBy(s => s.Index).Select(DossierStepView.Of)],
            [.. d.Checklist.Select(c => new ChecklistItemView(c.DocumentIndex, c.Name, c.ReceivedAs.ToString(), c.Copies))],
            d.ReturnMethod.ToString(), d.ReturnAddress,
            d.Shipment is { } shipment ? new ShipmentView(shipment.Carrier, shipment.TrackingNumber, shipment.SentAt, shipment.DeliveredAt) : null,
            [.. d.Supplements.OrderBy(r => r.RequestedAt).Select(r => new SupplementView(r.Stage.ToString(), r.RequestedAt, r.Reason, [.. r.Items], r.CompletedAt))],
            d.Classify()?.ToString());
    }

    /// <summary>The triggers any of <paramref name="roles"/> may fire on <paramref name="d"/> now, by name: only those
    /// that would not be refused by the dossier's state (<see cref="Dossier.AllowedTriggers"/>). Needs the dossier's supplements,
    /// steps and consultations loaded.</summary>
    public static IReadOnlyList<string> Allowed(Dossier d, IEnumerable<DossierActorRole> roles, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(d);
        return [.. roles.SelectMany(r => d.AllowedTriggers(r, nowUtc)).Distinct().Order().Select(t => t.ToString())];
    }
}

/// <summary>One line of the counter checklist (Form 01).</summary>
public sealed record ChecklistItemView(int DocumentIndex, string Name, string ReceivedAs, int Copies);

/// <summary>The postal shipment of a result (QĐ 45/2016 Art. 9–10).</summary>
public sealed record ShipmentView(string Carrier, string TrackingNumber, DateTime SentAt, DateTime? DeliveredAt);

/// <summary>A request to supplement or complete the dossier (Form 02): at the desk (ND 61/2018 Art. 17(2)) or during
/// appraisal (Art. 19(4)), with its reason, the full list of what is missing, and when it was answered.</summary>
public sealed record SupplementView(string Stage, DateTime RequestedAt, string Reason, IReadOnlyList<string> Items, DateTime? CompletedAt);
