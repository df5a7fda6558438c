namespace MotCua.Domain.ParIndex;

/// <summary>Which units a framework scores (domain.md §11.1): the provincial departments (sở, ban, ngành) or the
/// communes (xã, phường, đặc khu).</summary>
public enum ParLevel
{
    /// <summary>Sở, ban, ngành cấp tỉnh.</summary>
    Department,

    /// <summary>UBND xã, phường, đặc khu.</summary>
    Commune,
}

/// <summary>A framework's state: a draft may be edited; an issued one is the decision in force and never changes.</summary>
public enum ParFrameworkStatus
{
    /// <summary>Being prepared by Home Affairs (dự thảo).</summary>
    Draft,

    /// <summary>Issued by the People's Committee (đã ban hành): structurally frozen.</summary>
    Issued,
}

/// <summary>The kind of unit a sub-criterion applies to (domain.md §11.3, <c>appliesTo</c>).</summary>
public enum ParAppliesTo
{
    /// <summary>Departments and communes.</summary>
    Both,

    /// <summary>Departments only.</summary>
    Department,

    /// <summary>Communes only.</summary>
    Commune,
}

/// <summary>Where a sub-criterion's score comes from (domain.md §11.3, <c>dataSource</c>).</summary>
public enum ParDataSource
{
    /// <summary>The unit's self-assessment, appraised.</summary>
    Self,

    /// <summary>The sociological survey (điều tra xã hội học).</summary>
    Survey,

    /// <summary>Computed from what MotCua holds (<see cref="ParSystemFormulas"/>).</summary>
    System,

    /// <summary>Supplied by another agency (e.g. the digital-transformation index).</summary>
    ExternalAgency,
}

/// <summary>How a sub-criterion's points are computed (domain.md §11.3).</summary>
public enum ParMethodKind
{
    /// <summary>Done: the maximum; not done: 0.</summary>
    Binary,

    /// <summary>Ordered levels, each with its points, chosen directly or by the highest threshold the percentage reaches.</summary>
    Tiered,

    /// <summary>Percentage × maximum, full at an optional target, capped.</summary>
    Proportional,

    /// <summary>Condition rows each worth fixed points (e.g. 0.25); the score is the sum of the ticked rows.</summary>
    Checklist,

    /// <summary>The maximum less fixed points per violation, never below a floor (0 by default).</summary>
    Deduction,

    /// <summary>Fixed points per occurrence up to the maximum (bonuses and penalties counted per case).</summary>
    PerOccurrence,

    /// <summary>A survey value on a scale (0–100 index, or a mean on 1–5…) mapped linearly onto the points.</summary>
    Survey,

    /// <summary>A named formula over MotCua's data (<see cref="ParSystemFormulas"/>) giving a percentage, converted like
    /// <see cref="Proportional"/>.</summary>
    SystemSourced,
}

/// <summary>One level of a <see cref="ParMethodKind.Tiered"/> sub-criterion.</summary>
/// <param name="Code">The level's code within the sub-criterion (what an assessment names).</param>
/// <param name="Label">What the level means, e.g. "Hoàn thành 100 % kế hoạch".</param>
/// <param name="MinPercent">The percentage from which the level is reached, when chosen by percentage.</param>
/// <param name="Points">The level's points.</param>
public sealed record ParTier(string Code, string Label, decimal? MinPercent, decimal Points);

/// <summary>One condition row of a <see cref="ParMethodKind.Checklist"/> sub-criterion.</summary>
public sealed record ParChecklistRow(string Code, string Text, decimal Points);

/// <summary>A result band (xếp loại): reached from <paramref name="MinPercent"/> (inclusive).</summary>
public sealed record ParBand(string Code, string Label, decimal MinPercent);

/// <summary>A sub-criterion's scoring method and its parameters; only those of its <see cref="Kind"/> are set.</summary>
/// <param name="Kind">The method.</param>
/// <param name="Tiers">Tiered: the levels, highest first.</param>
/// <param name="TargetPercent">Proportional, SystemSourced: the percentage at which the maximum is reached (100 when absent).</param>
/// <param name="Cap">Proportional, SystemSourced: the most points awarded (the maximum when absent).</param>
/// <param name="Rows">Checklist: the condition rows.</param>
/// <param name="PointsEach">Deduction: points per violation; PerOccurrence: points per occurrence.</param>
/// <param name="Floor">Deduction: the least points (0 when absent).</param>
/// <param name="ScaleMin">Survey: the value worth 0 points (0 when absent).</param>
/// <param name="ScaleMax">Survey: the value worth the maximum (100 when absent).</param>
/// <param name="Formula">SystemSourced: the formula's code in <see cref="ParSystemFormulas"/>.</param>
public sealed record ParMethod(
    ParMethodKind Kind,
    IReadOnlyList<ParTier> Tiers,
    decimal? TargetPercent,
    decimal? Cap,
    IReadOnlyList<ParChecklistRow> Rows,
    decimal? PointsEach,
    decimal? Floor,
    decimal? ScaleMin,
    decimal? ScaleMax,
    string? Formula)
{
    /// <summary>A method without parameters (Binary), or a start for <c>with</c>.</summary>
    public static ParMethod Of(ParMethodKind kind) => new(kind, [], null, null, [], null, null, null, null, null);
}

