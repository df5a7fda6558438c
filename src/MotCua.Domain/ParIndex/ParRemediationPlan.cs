using System.Text.Json;
using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>Where a unit's remediation plan (kế hoạch khắc phục) stands.</summary>
public enum ParRemediationStatus
{
    /// <summary>Generated from the lost points, edited by the unit.</summary>
    Draft,

    /// <summary>The unit's head approved it. Progress (status, evidence, notes) goes on; a change of an item's actions,
    /// owner or deadline takes it back to <see cref="Draft"/> for a new approval.</summary>
    Approved,
}

/// <summary>How far one item of a remediation plan has got.</summary>
public enum ParRemediationItemStatus
{
    /// <summary>Chưa thực hiện.</summary>
    NotStarted,

    /// <summary>Đang thực hiện.</summary>
    InProgress,

    /// <summary>Hoàn thành, with evidence of completion.</summary>
    Done,
}

/// <summary>What happened to a remediation plan (its audit trail).</summary>
public enum ParRemediationEventKind
{
    /// <summary>Generated from the unit's final result.</summary>
    Generated,

    /// <summary>Generated again (merged by sub-criterion code: entries kept).</summary>
    Regenerated,

    /// <summary>An item's actions, owner, deadline, status, evidence or notes changed.</summary>
    ItemSaved,

    /// <summary>Approved by the unit's head.</summary>
    Approved,

    /// <summary>A comment of the province's Home Affairs.</summary>
    Commented,
}

/// <summary>One weak sub-criterion of the unit's final result and what the unit does about it (domain.md §11.4 step 9:
/// task, owner, due date). <see cref="Lost"/> is what the item targets: the applicable maximum minus the points for a
/// scored area, the penalty incurred for a penalty of the bonus/penalty area.</summary>
/// <param name="Id">Stable across regenerations; next year's self-assessment refers to it (<see cref="ParEvidenceKind.RemediationItem"/>).</param>
/// <param name="Code">The sub-criterion's code (the merge key).</param>
/// <param name="Area">The sub-criterion's area code.</param>
/// <param name="MaxPoints">The sub-criterion's maximum (signed for a penalty).</param>
/// <param name="Points">The final points.</param>
/// <param name="Lost">The points lost.</param>
/// <param name="Weak">Whether the last generation found it weak; an item no longer weak is kept with its entries.</param>
/// <param name="Actions">What the unit will do (the task).</param>
/// <param name="OwnerId">The staff user of the unit in charge.</param>
/// <param name="Deadline">The due date (Vietnam date).</param>
/// <param name="Status">Not started, in progress or done.</param>
/// <param name="Evidence">Evidence of completion (as the self-assessment's).</param>
/// <param name="Notes">Free notes.</param>
/// <param name="CompletedAt">When it was marked done.</param>
public sealed record ParRemediationItem(
    Guid Id, string Code, string Area, decimal MaxPoints, decimal Points, decimal Lost, bool Weak, string? Actions, Guid? OwnerId, DateOnly? Deadline,
    ParRemediationItemStatus Status, IReadOnlyList<ParEvidence> Evidence, string? Notes, DateTime? CompletedAt)
{
    /// <summary>Past its deadline (a Vietnam date) and not done.</summary>
    public bool Overdue(DateOnly today) => Status != ParRemediationItemStatus.Done && Deadline is { } deadline && deadline < today;

    public bool Equals(ParRemediationItem? other) =>
        other is not null && (Id, Code, Area, MaxPoints, Points, Lost, Weak, Actions, OwnerId, Deadline, Status, Notes, CompletedAt)
            == (other.Id, other.Code, other.Area, other.MaxPoints, other.Points, other.Lost, other.Weak, other.Actions, other.OwnerId, other.Deadline,
                other.Status, other.Notes, other.CompletedAt)
        && Evidence.SequenceEqual(other.Evidence);

    public override int GetHashCode() => HashCode.Combine(Id, Code, Status, Evidence.Count);
}

/// <summary>The unit's edit of one item: every field replaced.</summary>
public sealed record ParRemediationItemEdit(string? Actions, Guid? OwnerId, DateOnly? Deadline, ParRemediationItemStatus Status,
    IReadOnlyList<ParEvidence> Evidence, string? Notes);

