using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>An issued framework cannot be edited (<c>par.framework_issued</c>).</summary>
public sealed record ParFrameworkIssued(string FrameworkCode, int Year)
    : Error("par.framework_issued", $"Bộ chỉ số {FrameworkCode} năm {Year} đã ban hành, không sửa được; hãy sao chép sang một dự thảo mới.");

/// <summary>A framework with problems cannot be issued (<c>par.framework_invalid</c>); the problems say why.</summary>
public sealed record ParFrameworkInvalid(IReadOnlyList<ParProblem> Problems)
    : Error("par.framework_invalid", "Bộ chỉ số còn lỗi: " + string.Join("; ", Problems.Select(p => p.Message.Text)));

/// <summary>One version of a province's PAR Index framework for one year and level (domain.md §11.4 step 1): versioned
/// data, like the 766 indicator sets. A <see cref="ParFrameworkStatus.Draft"/> may be edited; once
/// <see cref="ParFrameworkStatus.Issued"/> it never changes, so every assessment is read against the rules it was
/// scored by. Next year starts from a copy (<see cref="CopyToYear"/>): a new draft with a new id, last year's left as
/// it was.</summary>
/// <remarks>The tree is kept whole (<see cref="Tree"/>), in the documented JSON; sub-criteria are named by their code,
/// unique within a framework and fixed once issued.</remarks>
public sealed class ParFramework
{
    private ParFramework()
    {
        Code = string.Empty;
        Name = string.Empty;
        Tree = new ParFrameworkTree(null, ParFrameworkTree.DefaultBands, []);
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The province (UBND tỉnh) whose framework it is.</summary>
    public Guid ProvinceUnitId { get; private set; }

    /// <summary>The assessed year.</summary>
    public int Year { get; private set; }

    /// <summary>Departments or communes.</summary>
    public ParLevel Level { get; private set; }

    /// <summary>The version within (province, year, level), from 1.</summary>
    public int Version { get; private set; }

    /// <summary>The framework's code, the same every year (e.g. <c>SONLA-SO</c>).</summary>
    public string Code { get; private set; }

    /// <summary>Its title.</summary>
    public string Name { get; private set; }

    /// <summary>The issuing decision's number (e.g. "2712/QĐ-UBND").</summary>
    public string? DecisionNumber { get; private set; }

    /// <summary>The issuing decision's date.</summary>
    public DateOnly? DecisionDate { get; private set; }

    /// <summary>Draft or issued.</summary>
    public ParFrameworkStatus Status { get; private set; }

    /// <summary>The framework this one was copied from, if any.</summary>
    public Guid? CopiedFromId { get; private set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>When it was issued (UTC).</summary>
    public DateTime? IssuedAt { get; private set; }

    /// <summary>Optimistic-concurrency token, incremented by every change.</summary>
    public int Revision { get; private set; }

    /// <summary>The bands and the tree of areas.</summary>
    public ParFrameworkTree Tree { get; private set; }

    /// <summary>The last day (Vietnam date) units submit their self-assessment by; a schedule, not a rule, so it may be set
    /// on an issued framework too (<see cref="SetSelfAssessmentDeadline"/>).</summary>
    public DateOnly? SelfAssessmentDeadline { get; private set; }

    /// <summary>A new draft from a checked definition (its status is ignored: an import is always a draft).</summary>
    public static ParFramework CreateDraft(Guid id, Guid provinceUnitId, ParFrameworkDefinition definition, int version, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new ParFramework
        {
            Id = id,
            ProvinceUnitId = provinceUnitId,
            Year = definition.Year,
            Level = definition.Level,
            Version = version,
            Code = definition.Code,
            Name = definition.Name,
            DecisionNumber = definition.DecisionNumber,
            DecisionDate = definition.DecisionDate,
            Status = ParFrameworkStatus.Draft,
            CreatedAt = createdAt,
            Revision = 1,
            Tree = definition.Tree,
        };
    }

    /// <summary>The definition (header and tree), as exported.</summary>
    public ParFrameworkDefinition Definition => new(Code, Name, Year, Level, Version, DecisionNumber, DecisionDate, Status, Tree);

    /// <summary>Every problem of the tree, including those that only stop issuing.</summary>
    public IReadOnlyList<ParProblem> Problems => ParFrameworkRules.Validate(Tree);

    /// <summary>Replaces the sub-criterion <paramref name="code"/> of a draft (its code stays); structural problems refuse
    /// the change.</summary>
    public Result<ParFramework> EditSubCriterion(string code, ParSubCriterion replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (Status == ParFrameworkStatus.Issued)
        {
            return new ParFrameworkIssued(Code, Year);
        }

        var tree = Tree.Replace(code, replacement with { Code = code });
        var blocking = ParFrameworkRules.Validate(tree).Where(p => !p.IssueOnly).ToList();
        if (blocking.Count > 0)
        {
            return new ParFrameworkInvalid(blocking);
        }

        Tree = tree;
        Revision++;
        return this;
    }

    /// <summary>Issues a draft: it must have no problem at all; then it never changes.</summary>
    public Result<ParFramework> Issue(string? decisionNumber, DateOnly? decisionDate, DateTime issuedAt)
    {
        if (Status == ParFrameworkStatus.Issued)
        {
            return new ParFrameworkIssued(Code, Year);
        }

        if (Problems is { Count: > 0 } problems)
        {
            return new ParFrameworkInvalid(problems);
        }

        DecisionNumber = string.IsNullOrWhiteSpace(decisionNumber) ? DecisionNumber : decisionNumber.Trim();
        DecisionDate = decisionDate ?? DecisionDate;
        Status = ParFrameworkStatus.Issued;
        IssuedAt = issuedAt;
        Revision++;
        return this;
    }

    /// <summary>Sets (or clears) the self-assessment deadline: a day of the assessed year or of the next one
    /// (<c>par.deadline_range</c>). Allowed on an issued framework: it schedules the year and changes no score.</summary>
    public Result<ParFramework> SetSelfAssessmentDeadline(DateOnly? deadline)
    {
        if (deadline is { } d && (d.Year < Year || d.Year > Year + 1))
        {
            return new ParFrameworkInvalid([new ParProblem("deadline", new FieldMessage("par.deadline_range",
                "Hạn nộp bản tự đánh giá phải là một ngày của năm {0} hoặc năm {1}.", Year, Year + 1))]);
        }

        SelfAssessmentDeadline = deadline;
        Revision++;
        return this;
    }

    /// <summary>A new draft of the same tree for <paramref name="year"/> (new id, no decision yet); this one is untouched.</summary>
    public ParFramework CopyToYear(Guid id, int year, int version, DateTime createdAt)
    {
        var copy = CreateDraft(id, ProvinceUnitId, Definition with { Year = year, DecisionNumber = null, DecisionDate = null }, version, createdAt);
        copy.CopiedFromId = Id;
        copy.Name = Name.Replace(Year.ToString(System.Globalization.CultureInfo.InvariantCulture), year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return copy;
    }
}
