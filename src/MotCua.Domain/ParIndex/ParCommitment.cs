using System.Text.Json;
using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>Where a unit's commitment (cam kết) stands.</summary>
public enum ParCommitmentStatus
{
    /// <summary>Targets proposed and edited by the unit.</summary>
    Draft,

    /// <summary>The unit's head signed it: locked; only the province's Home Affairs reopens it (with a reason).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Signed as by a signature (ký), the state's name in the brief.")]
    Signed,
}

/// <summary>What happened to a commitment (its audit trail).</summary>
public enum ParCommitmentEventKind
{
    /// <summary>Opened with the default proposal.</summary>
    Opened,

    /// <summary>Targets changed.</summary>
    TargetsSaved,

    /// <summary>Signed by the unit's head.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Signed as by a signature (ký), the state's name in the brief.")]
    Signed,

    /// <summary>Reopened by the province's Home Affairs, with a reason.</summary>
    Reopened,
}

/// <summary>The group an area falls in for the default proposal (Cao Lãnh's 2023 plan: 100 % of the points in the
/// groups appraised by the competent authority with evidence, ≥ 95 % in the sociological-survey group, ≥ 90 %
/// elsewhere).</summary>
public enum ParAreaGroup
{
    /// <summary>Every sub-criterion is appraised by a named department (none from a survey): 100 %.</summary>
    Appraised,

    /// <summary>At least half of the area's points come from a survey: 95 %.</summary>
    Survey,

    /// <summary>Anything else: 90 %.</summary>
    Other,
}

/// <summary>One area's target: a percentage of the area's applicable points.</summary>
public sealed record ParCommitmentTarget(string Area, decimal Percent);

/// <summary>One entry of a commitment's audit trail, kept for ever: who, when, what, the reason (reopening) and the targets
/// after (compact JSON).</summary>
public sealed class ParCommitmentEvent
{
    private ParCommitmentEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid CommitmentId { get; private set; }

    public ParCommitmentEventKind Kind { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>Why it was reopened.</summary>
    public string? Reason { get; private set; }

    /// <summary>The targets after the event (compact JSON), when they changed.</summary>
    public string? Targets { get; private set; }

    internal static ParCommitmentEvent Create(Guid commitmentId, ParCommitmentEventKind kind, Guid userId, DateTime at, string? reason, string? targets) => new()
    {
        Id = Guid.NewGuid(),
        CommitmentId = commitmentId,
        Kind = kind,
        UserId = userId,
        At = at,
        Reason = reason,
        Targets = targets,
    };
}

/// <summary>The commitment is signed and locked (<c>par.commitment_signed</c>).</summary>
public sealed record ParCommitmentSigned()
    : Error("par.commitment_signed", "Cam kết đã ký, không sửa được; Sở Nội vụ của tỉnh có thể mở lại để sửa sai sót.");

/// <summary>Only a signed commitment is reopened (<c>par.commitment_not_signed</c>).</summary>
public sealed record ParCommitmentNotSigned()
    : Error("par.commitment_not_signed", "Cam kết chưa ký, không cần mở lại.");

/// <summary>A commitment's problems (targets, reason): each under its path.</summary>
public sealed record ParCommitmentInvalid(IReadOnlyList<ParProblem> Problems)
    : Error("par.commitment_invalid", "Cam kết còn lỗi: " + string.Join("; ", Problems.Select(p => p.Message.Text)));

/// <summary>A unit's commitment to the PAR Index of one issued framework (issue 11 §5; domain.md §11.4 step 9; Cao Lãnh's
/// "ký cam kết cải thiện chỉ số CCHC"): a target per scored area as a percentage of the area's applicable points, proposed
/// by default (<see cref="Proposal"/>) and edited by the unit, signed by its head (then locked), reopened only by the
/// province's Home Affairs with a reason. Every step is in <see cref="Events"/>. Progress and the final result against it
/// come from <see cref="ParCommitmentProgress"/>.</summary>
public sealed class ParCommitment
{
    public const int MaxReasonLength = ParUnitAssessment.MaxReasonLength;

    private static readonly JsonSerializerOptions TargetJson = new(ParFrameworkJson.Options) { WriteIndented = false };

    private IReadOnlyList<ParCommitmentTarget> _targets = [];
    private readonly List<ParCommitmentEvent> _events = [];

    private ParCommitment()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The issued framework whose areas are committed to.</summary>
    public Guid FrameworkId { get; private set; }

    /// <summary>The committing unit (a department or a commune).</summary>
    public Guid UnitId { get; private set; }

    public ParCommitmentStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>When the head signed it (the last signature after a reopening).</summary>
    public DateTime? SignedAt { get; private set; }

    /// <summary>The head who signed it.</summary>
    public Guid? SignedBy { get; private set; }

    /// <summary>Optimistic-concurrency token, incremented by every change.</summary>
    public int Revision { get; private set; }

