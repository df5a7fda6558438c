using System.Text.Json;
using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>Where a unit's assessment stands (domain.md §11.4 steps 3–5): self-assessment, appraisal, clarification,
/// the council's decision.</summary>
public enum ParAssessmentStatus
{
    /// <summary>The unit's officers enter self-scores, explanations and evidence.</summary>
    Draft,

    /// <summary>The head of unit signed it off: locked for the unit; the appraisers may start.</summary>
    Submitted,

    /// <summary>Appraisers (thẩm định) entered at least one appraised score; the unit does not see them yet.</summary>
    InAppraisal,

    /// <summary>Home Affairs sent the appraisal results to the unit, which answers (giải trình bổ sung).</summary>
    Clarification,

    /// <summary>The head of unit submitted the unit's answers; the council (hội đồng thẩm định) decides the final scores.</summary>
    ClarificationAnswered,

    /// <summary>The council's decision is final; changed only through an audited reopen by Home Affairs.</summary>
    Finalised,
}

/// <summary>Which step of the assessment a change of the audit trail was made in.</summary>
public enum ParChangeStage
{
    /// <summary>The unit's self-score.</summary>
    Self,

    /// <summary>An appraiser's score (or a merged survey figure).</summary>
    Appraisal,

    /// <summary>The unit's answer with a proposed score.</summary>
    Clarification,

    /// <summary>The council's final score.</summary>
    Council,

    /// <summary>Home Affairs reopened a finalised assessment (no sub-criterion; the reason says why).</summary>
    Reopen,
}

/// <summary>What a piece of evidence (tài liệu kiểm chứng) is.</summary>
public enum ParEvidenceKind
{
    /// <summary>A document in the content-addressed store, by its SHA-256 (64 hex digits).</summary>
    Document,

    /// <summary>A dossier, by its id.</summary>
    Dossier,

    /// <summary>A report run, by its id.</summary>
    ReportRun,

    /// <summary>The URL of a published decision (http or https).</summary>
    Url,

    /// <summary>A completed item of the unit's remediation plan of an earlier year, by its id
    /// (<see cref="ParRemediationItem.Id"/>).</summary>
    RemediationItem,
}

/// <summary>One piece of evidence attached to a sub-criterion.</summary>
public sealed record ParEvidence(ParEvidenceKind Kind, string Reference);

/// <summary>A figure MotCua computed for a system-sourced sub-criterion (<see cref="ParSystemFormulas"/>): the count in the
/// numerator and the denominator, the percentage they give (<see langword="null"/> when MotCua has no data for it), where
/// they come from and the period they cover.</summary>
public sealed record ParSystemFigure(string Formula, decimal Numerator, decimal Denominator, decimal? Percent, string Source, DateOnly From, DateOnly To);

/// <summary>A unit's self-assessment of one sub-criterion: the input the scorer reads (its <see cref="ParScoreInput.Note"/>
/// unused), the explanation and the evidence; for a system-sourced sub-criterion, the figure the input was computed from
/// (<paramref name="System"/>). Equal by content (the lists too), so a stored entry reads back equal.</summary>
/// <remarks>The appraisal adds the appraised input (<paramref name="Appraised"/>), the unit's clarification answer
/// (<paramref name="Answer"/>) and the council's final input (<paramref name="Council"/>).</remarks>
public sealed record ParAssessmentEntry(string SubCriterion, ParScoreInput Input, string? Explanation, IReadOnlyList<ParEvidence> Evidence,
    ParSystemFigure? System = null, ParAppraisedInput? Appraised = null, ParClarificationAnswer? Answer = null, ParAppraisedInput? Council = null)
{
    private static readonly JsonSerializerOptions EqualityJson = new();

    public bool Equals(ParAssessmentEntry? other) =>
        other is not null && JsonSerializer.Serialize(this, EqualityJson) == JsonSerializer.Serialize(other, EqualityJson);

    public override int GetHashCode() => HashCode.Combine(SubCriterion, Explanation, Evidence.Count);
}

