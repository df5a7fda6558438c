using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>A score given by someone other than the unit: an appraiser's (or a merged survey figure, then
/// <paramref name="Source"/> names where it came from), or the council's final one; with the reason, who and when.</summary>
public sealed record ParAppraisedInput(ParScoreInput Input, string? Reason, Guid By, DateTime At, string? Source = null);

/// <summary>The unit's answer to the appraisal of one sub-criterion (giải trình bổ sung, domain.md §11.3): the
/// explanation, further evidence and the score it proposes (<see langword="null"/>: it explains without proposing).</summary>
public sealed record ParClarificationAnswer(string Text, IReadOnlyList<ParEvidence> Evidence, ParScoreInput? Proposed, Guid By, DateTime At);

/// <summary>The step is not open in the assessment's state (<c>par.assessment_state</c>).</summary>
public sealed record ParAssessmentWrongState(ParAssessmentStatus Status, string Action)
    : Error("par.assessment_state", $"Bản đánh giá đang ở bước {Status}, không {Action} được.");

/// <summary>The appraisal of a submitted self-assessment (domain.md §11.4 steps 4–5): appraised scores with reasons,
/// the clarification round (the unit's answers with evidence and a proposed score), the council's final scores, and
/// finalisation. Every score change goes into the same audit trail (<see cref="ParAssessmentChange.Stage"/>).</summary>
public sealed partial class ParUnitAssessment
{
    /// <summary>When Home Affairs sent the appraisal results to the unit.</summary>
    public DateTime? ClarificationSentAt { get; private set; }

    public Guid? ClarificationSentBy { get; private set; }

