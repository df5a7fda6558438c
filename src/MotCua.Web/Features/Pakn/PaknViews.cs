using MotCua.Domain.Feedback.Pakn;

namespace MotCua.Web.Features.Pakn;

/// <summary>A PAKN case as staff and its submitter read it (GET /api/v1/pakn/{id}).</summary>
public sealed record PaknView(
    Guid Id, string TrackingCode, string Kind, string Channel, string Status, string Stage, PaknSubmitterView Submitter,
    string Subject, string Content, Guid? DossierId, string? ProcedureCode, Guid ReceivingUnitId, Guid HandlingUnitId,
    IReadOnlyList<int> Categories, string? Classification, DateTime SubmittedAt, DateTime ClockStartedAt,
    PaknDeadlinesView Deadlines, PaknTimelinessView? Timeliness, string? PendingSupplementRequest, string? RefusalReason,
    string? ForwardedToName, IReadOnlyList<PaknReviewView> Review, string? AnswerText, string? DecisionForm, DateTime? DecidedAt,
    string? PublishedAnswer, DateTime? PublishedAt, DateTime? PublicationDueAt, int Likes, int Dislikes, bool? SubmitterSatisfied,
    string? SubmitterReply, int ReopenCount, int Version, IReadOnlyList<string> AllowedTriggers, IReadOnlyList<PaknHistoryView> History,
    string? ExternalId = null);

public sealed record PaknSubmitterView(string FullName, string Address, string Phone, string? Email, bool HasAccount);

/// <summary>The due instants (UTC) and the settings version they came from (its source and whether it was verified).</summary>
public sealed record PaknDeadlinesView(
    DateTime RefusalDueAt, DateTime FirstSupplementDueAt, DateTime ForwardDueAt, DateTime HandlingDueAt, DateOnly SettingsFrom,
    string SettingsSource, bool SettingsVerified);

/// <summary>The case's standing now (766 §5.2): handled on time or late, open within or past the deadline, per step.</summary>
public sealed record PaknTimelinessView(
    string Status, DateTime? HandledAt, bool? RefusalOnTime, bool? ForwardOnTime, bool? FirstSupplementOnTime, bool? HandlingOnTime,
    bool? PublicationOnTime);

public sealed record PaknReviewView(string Criterion, string Verdict, string? Note);

public sealed record PaknHistoryView(int Sequence, DateTime At, string Trigger, string? From, string To, string ActorRole, string? Note, string? Detail);

/// <summary>What anyone with the tracking code reads: no personal data; the answer once published.</summary>
public sealed record PaknPublicView(
    string TrackingCode, string Kind, string Status, string Stage, string Subject, DateTime SubmittedAt, DateTime HandlingDueAt,
    string? PublishedAnswer, DateTime? PublishedAt, int Likes, int Dislikes, bool AwaitingSupplement, bool MayReply);

/// <summary>One row of the staff work list.</summary>
public sealed record PaknRow(
    Guid Id, string TrackingCode, string Kind, string Status, string Subject, Guid HandlingUnitId, DateTime SubmittedAt, DateTime HandlingDueAt,
    string Due, string? Classification);

internal static class PaknViewMapping
{
    public static PaknView ToView(PaknCase c, PaknTimeliness? timeliness, IReadOnlyList<PaknTrigger> allowed) => new(
        c.Id, c.TrackingCode.Format(), c.Kind.ToString(), c.Channel.ToString(), c.Status.ToString(), PaknWorkflow.Stage(c.Status).ToString(),
        new PaknSubmitterView(c.Submitter.FullName, c.Submitter.Address, c.Submitter.Phone, c.Submitter.Email, c.Submitter.AccountId is not null),
        c.Subject, c.Content, c.DossierId, c.ProcedureCode?.Value, c.ReceivingUnitId, c.HandlingUnitId, [.. c.Categories.Select(x => (int)x)],
        c.Classification?.ToString(), c.SubmittedAt, c.ClockStartedAt, Deadlines(c.Deadlines), timeliness is null ? null : Timeliness(timeliness),
        c.PendingSupplementRequest, c.RefusalReason, c.ForwardedToName,
        [.. c.Review.Select(r => new PaknReviewView(r.Criterion.ToString(), r.Verdict.ToString(), r.Note))], c.AnswerText, c.DecisionForm?.ToString(),
        c.DecidedAt, c.PublishedAnswer, c.PublishedAt, c.PublicationDueAt, c.Likes, c.Dislikes, c.SubmitterSatisfied, c.SubmitterReply,
        c.ReopenCount, c.Version, [.. allowed.Select(t => t.ToString())],
        [.. c.History.OrderBy(h => h.Sequence).Select(h => new PaknHistoryView(
            h.Sequence, h.At, h.Trigger.ToString(), h.From?.ToString(), h.To.ToString(), h.ActorRole.ToString(), h.Note, h.Detail))],
        c.ExternalId);

    public static PaknPublicView ToPublic(PaknCase c) => new(
        c.TrackingCode.Format(), c.Kind.ToString(), c.Status.ToString(), PaknWorkflow.Stage(c.Status).ToString(),
        PaknRedaction.Redact(c.Subject, c.Submitter), c.SubmittedAt, c.Deadlines.HandlingDueAtUtc,
        c.Status == PaknStatus.Published ? c.PublishedAnswer : null, c.Status == PaknStatus.Published ? c.PublishedAt : null,
        c.Likes, c.Dislikes, c.Status == PaknStatus.SupplementRequested, c.Status == PaknStatus.Published);

    private static PaknDeadlinesView Deadlines(PaknDeadlines d) => new(
        d.RefusalDueAtUtc, d.FirstSupplementDueAtUtc, d.ForwardDueAtUtc, d.HandlingDueAtUtc, d.Settings.EffectiveFrom, d.Settings.Source,
        d.Settings.Verified);

    private static PaknTimelinessView Timeliness(PaknTimeliness t) => new(
        t.Status.ToString(), t.HandledAtUtc, t.RefusalOnTime, t.ForwardOnTime, t.FirstSupplementOnTime, t.HandlingOnTime, t.PublicationOnTime);
}
