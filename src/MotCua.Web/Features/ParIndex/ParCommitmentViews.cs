using MotCua.Domain.ParIndex;

namespace MotCua.Web.Features.ParIndex;

/// <summary>POST /parindex/commitments: the unit's commitment under an issued framework (created with the default proposal
/// when missing).</summary>
public sealed record OpenCommitmentRequest(Guid? Framework, Guid? Unit);

/// <summary>One area's target, a percentage of the area's applicable points (0–100, 2 decimals at most).</summary>
public sealed record CommitmentTargetRequest(string? Area, decimal? Percent);

/// <summary>PUT /parindex/commitments/{id}/targets: every committed area's target.</summary>
public sealed record SaveCommitmentTargetsRequest(int? Revision, IReadOnlyList<CommitmentTargetRequest?>? Targets);

/// <summary>POST /parindex/commitments/{id}/sign: the unit's head signs, confirming (<see cref="Confirm"/> must be true).</summary>
public sealed record SignCommitmentRequest(int? Revision, bool? Confirm);

/// <summary>POST /parindex/commitments/{id}/reopen: the province's Home Affairs reopens a signed commitment, with a reason.</summary>
public sealed record ReopenCommitmentRequest(int? Revision, string? Reason);

/// <summary>One area of a commitment: its group and default proposal, the target, and where the unit stands
/// (<see cref="ParAreaProgress"/>: applicable points, points, percentage, points the target needs, met, points missing).</summary>
public sealed record ParCommitmentAreaView(
    string Area, string Name, string Group, decimal Proposed, decimal Target, decimal? ApplicableMax, decimal? Points, decimal? Percent, decimal? Required,
    bool? Met, decimal? Gap);

/// <summary>One entry of a commitment's audit trail.</summary>
public sealed record ParCommitmentEventView(string Kind, Guid UserId, DateTime At, string? Reason);

/// <summary>A unit's commitment. <see cref="Basis"/> says what the progress is read from: <c>None</c> (no self-assessment
/// yet), <c>Estimate</c> (the self-assessment in draft: progress during the year) or <c>Final</c> (the submitted
/// self-assessment: the result against the commitment).</summary>
public sealed record ParCommitmentView(
    Guid Id, Guid FrameworkId, string FrameworkName, int Year, string Level, Guid UnitId, string UnitName, string Status, int Revision,
    DateTime CreatedAt, DateTime? SignedAt, Guid? SignedBy, string Basis, Guid? AssessmentId, int Met, int NotMet, bool MayEdit, bool MaySign,
    bool MayReopen, IReadOnlyList<ParCommitmentAreaView> Areas, IReadOnlyList<ParCommitmentEventView> Events);

/// <summary>A committed area's column on the board.</summary>
public sealed record ParCommitmentBoardArea(string Code, string Name, decimal Proposed);

/// <summary>One unit's area on the board: target and standing (<see cref="ParAreaProgress"/>).</summary>
public sealed record ParCommitmentBoardCell(string Area, decimal? Target, decimal? Percent, bool? Met, decimal? Gap);

/// <summary>One unit on the board: its commitment's status (<c>None</c>, <c>Draft</c>, <c>Signed</c>), what progress is read
/// from (<see cref="ParCommitmentView.Basis"/>), the met / not-met counts, one cell per area, and whether the caller may
/// open its commitment.</summary>
public sealed record ParCommitmentBoardRow(
    Guid UnitId, string UnitName, Guid? CommitmentId, string Status, DateTime? SignedAt, string Basis, int Met, int NotMet, bool MayOpen,
    IReadOnlyList<ParCommitmentBoardCell> Cells);

/// <summary>GET /parindex/commitments?framework=: the units the caller sees (every unit of the framework's level in the
/// province for its Home Affairs and administrators, else the caller's own), with how many have signed (<see cref="SignedCount"/>).</summary>
public sealed record ParCommitmentBoard(
    Guid FrameworkId, string FrameworkName, int Year, string Level, int SignedCount, IReadOnlyList<ParCommitmentBoardArea> Areas, IReadOnlyList<ParCommitmentBoardRow> Units);