    /// <summary>When the head of unit submitted the unit's answers.</summary>
    public DateTime? AnsweredAt { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    /// <summary>When the council's decision was made final.</summary>
    public DateTime? FinalisedAt { get; private set; }

    public Guid? FinalisedBy { get; private set; }

    /// <summary>Whether the unit sees the appraisal (appraised scores and reasons): from the clarification on.</summary>
    public bool AppraisalVisibleToUnit => Status is ParAssessmentStatus.Clarification or ParAssessmentStatus.ClarificationAnswered or ParAssessmentStatus.Finalised;

    /// <summary>An appraiser's score of sub-criterion <paramref name="code"/> with the reason (required when it differs
    /// from the self-score). Open on a submitted assessment and while in appraisal; the first one starts the appraisal.
    /// <paramref name="source"/> names a merged survey figure's origin.</summary>
    public Result<ParUnitAssessment> Appraise(ParFramework framework, string code, ParScoreInput input, string? reason, Guid userId, DateTime at,
        string? source = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(input);
        if (Status is not (ParAssessmentStatus.Submitted or ParAssessmentStatus.InAppraisal))
        {
            return new ParAssessmentWrongState(Status, "thẩm định");
        }

        input = input with { Note = null };
        reason = Trimmed(reason);
        var problems = Known(framework, code);
        if (problems.Count == 0)
        {
            problems.AddRange(ScoreOne(framework, code, input).Problems);
            problems.AddRange(ReasonProblems(reason, required: false));
        }

        var old = _items.FirstOrDefault(i => i.SubCriterion == code);
        var selfPoints = old is null ? null : PointsOf(framework, code, old.Input);
        if (problems.Count == 0 && reason is null && source is null && PointsOf(framework, code, input) != selfPoints)
        {
            problems.Add(new("reason", new FieldMessage("par.reason_differs", "Phải nêu lý do khi điểm khác điểm tự đánh giá.")));
        }

        if (problems.Count > 0)
        {
            return new ParAssessmentInvalid(problems);
        }

        var before = old?.Appraised?.Input ?? old?.Input;
        var entry = (old ?? new ParAssessmentEntry(code, new ParScoreInput(), null, [])) with
        {
            Appraised = new ParAppraisedInput(input, reason ?? source, userId, at, source),
        };
        Record(framework, code, before, input, reason ?? source, userId, at, ParChangeStage.Appraisal);
        Put(entry);
        Status = ParAssessmentStatus.InAppraisal;
        Revision++;
        return this;
    }

    /// <summary>Puts a survey figure (<paramref name="value"/> on the sub-criterion's scale) as the appraised input of a
    /// survey-scored sub-criterion, with its source; not over an appraiser's own score, and nothing when it is already
    /// there. Open while the appraisal is (<see cref="Appraise"/>).</summary>
    /// <returns>Whether the assessment changed.</returns>
    public Result<bool> MergeSurvey(ParFramework framework, string code, decimal value, string source, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var old = _items.FirstOrDefault(i => i.SubCriterion == code);
        if (old?.Appraised is { Source: null } || (old?.Appraised?.Input.Value == value && old.Appraised.Source == source))
        {
            return false;
        }

        var merged = Appraise(framework, code, new ParScoreInput(Value: value), null, userId, at, source.Trim());
        return merged.IsSuccess ? true : merged.Error;
    }

    /// <summary>Home Affairs sends the appraisal results to the unit: from now the unit sees the appraised scores and
    /// reasons and may answer. Open on a submitted assessment (nothing to adjust) or in appraisal.</summary>
    public Result<ParUnitAssessment> SendForClarification(Guid userId, DateTime at)
    {
        if (Status is not (ParAssessmentStatus.Submitted or ParAssessmentStatus.InAppraisal))
        {
            return new ParAssessmentWrongState(Status, "gửi kết quả thẩm định");
        }

        Status = ParAssessmentStatus.Clarification;
        ClarificationSentAt = at;
        ClarificationSentBy = userId;
        Revision++;
        return this;
    }

    /// <summary>The unit's answer on an appraised sub-criterion: the explanation (required), further evidence and the
    /// score it proposes; a later answer replaces it while the clarification is open. A proposed score goes into the
    /// audit trail.</summary>
    public Result<ParUnitAssessment> Answer(ParFramework framework, string code, string? text, IReadOnlyList<ParEvidence>? evidence,
        ParScoreInput? proposed, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (Status != ParAssessmentStatus.Clarification)
        {
            return new ParAssessmentWrongState(Status, "giải trình");
        }

        text = Trimmed(text);
        proposed = proposed is null || (proposed.Given == 0 && !proposed.NotApplicable) ? null : proposed with { Note = null };
        var list = evidence ?? [];
        var problems = Known(framework, code);
        var old = _items.FirstOrDefault(i => i.SubCriterion == code);
        if (problems.Count == 0 && old?.Appraised is null)
        {
            problems.Add(new($"items.{code}", new FieldMessage("par.not_appraised", "{0}: tiêu chí thành phần chưa được thẩm định, không cần giải trình.", code)));
        }

        if (text is null)
        {
            problems.Add(new("text", new FieldMessage("par.answer_required", "Phải nhập nội dung giải trình.")));
        }
        else if (text.Length > MaxExplanationLength)
        {
            problems.Add(new("text", new FieldMessage("par.note_length", "Giải trình dài quá {0} ký tự.", MaxExplanationLength)));
        }

        problems.AddRange(EvidenceProblems(list));
        if (problems.Count == 0 && proposed is not null)
        {
            problems.AddRange(ScoreOne(framework, code, proposed).Problems);
        }

        if (problems.Count > 0)
        {
            return new ParAssessmentInvalid(problems);
        }

        if (proposed is not null && (old!.Answer?.Proposed is not { } earlier || ValueText(earlier) != ValueText(proposed)))
        {
            Record(framework, code, old.Answer?.Proposed ?? old.Appraised!.Input, proposed, Cut(text!), userId, at, ParChangeStage.Clarification);
        }

        Put(old! with { Answer = new ParClarificationAnswer(text!, [.. list.Select(e => e with { Reference = e.Reference.Trim() })], proposed, userId, at) });
        Revision++;
        return this;
    }

    /// <summary>The head of unit submits the unit's answers (none: the unit accepts the appraisal); the council decides next.</summary>
    public Result<ParUnitAssessment> SubmitAnswer(Guid userId, DateTime at)
    {
        if (Status != ParAssessmentStatus.Clarification)
        {
            return new ParAssessmentWrongState(Status, "nộp giải trình");
        }

        Status = ParAssessmentStatus.ClarificationAnswered;
        AnsweredAt = at;
        AnsweredBy = userId;
        Revision++;
        return this;
    }

    /// <summary>The council's final score of a sub-criterion, with the required reason, once the unit answered.</summary>
    public Result<ParUnitAssessment> Decide(ParFramework framework, string code, ParScoreInput input, string? reason, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(input);
        if (Status != ParAssessmentStatus.ClarificationAnswered)
        {
            return new ParAssessmentWrongState(Status, "ghi kết luận của hội đồng");
        }

        input = input with { Note = null };
        reason = Trimmed(reason);
        var problems = Known(framework, code);
        if (problems.Count == 0)
        {
            problems.AddRange(ScoreOne(framework, code, input).Problems);
            problems.AddRange(ReasonProblems(reason, required: true));
        }

        if (problems.Count > 0)
        {
            return new ParAssessmentInvalid(problems);
        }

        var old = _items.FirstOrDefault(i => i.SubCriterion == code) ?? new ParAssessmentEntry(code, new ParScoreInput(), null, []);
        Record(framework, code, old.Council?.Input ?? old.Appraised?.Input ?? old.Input, input, reason, userId, at, ParChangeStage.Council);
        Put(old with { Council = new ParAppraisedInput(input, reason, userId, at) });
        Revision++;
        return this;
    }

    /// <summary>The council's decision becomes final: nothing changes afterwards except through <see cref="Reopen"/>.</summary>
    public Result<ParUnitAssessment> Finalise(ParFramework framework, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (Status != ParAssessmentStatus.ClarificationAnswered)
        {
            return new ParAssessmentWrongState(Status, "chốt kết quả");
        }

        var (_, problems) = ScoreFinal(framework);
        if (problems.Count > 0)
        {
            return new ParAssessmentInvalid(problems);
        }

        Status = ParAssessmentStatus.Finalised;
        FinalisedAt = at;
        FinalisedBy = userId;
        Revision++;
        return this;
    }

    /// <summary>Home Affairs reopens a finalised assessment to fix a mistake: back to the council's step, with the
    /// required reason in the audit trail.</summary>
    public Result<ParUnitAssessment> Reopen(string? reason, Guid userId, DateTime at)
    {
        if (Status != ParAssessmentStatus.Finalised)
        {
            return new ParAssessmentWrongState(Status, "mở lại");
        }

        reason = Trimmed(reason);
        var problems = ReasonProblems(reason, required: true);
        if (problems.Count > 0)
        {
            return new ParAssessmentInvalid(problems);
        }

        _changes.Add(ParAssessmentChange.Create(Id, string.Empty, userId, at, null, null, null, null, reason, ParChangeStage.Reopen));
        Status = ParAssessmentStatus.ClarificationAnswered;
        FinalisedAt = null;
        FinalisedBy = null;
        Revision++;
        return this;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Cut(string text) => text.Length <= MaxReasonLength ? text : text[..MaxReasonLength];

    private static List<ParProblem> Known(ParFramework framework, string code) => framework.Tree.Find(code) is null
        ? [new($"items.{code}", new FieldMessage("par.subcriterion_unknown", "Bộ chỉ số không có tiêu chí thành phần {0}.", code))]
        : [];

    private static List<ParProblem> ReasonProblems(string? reason, bool required) => reason switch
    {
        null when required => [new("reason", new FieldMessage("par.reason_required", "Phải nêu lý do."))],
        { Length: > MaxReasonLength } => [new("reason", new FieldMessage("par.reason_length", "Lý do dài quá {0} ký tự.", MaxReasonLength))],
        _ => [],
    };

    private static List<ParProblem> EvidenceProblems(IReadOnlyList<ParEvidence> list)
    {
        var problems = new List<ParProblem>();
        if (list.Count > MaxEvidence)
        {
            problems.Add(new("evidence", new FieldMessage("par.evidence_too_many", "Mỗi tiêu chí thành phần có tối đa {0} tài liệu kiểm chứng.", MaxEvidence)));
        }

        for (var i = 0; i < list.Count && i < MaxEvidence; i++)
        {
            if (!EvidenceValid(list[i]))
            {
                problems.Add(new($"evidence[{i}]", new FieldMessage("par.evidence_invalid",
                    "Tài liệu kiểm chứng phải là mã SHA-256 của tài liệu, mã hồ sơ, mã lần chạy báo cáo hoặc đường dẫn http(s) của quyết định đã công bố.")));
            }
        }

        return problems;
    }

    private void Record(ParFramework framework, string code, ParScoreInput? before, ParScoreInput after, string? reason, Guid userId, DateTime at,
        ParChangeStage stage) =>
        _changes.Add(ParAssessmentChange.Create(Id, code, userId, at, before is null ? null : ValueText(before), ValueText(after),
            before is null ? null : PointsOf(framework, code, before), PointsOf(framework, code, after), reason, stage));

    private void Put(ParAssessmentEntry entry) =>
        _items = _items.Any(i => i.SubCriterion == entry.SubCriterion)
            ? [.. _items.Select(i => i.SubCriterion == entry.SubCriterion ? entry : i)]
            : [.. _items, entry];
}
