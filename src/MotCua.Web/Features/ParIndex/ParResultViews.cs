using MotCua.Domain.ParIndex;

namespace MotCua.Web.Features.ParIndex;

/// <summary>POST /parindex/results/{framework}/publish: Home Affairs confirms (<see cref="Confirm"/> must be true, having seen
/// the units not yet finished); a correction of published results needs a <see cref="Reason"/>.</summary>
public sealed record PublishResultsRequest(bool? Confirm, string? Reason);

/// <summary>A unit without a result: its assessment's state (<c>NotOpened</c>, <c>Draft</c>).</summary>
public sealed record ParNotFinishedUnit(Guid UnitId, string UnitName, string Status);

/// <summary>One publication of a framework's results: its number (1, then one more per correction), when, by whom (staff
/// views only) and why (a correction).</summary>
public sealed record ParPublicationRow(int Number, DateTime PublishedAt, Guid? PublishedBy, string? Reason);

/// <summary>GET /parindex/results?framework=: the live results (from each unit's <see cref="ParUnitAssessment.ScoreFinal"/>).
/// Home Affairs and administrators of the province see every unit; a unit's officers only their own units' lines.</summary>
public sealed record ParResultsView(
    Guid FrameworkId, string FrameworkName, int Year, string Level, string Status, bool Oversee, bool MayPublish, ParResultsTable Results,
    IReadOnlyList<ParNotFinishedUnit> NotFinished, IReadOnlyList<ParPublicationRow> Publications);

/// <summary>GET /parindex/published/{framework}: a publication's results exactly as published, and every publication of the
/// framework (<see cref="Latest"/> says whether this one is the one in force).</summary>
public sealed record ParPublishedView(
    Guid FrameworkId, Guid ProvinceUnitId, string ProvinceName, int Number, DateTime PublishedAt, string? Reason, bool Latest, ParResultsTable Results,
    IReadOnlyList<ParPublicationRow> Versions);

/// <summary>GET /parindex/published: one line per framework with published results (its latest publication).</summary>
public sealed record ParPublishedListRow(
    Guid FrameworkId, Guid ProvinceUnitId, string ProvinceName, int Year, string Level, string FrameworkName, int Number, DateTime PublishedAt,
    int Ranked, int Units);

/// <summary>GET /parindex/published/{framework}/comparison: this publication against the latest publication of the same
/// province and level for the year before (<see cref="PreviousFrameworkId"/> none: no results published last year).</summary>
public sealed record ParComparisonView(
    Guid FrameworkId, string FrameworkName, int Year, string Level, Guid? PreviousFrameworkId, int? PreviousNumber, ParComparison Comparison);

/// <summary>One lost sub-criterion in the simulator, named.</summary>
public sealed record ParSimulatorLine(
    string Code, string Name, string AreaCode, string AreaName, string CriterionCode, decimal MaxPoints, decimal Points, decimal Lost,
    ParSimulatedOutcome Alone, ParSimulatedOutcome Cumulative);

/// <summary>GET /parindex/results/{framework}/simulator?unit=: the unit's outcome now and per lost sub-criterion if it were
/// recovered. <see cref="Basis"/>: <c>None</c> (no assessment: every applicable sub-criterion counts as lost), <c>Estimate</c>
/// (a draft), <c>Final</c> (submitted). The rank is among the other units with a result.</summary>
public sealed record ParSimulatorView(
    Guid FrameworkId, string FrameworkName, int Year, string Level, Guid UnitId, string UnitName, string Basis, ParSimulatedOutcome Current,
    IReadOnlyList<ParSimulatorLine> Lines);