    /// <summary>One target per committed area, in the framework's order.</summary>
    public IReadOnlyList<ParCommitmentTarget> Targets => _targets;

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<ParCommitmentEvent> Events => _events;

    /// <summary>The scored areas a unit of the framework's level commits to: those with a sub-criterion that applies to it
    /// (the bonus/penalty area has no maximum, so no target).</summary>
    public static IReadOnlyList<ParArea> CommittedAreas(ParFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return [.. framework.Tree.Areas.Where(a => !a.IsBonusPenalty
            && a.Criteria.SelectMany(c => c.SubCriteria).Any(s => s.AppliesToLevel(framework.Level)))];
    }

    /// <summary>The group of <paramref name="area"/> for a unit of <paramref name="level"/> (see <see cref="ParAreaGroup"/>):
    /// survey when survey-sourced or survey-scored sub-criteria carry at least half of the area's points, appraised when none
    /// does and every sub-criterion names its appraising department, otherwise other.</summary>
    public static ParAreaGroup GroupOf(ParArea area, ParLevel level)
    {
        ArgumentNullException.ThrowIfNull(area);
        var subs = area.Criteria.SelectMany(c => c.SubCriteria).Where(s => s.AppliesToLevel(level)).ToList();
        var total = subs.Sum(s => s.MaxPoints);
        var survey = subs.Where(IsSurvey).Sum(s => s.MaxPoints);
        if (total > 0m && survey * 2m >= total)
        {
            return ParAreaGroup.Survey;
        }

        return survey == 0m && subs.Count > 0 && subs.All(s => !string.IsNullOrWhiteSpace(s.AppraisingDepartment))
            ? ParAreaGroup.Appraised
            : ParAreaGroup.Other;
    }

    /// <summary>The default target of a group: 100, 95 or 90 %.</summary>
    public static decimal DefaultPercent(ParAreaGroup group) => group switch
    {
        ParAreaGroup.Appraised => 100m,
        ParAreaGroup.Survey => 95m,
        _ => 90m,
    };

    /// <summary>The default proposal the head may edit: each committed area at its group's default.</summary>
    public static IReadOnlyList<ParCommitmentTarget> Proposal(ParFramework framework) =>
        [.. CommittedAreas(framework).Select(a => new ParCommitmentTarget(a.Code, DefaultPercent(GroupOf(a, framework.Level))))];

    /// <summary>A new draft for <paramref name="unitId"/> under an issued framework, with the default proposal.</summary>
    public static Result<ParCommitment> Create(Guid id, ParFramework framework, Guid unitId, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (framework.Status != ParFrameworkStatus.Issued)
        {
            return new ParFrameworkNotIssued();
        }

        var commitment = new ParCommitment
        {
            Id = id,
            FrameworkId = framework.Id,
            UnitId = unitId,
            Status = ParCommitmentStatus.Draft,
            CreatedAt = at,
            CreatedBy = userId,
            Revision = 1,
            _targets = Proposal(framework),
        };
        commitment._events.Add(ParCommitmentEvent.Create(id, ParCommitmentEventKind.Opened, userId, at, null, TargetText(commitment._targets)));
        return commitment;
    }

    /// <summary>Replaces the targets: one per committed area (<c>par.commitment_area_missing</c>,
    /// <c>par.commitment_area_unknown</c>, <c>par.commitment_area_duplicate</c>), each between 0 and 100 % with at most
    /// 2 decimals (<c>par.commitment_target_range</c>). Refused once signed.</summary>
    public Result<ParCommitment> SetTargets(ParFramework framework, IReadOnlyList<ParCommitmentTarget> targets, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(targets);
        if (Status != ParCommitmentStatus.Draft)
        {
            return new ParCommitmentSigned();
        }

        var areas = CommittedAreas(framework);
        var problems = new List<ParProblem>();
        var given = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var code = target?.Area?.Trim();
            if (target is null || string.IsNullOrEmpty(code) || areas.All(a => a.Code != code))
            {
                problems.Add(new($"targets[{i}].area", new FieldMessage("par.commitment_area_unknown",
                    "Bộ chỉ số không có lĩnh vực {0} để cam kết (chỉ các lĩnh vực tính điểm áp dụng cho đơn vị).", code ?? "")));
            }
            else if (!given.TryAdd(code, target.Percent))
            {
                problems.Add(new($"targets[{i}].area", new FieldMessage("par.commitment_area_duplicate", "Lĩnh vực {0} được cam kết hai lần.", code)));
            }
            else if (target.Percent is < 0m or > 100m || target.Percent != ParScorer.Round(target.Percent))
            {
                problems.Add(new($"targets.{code}", new FieldMessage("par.commitment_target_range",
                    "Chỉ tiêu của lĩnh vực {0} phải từ 0 đến 100 %, tối đa 2 chữ số thập phân.", code)));
            }
        }

