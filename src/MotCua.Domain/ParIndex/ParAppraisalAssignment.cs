using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>Who appraises an area: named appraisers, or a council (hội đồng thẩm định) with one chair.</summary>
public enum ParAppraisalKind
{
    /// <summary>One or more appraisers (staff users), each of whom appraises the area.</summary>
    Appraisers,

    /// <summary>A council: its members appraise the area; its chair also records the council's final scores.</summary>
    Council,
}

/// <summary>Home Affairs' assignment of one area of an issued framework (domain.md §11.4 step 4): its members appraise
/// the sub-criteria of that area in every unit's submitted assessment of the framework. One per (framework, area).</summary>
public sealed class ParAppraisalAssignment
{
    /// <summary>Most members of one assignment.</summary>
    public const int MaxMembers = 30;

    private IReadOnlyList<Guid> _members = [];

    private ParAppraisalAssignment()
    {
        Area = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FrameworkId { get; private set; }

    /// <summary>The area's code.</summary>
    public string Area { get; private set; }

    public ParAppraisalKind Kind { get; private set; }

    /// <summary>The appraisers, or the council's members (the chair among them).</summary>
    public IReadOnlyList<Guid> Members => _members;

    /// <summary>The council's chair; none for appraisers.</summary>
    public Guid? ChairId { get; private set; }

    public Guid AssignedBy { get; private set; }

    public DateTime AssignedAt { get; private set; }

    /// <summary>Optimistic-concurrency token, incremented by every change.</summary>
    public int Revision { get; private set; }

    /// <summary>Whether <paramref name="userId"/> appraises the area.</summary>
    public bool IsMember(Guid userId) => _members.Contains(userId);

    /// <summary>A new assignment of <paramref name="area"/> of an issued framework.</summary>
    public static Result<ParAppraisalAssignment> Create(Guid id, ParFramework framework, string area, ParAppraisalKind kind,
        IReadOnlyList<Guid> members, Guid? chair, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (framework.Status != ParFrameworkStatus.Issued)
        {
            return new ParFrameworkNotIssued();
        }

        var assignment = new ParAppraisalAssignment { Id = id, FrameworkId = framework.Id, Area = area };
        var problems = new List<ParProblem>();
        if (!framework.Tree.Areas.Any(a => a.Code == area))
        {
            problems.Add(new("area", new FieldMessage("par.area_unknown", "Bộ chỉ số không có lĩnh vực {0}.", area)));
            return new ParAssessmentInvalid(problems);
        }

        var changed = assignment.Change(kind, members, chair, userId, at);
        return changed.IsSuccess ? assignment : changed.Error;
    }

    /// <summary>Replaces who appraises the area: at least one member, no one twice; a council names its chair among its
    /// members, appraisers have none.</summary>
    public Result<ParAppraisalAssignment> Change(ParAppraisalKind kind, IReadOnlyList<Guid> members, Guid? chair, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(members);
        var problems = new List<ParProblem>();
        if (members.Count == 0 || members.Count > MaxMembers || members.Contains(Guid.Empty))
        {
            problems.Add(new("members", new FieldMessage("par.members_required", "Phải chọn từ 1 đến {0} người thẩm định.", MaxMembers)));
        }
        else if (members.Distinct().Count() != members.Count)
        {
            problems.Add(new("members", new FieldMessage("par.member_duplicate", "Một người được chọn hai lần.")));
        }

        if (kind == ParAppraisalKind.Council && (chair is not { } c || !members.Contains(c)))
        {
            problems.Add(new("chair", new FieldMessage("par.chair_required", "Hội đồng thẩm định phải có chủ tịch là một trong các thành viên.")));
        }
        else if (kind == ParAppraisalKind.Appraisers && chair is not null)
        {
            problems.Add(new("chair", new FieldMessage("par.chair_council_only", "Chỉ hội đồng thẩm định mới có chủ tịch.")));
        }

        if (problems.Count > 0)
        {
            return new ParAssessmentInvalid(problems);
        }

        Kind = kind;
        _members = [.. members];
        ChairId = chair;
        AssignedBy = userId;
        AssignedAt = at;
        Revision++;
        return this;
    }
}

/// <summary>A survey figure Home Affairs recorded for a unit and a survey-scored sub-criterion of a framework, from a
/// survey run by others (e.g. the province's sociological survey); merged into the assessment as the appraised input.
/// One per (framework, unit, sub-criterion); a later import replaces it.</summary>
public sealed class ParSurveyFigure
{
    /// <summary>Longest source text.</summary>
    public const int MaxSourceLength = 300;

    private ParSurveyFigure()
    {
        SubCriterion = string.Empty;
        Source = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FrameworkId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The sub-criterion's code (a <see cref="ParMethodKind.Survey"/> one).</summary>
    public string SubCriterion { get; private set; }

    /// <summary>The figure on the sub-criterion's scale.</summary>
    public decimal Value { get; private set; }

    /// <summary>Where it comes from (the survey, its organiser, the decision publishing it).</summary>
    public string Source { get; private set; }

    public Guid ImportedBy { get; private set; }

    public DateTime ImportedAt { get; private set; }

    /// <summary>A figure for <paramref name="code"/>: the sub-criterion must be survey-scored and the value on its scale;
    /// the source is required.</summary>
    public static Result<ParSurveyFigure> Create(Guid id, ParFramework framework, Guid unitId, string code, decimal value, string? source,
        Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var problems = Check(framework, code, value, source);
        return problems.Count > 0
            ? new ParAssessmentInvalid(problems)
            : new ParSurveyFigure
            {
                Id = id,
                FrameworkId = framework.Id,
                UnitId = unitId,
                SubCriterion = code,
                Value = value,
                Source = source!.Trim(),
                ImportedBy = userId,
                ImportedAt = at,
            };
    }

    /// <summary>Replaces the value and the source of an imported figure.</summary>
    public void Replace(ParSurveyFigure with)
    {
        ArgumentNullException.ThrowIfNull(with);
        (Value, Source, ImportedBy, ImportedAt) = (with.Value, with.Source, with.ImportedBy, with.ImportedAt);
    }

    private static List<ParProblem> Check(ParFramework framework, string code, decimal value, string? source)
    {
        var problems = new List<ParProblem>();
        if (framework.Tree.Find(code) is not { Method.Kind: ParMethodKind.Survey })
        {
            problems.Add(new("subCriterion", new FieldMessage("par.survey_only", "{0}: không phải tiêu chí thành phần chấm theo điều tra xã hội học.", code)));
        }
        else
        {
            problems.AddRange(ParScorer.Score(framework.Tree, framework.Level,
                new Dictionary<string, ParScoreInput>(StringComparer.Ordinal) { [code] = new ParScoreInput(Value: value) }).Problems
                .Select(p => p with { Path = "value" }));
        }

        if (string.IsNullOrWhiteSpace(source) || source.Trim().Length > MaxSourceLength)
        {
            problems.Add(new("source", new FieldMessage("par.source_required", "Phải ghi nguồn số liệu (tối đa {0} ký tự).", MaxSourceLength)));
        }

        return problems;
    }
}
