using MotCua.Domain.ParIndex;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Configuration section <c>ParIndex:Remediation</c>: the province's choices on remediation plans.</summary>
public sealed class ParRemediationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ParIndex:Remediation";

    /// <summary>The fewest points a sub-criterion must have lost to get an item; 0 (the default): any lost point.</summary>
    public decimal MinLostPoints { get; set; }

    /// <summary>How many days before an item's deadline its owner is reminded (and every day after it until done, for
    /// <see cref="ParRemediationReminderWriter.DaysAfter"/> days).</summary>
    public int ReminderDaysBefore { get; set; } = 7;
}

/// <summary>POST /parindex/remediation/plans: the unit's plan under an issued framework, generated from its final result
/// when missing.</summary>
public sealed record OpenRemediationPlanRequest(Guid? Framework, Guid? Unit);

/// <summary>POST /parindex/remediation/plans/{id}/regenerate: generate again from the final result (entries kept).</summary>
public sealed record RegenerateRemediationPlanRequest(int? Revision);

/// <summary>PUT /parindex/remediation/plans/{id}/items/{code}: every field of the item (actions, owner, deadline, status
/// <c>NotStarted</c>/<c>InProgress</c>/<c>Done</c>, evidence, notes) replaced.</summary>
public sealed record SaveRemediationItemRequest(
    int? Revision, string? Actions, Guid? Owner, DateOnly? Deadline, string? Status, IReadOnlyList<ParEvidenceRequest?>? Evidence, string? Notes);

/// <summary>POST /parindex/remediation/plans/{id}/approve: the unit's head approves, confirming.</summary>
public sealed record ApproveRemediationPlanRequest(int? Revision, bool? Confirm);

/// <summary>POST /parindex/remediation/plans/{id}/comments: Home Affairs' comment on the plan or one item (its code).</summary>
public sealed record CommentRemediationPlanRequest(int? Revision, string? Text, string? Item);

/// <summary>A staff user of the unit who may own an item.</summary>
public sealed record ParRemediationOwnerView(Guid Id, string Name);

/// <summary>One item of a plan, with its sub-criterion's names and whether it is overdue today.</summary>
public sealed record ParRemediationItemView(
    Guid Id, string Code, string Name, string Area, string AreaName, decimal MaxPoints, decimal Points, decimal Lost, bool Weak, string? Actions,
    Guid? Owner, string? OwnerName, DateOnly? Deadline, string Status, bool Overdue, IReadOnlyList<ParEvidence> Evidence, string? Notes, DateTime? CompletedAt);

/// <summary>One entry of a plan's audit trail: for a comment, its text; for an item's change, the item after (JSON); for a
/// generation, the weak codes.</summary>
public sealed record ParRemediationEventView(string Kind, Guid UserId, string? UserName, DateTime At, string? Item, string? Text);

/// <summary>A unit's remediation plan.</summary>
public sealed record ParRemediationPlanView(
    Guid Id, Guid FrameworkId, string FrameworkName, int Year, string Level, Guid UnitId, string UnitName, string Status, int Revision,
    DateTime CreatedAt, DateTime GeneratedAt, DateTime? ApprovedAt, Guid? ApprovedBy, Guid? AssessmentId, DateOnly Today,
    bool MayEdit, bool MayApprove, bool MayComment, bool MayRegenerate, ParRemediationRollup Rollup,
    IReadOnlyList<ParRemediationItemView> Items, IReadOnlyList<ParRemediationOwnerView> Owners, IReadOnlyList<ParRemediationEventView> Events);

/// <summary>One unit on the board: its self-assessment's status, its plan (status, roll-up) and what the caller may do.</summary>
public sealed record ParRemediationBoardRow(
    Guid UnitId, string UnitName, string AssessmentStatus, Guid? PlanId, string Status, bool MayGenerate, bool MayOpen, ParRemediationRollup? Rollup);

/// <summary>GET /parindex/remediation?framework=: the units the caller sees, each unit's roll-up and the province's.</summary>
public sealed record ParRemediationBoard(
    Guid FrameworkId, string FrameworkName, int Year, string Level, DateOnly Today, int Plans, ParRemediationRollup Total, IReadOnlyList<ParRemediationBoardRow> Units);

/// <summary>A completed item of an earlier plan that a self-assessment's sub-criterion may take as evidence.</summary>
public sealed record ParRemediationOffer(
    Guid ItemId, Guid PlanId, int Year, string Code, string? Actions, DateTime? CompletedAt, IReadOnlyList<ParEvidence> Evidence);
