using MotCua.Domain.ParIndex;

namespace MotCua.Web.Features.ParIndex;

/// <summary>POST /parindex/assessments: the unit's assessment under an issued framework (created when missing).</summary>
public sealed record OpenAssessmentRequest(Guid? Framework, Guid? Unit);

/// <summary>One piece of evidence: <c>Document</c> (sha256 of a stored document), <c>Dossier</c> or <c>ReportRun</c> (an
/// id), <c>Url</c> (a published decision).</summary>
public sealed record ParEvidenceRequest(string? Kind, string? Reference);

/// <summary>PUT /parindex/assessments/{id}/items/{code}: the self-score input (one of the scorer's inputs, or
/// <see cref="NotApplicable"/>), the explanation, the evidence, and the reason of a change.</summary>
public sealed record SaveAssessmentItemRequest(
    int? Revision,
    decimal? Score,
    bool? Done,
    IReadOnlyList<string>? CheckedRows,
    string? Tier,
    decimal? Percent,
    int? Violations,
    int? Count,
    decimal? Value,
    bool? NotApplicable,
    string? Explanation,
    IReadOnlyList<ParEvidenceRequest?>? Evidence,
    string? Reason);

/// <summary>POST /parindex/assessments/{id}/evidence: the stored file, as a sub-criterion's evidence names it.</summary>
public sealed record ParEvidenceUploaded(string Kind, string Reference, long Length, string ContentType);

/// <summary>POST /parindex/assessments/{id}/submit.</summary>
public sealed record SubmitAssessmentRequest(int? Revision);

/// <summary>One sub-criterion of the assessment: the framework's line (with the checklist rows or tiers the unit chooses
/// from), the unit's entry and the points; for a system-sourced one, the figure MotCua computed (<c>system</c>: numerator,
/// denominator, percentage, source and period), which the unit does not edit.</summary>
public sealed record ParAssessmentLineView(
    string Code, string Area, string AreaName, string Criterion, string CriterionName, string Name, decimal MaxPoints, string Method, bool EvidenceRequired, bool Applicable, bool Scored,
    decimal Points, ParScoreInput? Input, string? Explanation, IReadOnlyList<ParEvidence> Evidence, IReadOnlyList<ParChecklistRow> Rows,
    IReadOnlyList<ParTier> Tiers, string? Formula, ParSystemFigure? System);

/// <summary>One score change of the audit trail.</summary>
public sealed record ParAssessmentChangeView(
    string SubCriterion, Guid UserId, DateTime At, string? OldValue, string? NewValue, decimal? OldPoints, decimal? NewPoints, string? Reason);

/// <summary>The scorer's totals (<see cref="ParScorer"/>).</summary>
public sealed record ParAssessmentTotals(decimal ScoredTotal, decimal BonusPenalty, decimal Total, decimal ApplicableMax, decimal? Percentage, string? Band);

/// <summary>A unit's self-assessment with its totals, what stops submission and what the caller may do.</summary>
public sealed record ParAssessmentView(
    Guid Id,
    Guid FrameworkId,
    string FrameworkCode,
    int Year,
    string Level,
    Guid UnitId,
    string UnitName,
    string Status,
    int Revision,
    DateTime CreatedAt,
    DateTime? SubmittedAt,
    Guid? SubmittedBy,
    DateOnly? Deadline,
    int? DaysLeft,
    bool Late,
    bool MayEdit,
    bool MaySubmit,
    ParAssessmentTotals? Totals,
    IReadOnlyList<ParAssessmentLineView> Lines,
    IReadOnlyList<ParProblemView> Blocking,
    IReadOnlyList<ParAssessmentChangeView> Changes);

/// <summary>One unit a framework applies to, in Home Affairs' list: whether it opened and submitted its
/// self-assessment (<c>NotOpened</c>, <c>Draft</c>, <c>Submitted</c>), late or not, its self-scored totals, and whether
/// the caller is one of its officers (<c>mayOpen</c>: opens and fills it).</summary>
public sealed record ParAssessmentListRow(
    Guid UnitId, string UnitName, string UnitCode, Guid? AssessmentId, string Status, bool Late, DateTime? SubmittedAt, decimal? Total,
    decimal? Percentage, string? Band, bool MayOpen);

/// <summary>GET /parindex/assessments?framework=: every unit the framework applies to that the caller may see.</summary>
public sealed record ParAssessmentList(
    Guid FrameworkId, string FrameworkName, int Year, string Level, DateOnly? Deadline, int Submitted, int Late, IReadOnlyList<ParAssessmentListRow> Units);

internal static class ParAssessmentMapping
{
    public static ParAssessmentView ToView(ParUnitAssessment a, ParFramework framework, string unitName, bool mayEdit, bool maySubmit, DateTime now)
    {
        var (result, _) = a.Score(framework);
        var points = result?.SubCriteria.ToDictionary(s => s.Code, StringComparer.Ordinal) ?? [];
        var entries = a.Items.ToDictionary(i => i.SubCriterion, StringComparer.Ordinal);
        var lines = framework.Tree.SubCriteria.Select(x =>
        {
            var score = points.GetValueOrDefault(x.Sub.Code);
            var entry = entries.GetValueOrDefault(x.Sub.Code);
            return new ParAssessmentLineView(x.Sub.Code, x.Area.Code, x.Area.Name, x.Criterion.Code, x.Criterion.Name, x.Sub.Name, x.Sub.MaxPoints, x.Sub.Method.Kind.ToString(),
                x.Sub.EvidenceRequired, score?.Applicable ?? x.Sub.AppliesToLevel(framework.Level), score?.Scored ?? false, score?.Points ?? 0m,
                entry?.Input, entry?.Explanation, entry?.Evidence ?? [], x.Sub.Method.Rows, x.Sub.Method.Tiers,
                x.Sub.Method.Kind == ParMethodKind.SystemSourced ? x.Sub.Method.Formula : null, entry?.System);
        }).ToList();
        var totals = result is null ? null : new ParAssessmentTotals(result.ScoredTotal, result.BonusPenalty, result.Total, result.ApplicableMax,
            result.Percentage, result.Band?.Code);
        return new ParAssessmentView(a.Id, a.FrameworkId, framework.Code, framework.Year, framework.Level.ToString(), a.UnitId, unitName,
            a.Status.ToString(), a.Revision, a.CreatedAt, a.SubmittedAt, a.SubmittedBy, framework.SelfAssessmentDeadline,
            a.Status == ParAssessmentStatus.Draft && framework.SelfAssessmentDeadline is { } deadline
                ? deadline.DayNumber - Domain.Calendar.VietnamTime.BusinessDate(now).DayNumber : null,
            a.Late(framework, now), mayEdit, maySubmit, totals, lines,
            a.Status == ParAssessmentStatus.Draft ? [.. a.MissingEvidence(framework).Select(p => new ParProblemView(p.Path, p.Message.Code, p.Message.Text, false))] : [],
            // The appraisal's stages show here once the unit sees the appraisal (the appraisal page shows them to appraisers).
            [.. a.Changes.Where(c => c.Stage == ParChangeStage.Self || a.AppraisalVisibleToUnit).OrderBy(c => c.At).Select(c => new ParAssessmentChangeView(c.SubCriterion, c.UserId, c.At, c.OldValue, c.NewValue, c.OldPoints, c.NewPoints, c.Reason))]);
    }
}