/// <summary>A sub-criterion the final result lost points on.</summary>
public sealed record ParLostPoints(string Area, string Code, decimal MaxPoints, decimal Points, decimal Lost);

/// <summary>A plan's or a province's progress: items, done, in progress, not started, overdue, the share done (2 decimals;
/// <see langword="null"/> without items) and the points the items target.</summary>
public sealed record ParRemediationRollup(int Items, int Done, int InProgress, int NotStarted, int Overdue, decimal? PercentDone, decimal PointsTargeted)
{
    public static ParRemediationRollup Of(IEnumerable<ParRemediationItem> items, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var done = list.Count(i => i.Status == ParRemediationItemStatus.Done);
        return new(list.Count, done, list.Count(i => i.Status == ParRemediationItemStatus.InProgress),
            list.Count(i => i.Status == ParRemediationItemStatus.NotStarted), list.Count(i => i.Overdue(today)),
            list.Count == 0 ? null : ParScorer.Round(done * 100m / list.Count), list.Sum(i => i.Lost));
    }

    /// <summary>The sum of several plans' roll-ups (a province's board).</summary>
    public static ParRemediationRollup Sum(IEnumerable<ParRemediationRollup> rollups)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        var list = rollups.ToList();
        var items = list.Sum(r => r.Items);
        var done = list.Sum(r => r.Done);
        return new(items, done, list.Sum(r => r.InProgress), list.Sum(r => r.NotStarted), list.Sum(r => r.Overdue),
            items == 0 ? null : ParScorer.Round(done * 100m / items), list.Sum(r => r.PointsTargeted));
    }
}

/// <summary>One entry of a plan's audit trail, kept for ever: who, when, what, the item (by code) and the text (a comment,
/// or the item after the change as compact JSON).</summary>
public sealed class ParRemediationEvent
{
    private ParRemediationEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public ParRemediationEventKind Kind { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>The item's sub-criterion code, for an item's change.</summary>
    public string? ItemCode { get; private set; }

    /// <summary>The comment, or the item after the change (compact JSON).</summary>
    public string? Text { get; private set; }

    internal static ParRemediationEvent Create(Guid planId, ParRemediationEventKind kind, Guid userId, DateTime at, string? itemCode, string? text) => new()
    {
        Id = Guid.NewGuid(),
        PlanId = planId,
        Kind = kind,
        UserId = userId,
        At = at,
        ItemCode = itemCode,
        Text = text,
    };
}

/// <summary>The plan cannot be generated yet (<c>par.remediation_not_ready</c>): see <see cref="ParRemediationRules.MayGenerate"/>.</summary>
public sealed record ParRemediationNotReady()
    : Error("par.remediation_not_ready", "Chưa lập được kế hoạch khắc phục: kết quả Chỉ số CCHC chưa được công bố, hoặc bản tự đánh giá của đơn vị chưa nộp.");

/// <summary>The plan is approved (<c>par.remediation_approved</c>): no regeneration, no second approval.</summary>
public sealed record ParRemediationApproved()
    : Error("par.remediation_approved", "Kế hoạch khắc phục đã được lãnh đạo đơn vị phê duyệt.");

/// <summary>A plan's problems (an item's fields, an incomplete plan at approval, a comment): each under its path.</summary>
public sealed record ParRemediationInvalid(IReadOnlyList<ParProblem> Problems)
    : Error("par.remediation_invalid", "Kế hoạch khắc phục còn lỗi: " + string.Join("; ", Problems.Select(p => p.Message.Text)));

/// <summary>The rules of remediation plans that are not one plan's.</summary>
public static class ParRemediationRules
{
    /// <summary>Whether a plan may be generated (or regenerated) from <paramref name="assessment"/>.</summary>
    /// <remarks>In law the plan follows the announcement of the results (domain.md §11.4 steps 8–9): the framework's
    /// results must be published (<see cref="ParPublication"/>), and the unit's assessment must have left the draft.</remarks>
    public static bool MayGenerate(ParUnitAssessment? assessment, bool resultsPublished) =>
        resultsPublished && assessment is not null && assessment.Status != ParAssessmentStatus.Draft;