        foreach (var missing in areas.Where(a => !given.ContainsKey(a.Code)))
        {
            problems.Add(new($"targets.{missing.Code}", new FieldMessage("par.commitment_area_missing", "Thiếu chỉ tiêu của lĩnh vực {0}.", missing.Code)));
        }

        if (problems.Count > 0)
        {
            return new ParCommitmentInvalid(problems);
        }

        // Kept in the framework's order, whatever order they came in; 95.50 and 95.5 are the same target.
        IReadOnlyList<ParCommitmentTarget> ordered = [.. areas.Select(a => new ParCommitmentTarget(a.Code, given[a.Code]))];
        if (!ordered.SequenceEqual(_targets))
        {
            _targets = ordered;
            _events.Add(ParCommitmentEvent.Create(Id, ParCommitmentEventKind.TargetsSaved, userId, at, null, TargetText(ordered)));
            Revision++;
        }

        return this;
    }

    /// <summary>The unit's head signs it: locked from now on.</summary>
    public Result<ParCommitment> Sign(Guid userId, DateTime at)
    {
        if (Status != ParCommitmentStatus.Draft)
        {
            return new ParCommitmentSigned();
        }

        Status = ParCommitmentStatus.Signed;
        SignedAt = at;
        SignedBy = userId;
        _events.Add(ParCommitmentEvent.Create(Id, ParCommitmentEventKind.Signed, userId, at, null, TargetText(_targets)));
        Revision++;
        return this;
    }

    /// <summary>The province's Home Affairs reopens a signed commitment to fix a mistake: back to Draft, the signature
    /// cleared, the reason (required, at most <see cref="MaxReasonLength"/> characters) kept in the audit trail.</summary>
    public Result<ParCommitment> Reopen(string? reason, Guid userId, DateTime at)
    {
        if (Status != ParCommitmentStatus.Signed)
        {
            return new ParCommitmentNotSigned();
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return new ParCommitmentInvalid([new ParProblem("reason", new FieldMessage("par.commitment_reason",
                "Phải ghi lý do mở lại cam kết (tối đa {0} ký tự).", MaxReasonLength))]);
        }

        Status = ParCommitmentStatus.Draft;
        SignedAt = null;
        SignedBy = null;
        _events.Add(ParCommitmentEvent.Create(Id, ParCommitmentEventKind.Reopened, userId, at, reason, null));
        Revision++;
        return this;
    }

    private static bool IsSurvey(ParSubCriterion sub) => sub.DataSource == ParDataSource.Survey || sub.Method.Kind == ParMethodKind.Survey;

    private static string TargetText(IReadOnlyList<ParCommitmentTarget> targets) => JsonSerializer.Serialize(targets, TargetJson);
}

/// <summary>One area's standing against its target.</summary>
/// <param name="Area">The area's code.</param>
/// <param name="Target">The committed percentage.</param>
/// <param name="ApplicableMax">The area's points that apply to the unit (not-applicable sub-criteria left out);
/// <see langword="null"/> without a result.</param>
/// <param name="Points">The points scored so far (or finally).</param>
/// <param name="Percent">Points over the applicable maximum, as a percentage (2 decimals).</param>
/// <param name="Required">The points the target needs: target × applicable maximum / 100 (2 decimals).</param>
/// <param name="Met">Whether the points reach the target; <see langword="null"/> without a result or when nothing in the
/// area applies.</param>
/// <param name="Gap">The points still missing (0 when met).</param>
public sealed record ParAreaProgress(string Area, decimal Target, decimal? ApplicableMax, decimal? Points, decimal? Percent, decimal? Required, bool? Met, decimal? Gap);

/// <summary>A commitment against a unit's result (domain.md §11.4 step 9): per area the percentage of the applicable
/// points reached and whether it meets the target, with the points missing. The same rule for the estimate during the year
/// (a draft self-assessment) and the final result (a submitted one): sub-criteria that do not apply leave the
/// denominator, as in <see cref="ParScorer"/>.</summary>
public static class ParCommitmentProgress
{
    public static IReadOnlyList<ParAreaProgress> Evaluate(IReadOnlyList<ParCommitmentTarget> targets, ParResult? result)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return [.. targets.Select(t => Of(t, result?.Areas.FirstOrDefault(a => a.Code == t.Area)))];
    }

    private static ParAreaProgress Of(ParCommitmentTarget target, ParAreaTotal? area)
    {
        if (area is null)
        {
            return new(target.Area, target.Percent, null, null, null, null, null, null);
        }

        if (area.ApplicableMax == 0m)
        {
            return new(target.Area, target.Percent, 0m, area.Points, null, 0m, null, null);
        }

        var required = ParScorer.Round(target.Percent * area.ApplicableMax / 100m);
        var gap = Math.Max(0m, required - area.Points);
        return new(target.Area, target.Percent, area.ApplicableMax, area.Points, ParScorer.Round(area.Points / area.ApplicableMax * 100m), required, gap == 0m, gap);
    }
}
