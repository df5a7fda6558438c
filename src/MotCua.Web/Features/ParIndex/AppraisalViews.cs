using MotCua.Domain.ParIndex;

namespace MotCua.Web.Features.ParIndex;

/// <summary>PUT /parindex/frameworks/{id}/appraisal/areas/{area}: who appraises the area (<c>Appraisers</c> or a
/// <c>Council</c> with its <see cref="Chair"/> among the members); <see cref="Revision"/> 0 for a new assignment.</summary>
public sealed record AssignAppraisalRequest(int? Revision, string? Kind, IReadOnlyList<Guid>? Members, Guid? Chair);

/// <summary>The scorer's inputs of a request: one of them (<c>score</c> in points, or the value the method reads), or
/// <c>notApplicable</c>.</summary>
public interface IParInputRequest
{
    decimal? Score { get; }

    bool? Done { get; }

    IReadOnlyList<string>? CheckedRows { get; }

    string? Tier { get; }

    decimal? Percent { get; }

    int? Violations { get; }

    int? Count { get; }

    decimal? Value { get; }

    bool? NotApplicable { get; }
}

internal static class ParInputRequests
{
    public static ParScoreInput Input(this IParInputRequest r) =>
        new(r.Score, r.Done, r.CheckedRows, r.Tier, r.Percent, r.Violations, r.Count, r.Value, r.NotApplicable ?? false);
}

/// <summary>PUT …/appraisal/items/{code}: an appraiser's score (one of the scorer's inputs) and the reason (required when
/// the points differ from the self-score).</summary>
public sealed record AppraiseItemRequest(
    int? Revision, decimal? Score, bool? Done, IReadOnlyList<string>? CheckedRows, string? Tier, decimal? Percent, int? Violations, int? Count,
    decimal? Value, bool? NotApplicable, string? Reason) : IParInputRequest;

/// <summary>PUT …/council/items/{code}: the council's final score (one of the scorer's inputs) and the required reason.</summary>
public sealed record DecideItemRequest(
    int? Revision, decimal? Score, bool? Done, IReadOnlyList<string>? CheckedRows, string? Tier, decimal? Percent, int? Violations, int? Count,
    decimal? Value, bool? NotApplicable, string? Reason) : IParInputRequest;

/// <summary>The unit's answer on an appraised sub-criterion (giải trình bổ sung): the explanation, further evidence, and
/// optionally the score it proposes (one of the scorer's inputs).</summary>
public sealed record AnswerItemRequest(
    int? Revision, string? Text, IReadOnlyList<ParEvidenceRequest?>? Evidence, decimal? Score, bool? Done, IReadOnlyList<string>? CheckedRows,
    string? Tier, decimal? Percent, int? Violations, int? Count, decimal? Value, bool? NotApplicable) : IParInputRequest;

/// <summary>POST …/appraisal/send: Home Affairs sends the appraisal results to the unit.</summary>
public sealed record SendForClarificationRequest(int? Revision);

/// <summary>POST …/clarification/submit: the head of unit submits the unit's answers.</summary>
public sealed record SubmitClarificationRequest(int? Revision);

/// <summary>POST …/finalise: the council's decision becomes final.</summary>
public sealed record FinaliseAppraisalRequest(int? Revision);

/// <summary>POST /parindex/assessments/{id}/reopen: Home Affairs' reason.</summary>
public sealed record ReopenAppraisalRequest(int? Revision, string? Reason);

/// <summary>One imported survey figure: the unit, the survey-scored sub-criterion, the value on its scale, the source.</summary>
public sealed record SurveyFigureRequest(Guid? Unit, string? SubCriterion, decimal? Value, string? Source);

/// <summary>POST /parindex/frameworks/{id}/survey-figures.</summary>
public sealed record ImportSurveyFiguresRequest(IReadOnlyList<SurveyFigureRequest?>? Figures);

/// <summary>A member of an assignment, or a staff user who may be assigned.</summary>
public sealed record ParAppraiserView(Guid UserId, string Name);