    /// <summary>The sub-criteria <paramref name="result"/> lost points on, most points lost first (then in the framework's
    /// order): an applicable sub-criterion of a scored area below its maximum (unscored counts as 0), and a penalty of the
    /// bonus/penalty area incurred; an unearned bonus loses nothing, a sub-criterion that does not apply neither. Only
    /// those losing more than 0 and at least <paramref name="minLost"/> points.</summary>
    public static IReadOnlyList<ParLostPoints> LostPoints(ParResult result, decimal minLost = 0m)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bonusAreas = result.Areas.Where(a => a.IsBonusPenalty).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        return [.. result.SubCriteria
            .Select((s, index) => (Lost: new ParLostPoints(s.AreaCode, s.Code, s.MaxPoints, s.Points, LostOf(s, bonusAreas.Contains(s.AreaCode))), Index: index))
            .Where(x => x.Lost.Lost > 0m && x.Lost.Lost >= minLost)
            .OrderByDescending(x => x.Lost.Lost).ThenBy(x => x.Index)
            .Select(x => x.Lost)];
    }

    private static decimal LostOf(ParSubScore s, bool bonusPenalty) => !s.Applicable ? 0m
        : bonusPenalty ? (s.MaxPoints < 0m && s.Points < 0m ? -s.Points : 0m)
        : Math.Max(0m, s.MaxPoints - s.Points);
}

/// <summary>A unit's remediation plan under one issued framework (issue 11 §6; domain.md §11.4 step 9; Tân An's and Tân
/// Kỳ's "kế hoạch khắc phục những tồn tại, hạn chế"): one item per sub-criterion the unit's final result
/// (<see cref="ParUnitAssessment.ScoreFinal"/>) lost points on, each with actions, an owner, a deadline, a status,
/// evidence of completion and notes; edited by the unit, approved by its head, commented on by the province's Home
/// Affairs. Regenerating merges by code and never loses what was entered. Every change is in <see cref="Events"/>.</summary>
public sealed class ParRemediationPlan
{
    public const int MaxTextLength = ParUnitAssessment.MaxExplanationLength;

    private static readonly JsonSerializerOptions ItemJson = new(ParFrameworkJson.Options) { WriteIndented = false };

    private IReadOnlyList<ParRemediationItem> _items = [];
    private readonly List<ParRemediationEvent> _events = [];

    private ParRemediationPlan()
    {
    }

    public Guid Id { get; private set; }

    public Guid FrameworkId { get; private set; }

    public Guid UnitId { get; private set; }