/// <summary>A sub-criterion (tiêu chí thành phần): the unit that is scored.</summary>
/// <param name="MaxPoints">The maximum; in a bonus/penalty area signed (negative for a penalty).</param>
/// <param name="AppraisingDepartment">The code of the department that appraises it (e.g. <c>STP</c>), if named.</param>
/// <param name="AppliesTo">The kind of unit it applies to.</param>
/// <param name="Code">The code, unique within the framework.</param>
/// <param name="DataSource">Where its score comes from.</param>
/// <param name="EvidenceRequired">Whether evidence must be attached to a score above 0.</param>
/// <param name="Method">How it is scored.</param>
/// <param name="Name">The name.</param>
public sealed record ParSubCriterion(
    string Code,
    string Name,
    decimal MaxPoints,
    ParMethod Method,
    ParAppliesTo AppliesTo,
    ParDataSource DataSource,
    string? AppraisingDepartment,
    bool EvidenceRequired)
{
    /// <summary>Whether it scores units of <paramref name="level"/>.</summary>
    public bool AppliesToLevel(ParLevel level) => AppliesTo switch
    {
        ParAppliesTo.Department => level == ParLevel.Department,
        ParAppliesTo.Commune => level == ParLevel.Commune,
        _ => true,
    };
}

/// <summary>A criterion (tiêu chí) and its sub-criteria; <see cref="MaxPoints"/> is checked against them when declared.</summary>
public sealed record ParCriterion(string Code, string Name, decimal? MaxPoints, IReadOnlyList<ParSubCriterion> SubCriteria);

/// <summary>An area (lĩnh vực). A bonus/penalty area (điểm thưởng, điểm trừ) is outside the 100 points: its
/// sub-criteria carry signed points and its net total is held within ±<see cref="Cap"/> when declared.</summary>
public sealed record ParArea(string Code, string Name, decimal? MaxPoints, bool IsBonusPenalty, decimal? Cap, IReadOnlyList<ParCriterion> Criteria);

/// <summary>What a framework scores with: the declared total, the bands and the tree of areas.</summary>
/// <param name="MaxPoints">The declared total of the scored areas (usually 100), checked when present.</param>
/// <param name="Areas">The areas, in order.</param>
/// <param name="Bands">The result bands, highest first.</param>
public sealed record ParFrameworkTree(decimal? MaxPoints, IReadOnlyList<ParBand> Bands, IReadOnlyList<ParArea> Areas)
{
    /// <summary>The bands used when a framework names none: A ≥ 90 %, B ≥ 80 %, C ≥ 70 %, D below (domain.md §11.2).</summary>
    public static IReadOnlyList<ParBand> DefaultBands { get; } =
    [
        new("A", "Nhóm A (từ 90 % trở lên)", 90m),
        new("B", "Nhóm B (từ 80 % đến dưới 90 %)", 80m),
        new("C", "Nhóm C (từ 70 % đến dưới 80 %)", 70m),
        new("D", "Nhóm D (dưới 70 %)", 0m),
    ];

    /// <summary>Trees are equal when their documented JSON is: the lists inside compare by content.</summary>
    public bool Equals(ParFrameworkTree? other) =>
        other is not null && (ReferenceEquals(this, other) || ParFrameworkJson.WriteTree(this) == ParFrameworkJson.WriteTree(other));

    /// <inheritdoc/>
    public override int GetHashCode() => ParFrameworkJson.WriteTree(this).GetHashCode(StringComparison.Ordinal);

    /// <summary>Every sub-criterion with its area and criterion, in order.</summary>
    public IEnumerable<(ParArea Area, ParCriterion Criterion, ParSubCriterion Sub)> SubCriteria =>
        Areas.SelectMany(a => a.Criteria.SelectMany(c => c.SubCriteria.Select(s => (a, c, s))));

    /// <summary>The sub-criterion with <paramref name="code"/> (codes are unique in a valid framework).</summary>
    public ParSubCriterion? Find(string code) =>
        SubCriteria.Select(x => x.Sub).FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));

    /// <summary>The tree with the sub-criterion <paramref name="code"/> replaced by <paramref name="replacement"/>.</summary>
    public ParFrameworkTree Replace(string code, ParSubCriterion replacement) => this with
    {
        Areas = [.. Areas.Select(a => a with
        {
            Criteria = [.. a.Criteria.Select(c => c with
            {
                SubCriteria = [.. c.SubCriteria.Select(s => string.Equals(s.Code, code, StringComparison.Ordinal) ? replacement : s)],
            })],
        })],
    };
}

/// <summary>A whole framework as the documented JSON carries it: the header and the tree.</summary>
/// <param name="Code">The framework's code, the same every year (e.g. <c>SONLA-SO</c>).</param>
/// <param name="Version">The version within its province, year and level, from 1.</param>
/// <param name="DecisionDate">The issuing decision's date.</param>
/// <param name="DecisionNumber">The issuing decision's number.</param>
/// <param name="Level">Departments or communes.</param>
/// <param name="Name">The name.</param>
/// <param name="Status">Draft or issued.</param>
/// <param name="Tree">The bands and the areas.</param>
/// <param name="Year">The assessed year.</param>
public sealed record ParFrameworkDefinition(
    string Code,
    string Name,
    int Year,
    ParLevel Level,
    int Version,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    ParFrameworkStatus Status,
    ParFrameworkTree Tree);