/// <summary>Who appraises one area; <c>kind</c> null when no one is assigned yet.</summary>
public sealed record ParAppraisalAreaView(
    string Code, string Name, string? Kind, IReadOnlyList<ParAppraiserView> Members, Guid? Chair, int Revision, bool Mine);

/// <summary>One unit's assessment in the appraisal board.</summary>
public sealed record ParAppraisalUnitRow(Guid UnitId, string UnitName, Guid? AssessmentId, string Status, decimal? SelfTotal, decimal? FinalTotal);

/// <summary>GET /parindex/frameworks/{id}/appraisal: the areas with who appraises them, the units' assessments past
/// submission, and (for Home Affairs) the staff who may be assigned.</summary>
public sealed record ParAppraisalBoard(
    Guid FrameworkId, string FrameworkName, int Year, string Level, bool MayAssign, IReadOnlyList<ParAppraisalAreaView> Areas,
    IReadOnlyList<ParAppraisalUnitRow> Units, IReadOnlyList<ParAppraiserView> Staff, IReadOnlyList<ParSurveyFigureView> SurveyFigures);

/// <summary>An imported survey figure.</summary>
public sealed record ParSurveyFigureView(Guid UnitId, string SubCriterion, decimal Value, string Source, DateTime ImportedAt);

/// <summary>POST …/survey-figures: how many figures were stored and how many assessment entries they (and MotCua's SIPAS
/// index) changed.</summary>
public sealed record ParSurveyImportResult(int Imported, int Merged, IReadOnlyList<ParSurveyFigureView> Figures);

/// <summary>A score given by someone other than the unit, with its points.</summary>
public sealed record ParGivenScoreView(ParScoreInput Input, decimal? Points, string? Reason, string? Source, Guid By, DateTime At);

/// <summary>The unit's answer with the points of its proposal.</summary>
public sealed record ParAnswerView(string Text, IReadOnlyList<ParEvidence> Evidence, ParScoreInput? Proposed, decimal? ProposedPoints, Guid By, DateTime At);

/// <summary>One sub-criterion in the appraisal: the self-score, the appraised score and reason, the unit's answer, the
/// council's final score, the points counted, and what the caller may do on it.</summary>
public sealed record ParAppraisalLineView(
    string Code, string Area, string AreaName, string Criterion, string Name, decimal MaxPoints, string Method, bool Applicable,
    ParScoreInput? SelfInput, decimal? SelfPoints, string? Explanation, IReadOnlyList<ParEvidence> Evidence, ParGivenScoreView? Appraised,
    ParAnswerView? Answer, ParGivenScoreView? Council, decimal FinalPoints, bool MayAppraise, bool MayAnswer, bool MayDecide);

/// <summary>One change of the audit trail with its stage.</summary>
public sealed record ParAppraisalChangeView(
    string Stage, string SubCriterion, Guid UserId, DateTime At, string? OldValue, string? NewValue, decimal? OldPoints, decimal? NewPoints, string? Reason);

/// <summary>GET /parindex/assessments/{id}/appraisal: a unit's assessment in appraisal. A unit's officers see the
/// appraisal (appraised and final scores, reasons, their stages of the audit trail) only from the clarification on.</summary>
public sealed record ParAppraisalView(
    Guid Id, Guid FrameworkId, string FrameworkCode, int Year, Guid UnitId, string UnitName, string Status, int Revision,
    DateTime? SubmittedAt, DateTime? ClarificationSentAt, DateTime? AnsweredAt, DateTime? FinalisedAt, bool AppraisalShown,
    ParAssessmentTotals? SelfTotals, ParAssessmentTotals? FinalTotals, bool MaySend, bool MaySubmitAnswer, bool MayFinalise, bool MayReopen,
    IReadOnlyList<ParAppraisalLineView> Lines, IReadOnlyList<ParAppraisalChangeView> Changes);