    public ParRemediationStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    /// <summary>When the items were last generated from the result.</summary>
    public DateTime GeneratedAt { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public Guid? ApprovedBy { get; private set; }

    /// <summary>Optimistic-concurrency token, incremented by every change.</summary>
    public int Revision { get; private set; }

    /// <summary>The items, most points lost first (as generated; items kept from earlier generations after).</summary>
    public IReadOnlyList<ParRemediationItem> Items => _items;

    /// <summary>The audit trail, oldest first.</summary>
    public IReadOnlyList<ParRemediationEvent> Events => _events;

    /// <summary>A new plan from the unit's final result (<see cref="ParRemediationRules.MayGenerate"/>).</summary>
    public static Result<ParRemediationPlan> Generate(Guid id, ParFramework framework, ParUnitAssessment assessment, decimal minLost, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(assessment);
        if (framework.Status != ParFrameworkStatus.Issued)
        {
            return new ParFrameworkNotIssued();
        }

        var plan = new ParRemediationPlan
        {
            Id = id,
            FrameworkId = framework.Id,
            UnitId = assessment.UnitId,
            Status = ParRemediationStatus.Draft,
            CreatedAt = at,
            CreatedBy = userId,
            Revision = 0,
        };
        var merged = plan.Merge(framework, assessment, minLost, userId, at, ParRemediationEventKind.Generated);
        return merged.IsFailure ? merged.Error : plan;
    }

    /// <summary>Generates again from the unit's (possibly changed) final result: items are matched by code; an existing
    /// item keeps its id, actions, owner, deadline, status, evidence and notes and takes the new points; a new weak
    /// sub-criterion adds an item; an item no longer weak stays, marked so. Only a draft.</summary>
    public Result<ParRemediationPlan> Regenerate(ParFramework framework, ParUnitAssessment assessment, decimal minLost, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(assessment);
        return Status != ParRemediationStatus.Draft ? new ParRemediationApproved()
            : Merge(framework, assessment, minLost, userId, at, ParRemediationEventKind.Regenerated);
    }

    /// <summary>Replaces one item's actions, owner, deadline, status, evidence and notes. Texts at most
    /// <see cref="MaxTextLength"/> characters; evidence as the self-assessment's (at most
    /// <see cref="ParUnitAssessment.MaxEvidence"/>); done needs evidence (<c>par.remediation_evidence_required</c>).
    /// A change of actions, owner or deadline of an approved plan takes it back to draft.</summary>
    public Result<ParRemediationPlan> SaveItem(string code, ParRemediationItemEdit edit, Guid userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var old = _items.FirstOrDefault(i => i.Code == code);
        if (old is null)
        {
            return new ParRemediationInvalid([new($"items.{code}", new FieldMessage("par.remediation_item_unknown", "Kế hoạch không có nội dung khắc phục {0}.", code))]);
        }

        var actions = Clean(edit.Actions);
        var notes = Clean(edit.Notes);
        var evidence = edit.Evidence ?? [];
        var problems = new List<ParProblem>();
        if (actions is { Length: > MaxTextLength })
        {
            problems.Add(new("actions", new FieldMessage("par.remediation_text_length", "Nội dung dài quá {0} ký tự.", MaxTextLength)));
        }

        if (notes is { Length: > MaxTextLength })
        {
            problems.Add(new("notes", new FieldMessage("par.remediation_text_length", "Nội dung dài quá {0} ký tự.", MaxTextLength)));
        }

        if (!Enum.IsDefined(edit.Status))
        {
            problems.Add(new("status", new FieldMessage("par.remediation_status_invalid", "Trạng thái phải là chưa thực hiện, đang thực hiện hoặc hoàn thành.")));
        }

        if (evidence.Count > ParUnitAssessment.MaxEvidence)
        {
            problems.Add(new("evidence", new FieldMessage("par.evidence_too_many", "Mỗi tiêu chí thành phần có tối đa {0} tài liệu kiểm chứng.", ParUnitAssessment.MaxEvidence)));
        }

        for (var i = 0; i < evidence.Count && i < ParUnitAssessment.MaxEvidence; i++)
        {
            if (evidence[i]?.Kind == ParEvidenceKind.RemediationItem || !ParUnitAssessment.EvidenceValid(evidence[i]))
            {
                problems.Add(new($"evidence[{i}]", new FieldMessage("par.evidence_invalid",
                    "Tài liệu kiểm chứng phải là mã SHA-256 của tài liệu, mã hồ sơ, mã lần chạy báo cáo hoặc đường dẫn http(s) của quyết định đã công bố.")));
            }
        }

        if (edit.Status == ParRemediationItemStatus.Done && evidence.Count == 0)
        {
            problems.Add(new("evidence", new FieldMessage("par.remediation_evidence_required", "Nội dung {0} hoàn thành phải có minh chứng kết quả.", code)));
        }

        if (problems.Count > 0)
        {
            return new ParRemediationInvalid(problems);
        }

        var item = old with
        {
            Actions = actions,
            OwnerId = edit.OwnerId,
            Deadline = edit.Deadline,
            Status = edit.Status,
            Evidence = [.. evidence.Select(e => e with { Reference = e.Reference.Trim() })],
            Notes = notes,
            CompletedAt = edit.Status != ParRemediationItemStatus.Done ? null : old.Status == ParRemediationItemStatus.Done ? old.CompletedAt : at,
        };
        if (item.Equals(old))
        {
            return this;
        }

        if (Status == ParRemediationStatus.Approved && (item.Actions != old.Actions || item.OwnerId != old.OwnerId || item.Deadline != old.Deadline))
        {
            Status = ParRemediationStatus.Draft;
            ApprovedAt = null;
            ApprovedBy = null;
        }

        _items = [.. _items.Select(i => i.Code == code ? item : i)];
        _events.Add(ParRemediationEvent.Create(Id, ParRemediationEventKind.ItemSaved, userId, at, code, JsonSerializer.Serialize(item, ItemJson)));
        Revision++;
        return this;
    }

    /// <summary>The unit's head approves it: every weak item needs actions, an owner and a deadline
    /// (<c>par.remediation_incomplete</c>, path <c>items.{code}</c>).</summary>
    public Result<ParRemediationPlan> Approve(Guid userId, DateTime at)
    {
        if (Status != ParRemediationStatus.Draft)
        {
            return new ParRemediationApproved();
        }

        var problems = _items.Where(i => i.Weak && (i.Actions is null || i.OwnerId is null || i.Deadline is null))
            .Select(i => new ParProblem($"items.{i.Code}", new FieldMessage("par.remediation_incomplete",
                "{0}: phải ghi giải pháp, người phụ trách và thời hạn trước khi phê duyệt.", i.Code)))
            .ToList();
        if (problems.Count > 0)
        {
            return new ParRemediationInvalid(problems);
        }

        Status = ParRemediationStatus.Approved;
        ApprovedAt = at;
        ApprovedBy = userId;
        _events.Add(ParRemediationEvent.Create(Id, ParRemediationEventKind.Approved, userId, at, null, null));
        Revision++;
        return this;
    }

    /// <summary>A comment of the province's Home Affairs (1 to <see cref="MaxTextLength"/> characters), on the plan or on
    /// one item (<paramref name="itemCode"/>).</summary>
    public Result<ParRemediationPlan> Comment(string? text, string? itemCode, Guid userId, DateTime at)
    {
        text = Clean(text);
        itemCode = Clean(itemCode);
        if (text is null || text.Length > MaxTextLength)
        {
            return new ParRemediationInvalid([new("text", new FieldMessage("par.remediation_comment", "Phải ghi ý kiến (tối đa {0} ký tự).", MaxTextLength))]);
        }

        if (itemCode is not null && _items.All(i => i.Code != itemCode))
        {
            return new ParRemediationInvalid([new("item", new FieldMessage("par.remediation_item_unknown", "Kế hoạch không có nội dung khắc phục {0}.", itemCode))]);
        }

        _events.Add(ParRemediationEvent.Create(Id, ParRemediationEventKind.Commented, userId, at, itemCode, text));
        Revision++;
        return this;
    }

    /// <summary>The plan's progress on <paramref name="today"/> (a Vietnam date).</summary>
    public ParRemediationRollup Rollup(DateOnly today) => ParRemediationRollup.Of(_items, today);

    private Result<ParRemediationPlan> Merge(ParFramework framework, ParUnitAssessment assessment, decimal minLost, Guid userId, DateTime at, ParRemediationEventKind kind)
    {
        // The publication half of the gate is the caller's (ParRemediationRules.MayGenerate): the aggregate sees no publication.
        if (assessment.Status == ParAssessmentStatus.Draft || assessment.FrameworkId != framework.Id || assessment.UnitId != UnitId)
        {
            return new ParRemediationNotReady();
        }

        var (result, _) = assessment.ScoreFinal(framework);
        if (result is null)
        {
            return new ParRemediationNotReady();
        }

        var lost = ParRemediationRules.LostPoints(result, minLost);
        var existing = _items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var items = lost.Select(l => existing.TryGetValue(l.Code, out var old)
                ? old with { Area = l.Area, MaxPoints = l.MaxPoints, Points = l.Points, Lost = l.Lost, Weak = true }
                : new ParRemediationItem(Guid.NewGuid(), l.Code, l.Area, l.MaxPoints, l.Points, l.Lost, true, null, null, null,
                    ParRemediationItemStatus.NotStarted, [], null, null))
            .ToList();
        var scores = result.SubCriteria.ToDictionary(s => s.Code, StringComparer.Ordinal);
        foreach (var kept in _items.Where(i => lost.All(l => l.Code != i.Code)))
        {
            var score = scores.GetValueOrDefault(kept.Code);
            items.Add(kept with { Points = score?.Points ?? kept.Points, Lost = 0m, Weak = false });
        }

        _items = items;
        GeneratedAt = at;
        _events.Add(ParRemediationEvent.Create(Id, kind, userId, at, null,
            string.Join(", ", lost.Select(l => l.Code))));
        Revision++;
        return this;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