/// <summary>One score change, kept for ever (domain.md §11.4: who, when, old and new value, reason).</summary>
public sealed class ParAssessmentChange
{
    private ParAssessmentChange()
    {
        SubCriterion = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    /// <summary>The sub-criterion's code.</summary>
    public string SubCriterion { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The input before (compact JSON), <see langword="null"/> when none was entered.</summary>
    public string? OldValue { get; private set; }

    /// <summary>The input after (compact JSON).</summary>
    public string? NewValue { get; private set; }

    /// <summary>The points before, when scored.</summary>
    public decimal? OldPoints { get; private set; }

    /// <summary>The points after, when scored.</summary>
    public decimal? NewPoints { get; private set; }

    /// <summary>Why it changed, as the officer said.</summary>
    public string? Reason { get; private set; }

    /// <summary>The step it was made in (the unit's self-score, the appraisal, the clarification, the council).</summary>
    public ParChangeStage Stage { get; private set; }

    internal static ParAssessmentChange Create(Guid assessmentId, string code, Guid userId, DateTime at, string? oldValue, string? newValue,
        decimal? oldPoints, decimal? newPoints, string? reason, ParChangeStage stage = ParChangeStage.Self) => new()
        {
            Stage = stage,
            Id = Guid.NewGuid(),
            AssessmentId = assessmentId,
            SubCriterion = code,
            UserId = userId,
            At = at,
            OldValue = oldValue,
            NewValue = newValue,
            OldPoints = oldPoints,
            NewPoints = newPoints,
            Reason = reason,
        };
}

/// <summary>The assessment is submitted and locked (<c>par.assessment_submitted</c>).</summary>
public sealed record ParAssessmentSubmitted()
    : Error("par.assessment_submitted", "Bản tự đánh giá đã nộp, không sửa được; chỉ sửa qua giải trình khi thẩm định.");

/// <summary>Only an issued framework is assessed (<c>par.framework_not_issued</c>).</summary>
public sealed record ParFrameworkNotIssued()
    : Error("par.framework_not_issued", "Bộ chỉ số chưa ban hành, chưa tự đánh giá được.");

/// <summary>The self-assessment deadline has passed and the province refuses late submissions (<c>par.deadline_passed</c>).</summary>
public sealed record ParDeadlinePassed(DateOnly Deadline)
    : Error("par.deadline_passed", $"Đã quá hạn nộp bản tự đánh giá ({Deadline:dd/MM/yyyy}).");

/// <summary>A self-assessment's problems (bad input, missing evidence): each under its path.</summary>
public sealed record ParAssessmentInvalid(IReadOnlyList<ParProblem> Problems)
    : Error("par.assessment_invalid", "Bản tự đánh giá còn lỗi: " + string.Join("; ", Problems.Select(p => p.Message.Text)));

/// <summary>One unit's self-assessment under one issued framework (domain.md §11.4 step 3): per sub-criterion a
/// self-score input, an explanation, evidence, or "not applicable"; every score change in <see cref="Changes"/>; the
/// head of unit submits it, then it is locked. Totals come from <see cref="ParScorer"/>.</summary>
public sealed partial class ParUnitAssessment
{
    /// <summary>Longest explanation, reason or evidence reference.</summary>
    public const int MaxExplanationLength = ParAssessmentJson.MaxNoteLength;

    public const int MaxReasonLength = 1000;

    public const int MaxReferenceLength = 2000;

    public const int MaxEvidence = 20;

    private static readonly JsonSerializerOptions ValueJson = new(ParFrameworkJson.Options) { WriteIndented = false };

    private IReadOnlyList<ParAssessmentEntry> _items = [];
    private readonly List<ParAssessmentChange> _changes = [];

    private ParUnitAssessment()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The issued framework it is scored by.</summary>
    public Guid FrameworkId { get; private set; }

    /// <summary>The assessed unit (a department or a commune).</summary>
    public Guid UnitId { get; private set; }

    public ParAssessmentStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    /// <summary>Optimistic-concurrency token, incremented by every change.</summary>
    public int Revision { get; private set; }

    /// <summary>The entries, one per sub-criterion entered, in the order first entered.</summary>
    public IReadOnlyList<ParAssessmentEntry> Items => _items;

    /// <summary>The audit trail of score changes, oldest first.</summary>
    public IReadOnlyList<ParAssessmentChange> Changes => _changes;

    /// <summary>A new draft for <paramref name="unitId"/> under an issued framework.</summary>
    public static Result<ParUnitAssessment> Create(Guid id, ParFramework framework, Guid unitId, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (framework.Status != ParFrameworkStatus.Issued)
        {
            return new ParFrameworkNotIssued();
        }

        return new ParUnitAssessment
        {
            Id = id,
            FrameworkId = framework.Id,
            UnitId = unitId,
            Status = ParAssessmentStatus.Draft,
            CreatedAt = at,
            CreatedBy = userId,
            Revision = 1,
        };
    }

    /// <summary>The inputs by sub-criterion code, as the scorer takes them.</summary>
    public IReadOnlyDictionary<string, ParScoreInput> Inputs => _items.ToDictionary(i => i.SubCriterion, i => i.Input, StringComparer.Ordinal);

    /// <summary>The totals under <paramref name="framework"/> (problems when an input no longer fits).</summary>
    public (ParResult? Result, IReadOnlyList<ParProblem> Problems) Score(ParFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return ParScorer.Score(framework.Tree, framework.Level, Inputs);
    }

    /// <summary>The inputs the unit's result is scored from (domain.md §11.4 steps 4–6): per sub-criterion the council's
    /// final input, else the appraised input (an appraiser's or a merged survey figure), else the unit's self-score.
    /// Results, ranking, commitments' final progress, remediation plans and the CCHC report read these, never
    /// <see cref="Inputs"/> directly.</summary>
    public IReadOnlyDictionary<string, ParScoreInput> FinalInputs =>
        _items.ToDictionary(i => i.SubCriterion, i => i.Council?.Input ?? i.Appraised?.Input ?? i.Input, StringComparer.Ordinal);

    /// <summary>The result under <paramref name="framework"/> from <see cref="FinalInputs"/>.</summary>
    public (ParResult? Result, IReadOnlyList<ParProblem> Problems) ScoreFinal(ParFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return ParScorer.Score(framework.Tree, framework.Level, FinalInputs);
    }

    /// <summary>Enters (or replaces) the self-assessment of sub-criterion <paramref name="code"/>; a change of the input
    /// adds an entry to the audit trail. Refused once submitted, and when the input, explanation or evidence do not fit.</summary>
    public Result<ParUnitAssessment> Save(ParFramework framework, string code, ParScoreInput input, string? explanation,
        IReadOnlyList<ParEvidence>? evidence, string? reason, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(input);
        if (Status != ParAssessmentStatus.Draft)
        {
            return new ParAssessmentSubmitted();
        }

        input = input with { Note = null };
        explanation = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim();
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var list = evidence ?? [];
        var problems = new List<ParProblem>();
        if (framework.Tree.Find(code) is null)
        {
            problems.Add(new($"items.{code}", new FieldMessage("par.subcriterion_unknown", "Bộ chỉ số không có tiêu chí thành phần {0}.", code)));
            return new ParAssessmentInvalid(problems);
        }

        if (explanation is { Length: > MaxExplanationLength })
        {
            problems.Add(new("explanation", new FieldMessage("par.note_length", "Giải trình dài quá {0} ký tự.", MaxExplanationLength)));
        }

        if (reason is { Length: > MaxReasonLength })
        {
            problems.Add(new("reason", new FieldMessage("par.reason_length", "Lý do dài quá {0} ký tự.", MaxReasonLength)));
        }

        problems.AddRange(EvidenceProblems(list));

        var old = _items.FirstOrDefault(i => i.SubCriterion == code);
        if (framework.Tree.Find(code)!.Method.Kind == ParMethodKind.SystemSourced)
        {
            // Computed by MotCua (RefreshSystem): the unit explains and attaches evidence, never enters the figure.
            if (input.Given > 0 || input.NotApplicable)
            {
                problems.Add(new($"items.{code}", new FieldMessage("par.system_sourced",
                    "{0}: tiêu chí lấy số liệu từ hệ thống, đơn vị không tự nhập điểm.", code)));
                return new ParAssessmentInvalid(problems);
            }

            input = old?.Input ?? new ParScoreInput();
        }

        var (_, inputProblems) = ScoreOne(framework, code, input);
        problems.AddRange(inputProblems);
        if (problems.Count > 0)
        {
            return new ParAssessmentInvalid(problems);
        }

        var entry = new ParAssessmentEntry(code, input, explanation, [.. list.Select(e => e with { Reference = e.Reference.Trim() })], old?.System);
        var oldValue = old is null ? null : ValueText(old.Input);
        var newValue = ValueText(input);
        if (oldValue != newValue)
        {
            _changes.Add(ParAssessmentChange.Create(Id, code, userId, at, oldValue, newValue,
                old is null ? null : PointsOf(framework, code, old.Input), PointsOf(framework, code, input), reason));
        }

        _items = old is null ? [.. _items, entry] : [.. _items.Select(i => i.SubCriterion == code ? entry : i)];
        Revision++;
        return this;
    }

    /// <summary>The head of unit signs it off: every input must score and every applicable sub-criterion scored above 0
    /// whose framework entry requires evidence must have some (<c>par.evidence_required</c>); then it is locked.</summary>
    /// <remarks>After the framework's <see cref="ParFramework.SelfAssessmentDeadline"/> (a Vietnam date) it is refused
    /// when <paramref name="refuseLate"/> (<c>par.deadline_passed</c>), else accepted and <see cref="SubmittedLate"/>.</remarks>
    public Result<ParUnitAssessment> Submit(ParFramework framework, Guid userId, DateTime at, bool refuseLate = false)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (Status != ParAssessmentStatus.Draft)
        {
            return new ParAssessmentSubmitted();
        }

        if (refuseLate && framework.SelfAssessmentDeadline is { } deadline && Calendar.VietnamTime.BusinessDate(at) > deadline)
        {
            return new ParDeadlinePassed(deadline);
        }

        var problems = MissingEvidence(framework);
        if (problems.Count > 0)
        {
            return new ParAssessmentInvalid(problems);
        }

        Status = ParAssessmentStatus.Submitted;
        SubmittedAt = at;
        SubmittedBy = userId;
        Revision++;
        return this;
    }

    /// <summary>Whether it was submitted after the framework's deadline (Vietnam dates), or is still a draft past it.</summary>
    public bool Late(ParFramework framework, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return framework.SelfAssessmentDeadline is { } deadline && Calendar.VietnamTime.BusinessDate(SubmittedAt ?? now) > deadline;
    }

    /// <summary>Whether it was submitted after the framework's deadline.</summary>
    public bool SubmittedLate(ParFramework framework) => SubmittedAt is { } at && Late(framework, at);

    /// <summary>Puts MotCua's figures into the system-sourced sub-criteria that apply to the unit, as the scorer's
    /// percentage (none when MotCua has no data: unscored), keeping their explanation and evidence. A draft only: a
    /// submitted assessment keeps the figures it was submitted with. Changes neither the revision nor the audit trail
    /// (the figure is not the unit's input); the caller persists it with the next change, or shows it.</summary>
    /// <returns>Whether an entry changed.</returns>
    public bool RefreshSystem(ParFramework framework, Func<string, ParSystemFigure?> figureOf)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(figureOf);
        if (Status != ParAssessmentStatus.Draft)
        {
            return false;
        }

        var items = _items.ToList();
        var changed = false;
        foreach (var (_, _, sub) in framework.Tree.SubCriteria)
        {
            if (sub.Method.Kind != ParMethodKind.SystemSourced || !sub.AppliesToLevel(framework.Level) || sub.Method.Formula is not { } formula)
            {
                continue;
            }

            var figure = figureOf(formula);
            var input = figure?.Percent is { } percent ? new ParScoreInput(Percent: percent) : new ParScoreInput();
            var index = items.FindIndex(i => i.SubCriterion == sub.Code);
            var entry = index < 0
                ? new ParAssessmentEntry(sub.Code, input, null, [], figure)
                : items[index] with { Input = input, System = figure };
            if (index < 0)
            {
                items.Add(entry);
                changed = true;
            }
            else if (!entry.Equals(items[index]))
            {
                items[index] = entry;
                changed = true;
            }
        }

        _items = items;
        return changed;
    }

    /// <summary>The sub-criteria that stop submission: inputs that no longer score, and scores above 0 that need evidence
    /// and have none.</summary>
    public IReadOnlyList<ParProblem> MissingEvidence(ParFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var (result, problems) = Score(framework);
        if (result is null)
        {
            return problems;
        }

        var evidenceOf = _items.ToDictionary(i => i.SubCriterion, i => i.Evidence.Count, StringComparer.Ordinal);
        return [.. result.SubCriteria
            .Where(s => s is { Applicable: true, Scored: true } && s.Points > 0m && framework.Tree.Find(s.Code)! is { EvidenceRequired: true } sub
                && sub.Method.Kind != ParMethodKind.SystemSourced
                && evidenceOf.GetValueOrDefault(s.Code) == 0)
            .Select(s => new ParProblem($"items.{s.Code}", new FieldMessage("par.evidence_required",
                "{0}: tự chấm {1} điểm nên phải kèm tài liệu kiểm chứng.", s.Code, s.Points)))];
    }

    private static decimal? PointsOf(ParFramework framework, string code, ParScoreInput input)
    {
        var (result, _) = ScoreOne(framework, code, input);
        return result?.SubCriteria.Single(s => s.Code == code) is { Scored: true } s ? s.Points : null;
    }

    private static (ParResult? Result, IReadOnlyList<ParProblem> Problems) ScoreOne(ParFramework framework, string code, ParScoreInput input) =>
        ParScorer.Score(framework.Tree, framework.Level, new Dictionary<string, ParScoreInput>(StringComparer.Ordinal) { [code] = input });

    private static string ValueText(ParScoreInput input) => JsonSerializer.Serialize(input with { Note = null }, ValueJson);

    /// <summary>Whether <paramref name="evidence"/> is a well-formed reference of its kind.</summary>
    internal static bool EvidenceValid(ParEvidence? evidence) => evidence is { Reference: { } raw } && raw.Trim() is { Length: > 0 and <= MaxReferenceLength } r
        && evidence.Kind switch
        {
            ParEvidenceKind.Document => r.Length == 64 && r.All(char.IsAsciiHexDigitLower),
            ParEvidenceKind.Dossier or ParEvidenceKind.ReportRun or ParEvidenceKind.RemediationItem => Guid.TryParse(r, out _),
            ParEvidenceKind.Url => Uri.TryCreate(r, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
            _ => false,
        };
}
