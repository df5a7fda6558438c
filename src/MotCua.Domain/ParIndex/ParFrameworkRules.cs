using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>The rules a framework's tree must keep (domain.md §11.3). Structural problems make a framework unusable and
/// are refused everywhere; a declared total that its parts do not reach (<see cref="ParProblem.IssueOnly"/>) is allowed
/// in a draft being edited and stops issuing.</summary>
public static class ParFrameworkRules
{
    /// <summary>Longest code of an area, criterion, sub-criterion, row, tier or band.</summary>
    public const int MaxCodeLength = 20;

    /// <summary>Longest name of a node, a row's text or a tier's label.</summary>
    public const int MaxNameLength = 1000;

    /// <summary>Most sub-criteria in one framework.</summary>
    public const int MaxSubCriteria = 500;

    /// <summary>Every problem of <paramref name="tree"/>, in document order.</summary>
    public static IReadOnlyList<ParProblem> Validate(ParFrameworkTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var problems = new List<ParProblem>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (!tree.Areas.Any(a => !a.IsBonusPenalty))
        {
            problems.Add(new("areas", new FieldMessage("par.areas_required", "Bộ chỉ số cần ít nhất một lĩnh vực chấm điểm.")));
        }

        if (tree.Areas.Count(a => a.IsBonusPenalty) > 1)
        {
            problems.Add(new("areas", new FieldMessage("par.bonus_area_single", "Bộ chỉ số chỉ có một nội dung điểm thưởng, điểm trừ.")));
        }

        if (tree.SubCriteria.Count() > MaxSubCriteria)
        {
            problems.Add(new("areas", new FieldMessage("par.too_many", "Bộ chỉ số có quá {0} tiêu chí thành phần.", MaxSubCriteria)));
        }

        Bands(tree.Bands, problems);
        for (var a = 0; a < tree.Areas.Count; a++)
        {
            Area(tree.Areas[a], $"areas[{a}]", codes, problems);
        }

        var scored = Sum(tree.Areas.Where(a => !a.IsBonusPenalty).SelectMany(a => a.Criteria).SelectMany(c => c.SubCriteria).Select(s => s.MaxPoints));
        if (tree.MaxPoints is { } total && total != scored)
        {
            problems.Add(new("maxPoints", new FieldMessage("par.total_points_mismatch",
                "Tổng điểm các lĩnh vực ({0}) khác tổng điểm khai báo của bộ chỉ số ({1}).", scored, total), IssueOnly: true));
        }

        return problems;
    }

    /// <summary>The problems of one sub-criterion on its own (used when a draft's sub-criterion is edited).</summary>
    public static IReadOnlyList<ParProblem> ValidateSubCriterion(ParSubCriterion sub, bool inBonusArea, string path)
    {
        ArgumentNullException.ThrowIfNull(sub);
        var problems = new List<ParProblem>();
        SubCriterion(sub, inBonusArea, path, problems);
        return problems;
    }

    private static void Bands(IReadOnlyList<ParBand> bands, List<ParProblem> problems)
    {
        var valid = bands.Count > 0
            && bands.All(b => !string.IsNullOrWhiteSpace(b.Code) && b.Code.Length <= MaxCodeLength && b.MinPercent is >= 0 and <= 100)
            && bands.Select(b => b.Code).Distinct(StringComparer.Ordinal).Count() == bands.Count
            && bands.Zip(bands.Skip(1)).All(p => p.First.MinPercent > p.Second.MinPercent);
        if (!valid)
        {
            problems.Add(new("bands", new FieldMessage("par.bands_invalid",
                "Các mức xếp loại cần mã riêng và ngưỡng từ 0 đến 100, xếp từ cao xuống thấp.")));
        }
    }

    private static void Area(ParArea area, string path, HashSet<string> codes, List<ParProblem> problems)
    {
        Node(area.Code, area.Name, path, codes, problems);
        if (area.Criteria.Count == 0)
        {
            problems.Add(new($"{path}.criteria", new FieldMessage("par.children_required", "{0} chưa có mục con nào.", area.Code)));
        }

        if (area.IsBonusPenalty)
        {
            if (area.Cap is <= 0)
            {
                problems.Add(new($"{path}.cap", new FieldMessage("par.bonus_cap", "Mức trần điểm thưởng, điểm trừ phải lớn hơn 0.")));
            }
        }
        else if (area.Cap is not null)
        {
            problems.Add(new($"{path}.cap", new FieldMessage("par.cap_bonus_only", "{0}: chỉ nội dung điểm thưởng, điểm trừ có mức trần.", area.Code)));
        }

        for (var c = 0; c < area.Criteria.Count; c++)
        {
            var criterion = area.Criteria[c];
            var at = $"{path}.criteria[{c}]";
            Node(criterion.Code, criterion.Name, at, codes, problems);
            if (criterion.SubCriteria.Count == 0)
            {
                problems.Add(new($"{at}.subCriteria", new FieldMessage("par.children_required", "{0} chưa có mục con nào.", criterion.Code)));
            }

            for (var s = 0; s < criterion.SubCriteria.Count; s++)
            {
                var sub = criterion.SubCriteria[s];
                Node(sub.Code, sub.Name, $"{at}.subCriteria[{s}]", codes, problems);
                SubCriterion(sub, area.IsBonusPenalty, $"{at}.subCriteria[{s}]", problems);
            }

            var sum = Sum(criterion.SubCriteria.Select(x => x.MaxPoints));
            if (!area.IsBonusPenalty && criterion.MaxPoints is { } declared && declared != sum)
            {
                problems.Add(new($"{at}.maxPoints", new FieldMessage("par.points_mismatch",
                    "{0}: tổng điểm các mục con ({1}) khác điểm tối đa khai báo ({2}).", criterion.Code, sum, declared), IssueOnly: true));
            }
        }

        var areaSum = Sum(area.Criteria.SelectMany(c => c.SubCriteria).Select(x => x.MaxPoints));
        if (!area.IsBonusPenalty && area.MaxPoints is { } areaMax && areaMax != areaSum)
        {
            problems.Add(new($"{path}.maxPoints", new FieldMessage("par.points_mismatch",
                "{0}: tổng điểm các mục con ({1}) khác điểm tối đa khai báo ({2}).", area.Code, areaSum, areaMax), IssueOnly: true));
        }
    }

    private static void Node(string code, string name, string path, HashSet<string> codes, List<ParProblem> problems)
    {
        if (!ValidCode(code))
        {
            problems.Add(new($"{path}.code", new FieldMessage("par.code_invalid",
                "Mã \"{0}\" không hợp lệ: cần 1 đến {1} ký tự, không có khoảng trắng.", code, MaxCodeLength)));
        }
        else if (!codes.Add(code))
        {
            problems.Add(new($"{path}.code", new FieldMessage("par.code_duplicate", "Mã {0} đã dùng cho một mục khác của bộ chỉ số.", code)));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            problems.Add(new($"{path}.name", new FieldMessage("par.name_invalid", "{0}: cần tên, tối đa {1} ký tự.", code, MaxNameLength)));
        }
    }

    /// <summary>A sum that cannot overflow: a value beyond ±<see cref="Bound"/> is already a problem of its own, and counts
    /// as the bound here, so that absurd input is named instead of failing.</summary>
    internal static decimal Sum(IEnumerable<decimal> values) => values.Aggregate(0m, (total, v) => total + Math.Clamp(v, -Bound, Bound));

    /// <summary>The largest magnitude any point, percentage or scale value may have before the rules name it.</summary>
    public const decimal Bound = 1_000_000m;

    /// <summary>Whether <paramref name="code"/> is 1–20 characters without white space.</summary>
    public static bool ValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= MaxCodeLength && !code.Any(char.IsWhiteSpace) && !code.Any(char.IsControl);

    private static void SubCriterion(ParSubCriterion sub, bool inBonusArea, string path, List<ParProblem> problems)
    {
        var max = sub.MaxPoints;
        if (inBonusArea ? max == 0 || Math.Abs(max) > 100 : max is <= 0 or > 100)
        {
            problems.Add(new($"{path}.maxPoints", inBonusArea
                ? new FieldMessage("par.bonus_points_range", "{0}: điểm thưởng (dương) hoặc điểm trừ (âm) phải khác 0 và không quá 100 điểm.", sub.Code)
                : new FieldMessage("par.max_points_range", "{0}: điểm tối đa phải lớn hơn 0 và không quá 100.", sub.Code)));
            return;
        }

        if (decimal.Round(max, 2) != max)
        {
            problems.Add(new($"{path}.maxPoints", new FieldMessage("par.points_precision", "{0}: điểm chỉ có tối đa 2 chữ số thập phân.", sub.Code)));
        }

        if (sub.AppraisingDepartment is { Length: > MaxCodeLength })
        {
            problems.Add(new($"{path}.appraisingDepartment", new FieldMessage("par.code_invalid",
                "Mã \"{0}\" không hợp lệ: cần 1 đến {1} ký tự, không có khoảng trắng.", sub.AppraisingDepartment, MaxCodeLength)));
        }

        var method = sub.Method;
        var at = $"{path}.method";
        if (inBonusArea && method.Kind is not (ParMethodKind.Binary or ParMethodKind.PerOccurrence))
        {
            problems.Add(new($"{at}.kind", new FieldMessage("par.bonus_method",
                "{0}: điểm thưởng, điểm trừ chấm theo phương pháp Binary hoặc PerOccurrence.", sub.Code)));
            return;
        }

        var magnitude = Math.Abs(max);
        switch (method.Kind)
        {
            case ParMethodKind.Tiered:
                Tiers(sub, magnitude, at, problems);
                break;
            case ParMethodKind.Proportional:
                Target(sub, magnitude, at, problems);
                break;
            case ParMethodKind.SystemSourced:
                Target(sub, magnitude, at, problems);
                if (ParSystemFormulas.Find(method.Formula) is null)
                {
                    problems.Add(new($"{at}.formula", new FieldMessage("par.formula_unknown",
                        "{0}: công thức \"{1}\" không có trong danh mục số liệu của MotCua ({2}).",
                        sub.Code, method.Formula ?? "", string.Join(", ", ParSystemFormulas.All.Select(f => f.Code)))));
                }

                break;
            case ParMethodKind.Checklist:
                Checklist(sub, magnitude, at, problems);
                break;
            case ParMethodKind.Deduction:
                PointsEach(sub, at, problems);
                if (method.Floor is { } floor && (floor < 0 || floor >= magnitude))
                {
                    problems.Add(new($"{at}.floor", new FieldMessage("par.floor_range", "{0}: điểm sàn phải từ 0 đến dưới điểm tối đa.", sub.Code)));
                }

                break;
            case ParMethodKind.PerOccurrence:
                PointsEach(sub, at, problems);
                break;
            case ParMethodKind.Survey:
                if ((method.ScaleMin ?? 0m) >= (method.ScaleMax ?? 100m) || Math.Abs(method.ScaleMin ?? 0m) > Bound || Math.Abs(method.ScaleMax ?? 0m) > Bound)
                {
                    problems.Add(new($"{at}.scaleMax", new FieldMessage("par.scale_range",
                        "{0}: thang khảo sát cần giá trị thấp nhất nhỏ hơn giá trị cao nhất, trong khoảng ±1.000.000.", sub.Code)));
                }

                break;
            default:
                break;
        }
    }

    private static void Target(ParSubCriterion sub, decimal magnitude, string at, List<ParProblem> problems)
    {
        if (sub.Method.TargetPercent is { } target && target is <= 0 or > 100)
        {
            problems.Add(new($"{at}.targetPercent", new FieldMessage("par.target_range", "{0}: chỉ tiêu đạt điểm tối đa phải lớn hơn 0 % và không quá 100 %.", sub.Code)));
        }

        if (sub.Method.Cap is { } cap && (cap <= 0 || cap > magnitude))
        {
            problems.Add(new($"{at}.cap", new FieldMessage("par.cap_range", "{0}: mức trần phải lớn hơn 0 và không quá điểm tối đa.", sub.Code)));
        }
    }

    private static void PointsEach(ParSubCriterion sub, string at, List<ParProblem> problems)
    {
        if (sub.Method.PointsEach is not (> 0 and <= 100))
        {
            problems.Add(new($"{at}.pointsEach", new FieldMessage("par.points_each", "{0}: cần số điểm cho mỗi lần, lớn hơn 0 và không quá 100.", sub.Code)));
        }
    }

    private static void Checklist(ParSubCriterion sub, decimal magnitude, string at, List<ParProblem> problems)
    {
        var rows = sub.Method.Rows;
        if (rows.Count == 0)
        {
            problems.Add(new($"{at}.rows", new FieldMessage("par.rows_required", "{0}: phương pháp Checklist cần ít nhất một điều kiện.", sub.Code)));
            return;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (!ValidCode(rows[r].Code) || string.IsNullOrWhiteSpace(rows[r].Text) || rows[r].Text.Length > MaxNameLength || rows[r].Points <= 0)
            {
                problems.Add(new($"{at}.rows[{r}]", new FieldMessage("par.row_invalid",
                    "{0}: mỗi điều kiện cần mã, nội dung và số điểm lớn hơn 0.", sub.Code)));
            }
        }

        if (rows.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count() != rows.Count)
        {
            problems.Add(new($"{at}.rows", new FieldMessage("par.row_code_duplicate", "{0}: hai điều kiện trùng mã.", sub.Code)));
        }

        var sum = Sum(rows.Select(r => r.Points));
        if (sum != magnitude)
        {
            problems.Add(new($"{at}.rows", new FieldMessage("par.rows_points_mismatch",
                "{0}: tổng điểm các điều kiện ({1}) phải bằng điểm tối đa ({2}).", sub.Code, sum, magnitude)));
        }
    }

    private static void Tiers(ParSubCriterion sub, decimal magnitude, string at, List<ParProblem> problems)
    {
        var tiers = sub.Method.Tiers;
        if (tiers.Count == 0)
        {
            problems.Add(new($"{at}.tiers", new FieldMessage("par.tiers_required", "{0}: phương pháp Tiered cần ít nhất một mức.", sub.Code)));
            return;
        }

        var wellFormed = tiers.All(t => ValidCode(t.Code) && !string.IsNullOrWhiteSpace(t.Label) && t.Label.Length <= MaxNameLength
                && t.Points >= 0 && t.Points <= magnitude && t.MinPercent is null or (>= 0 and <= 100))
            && tiers.Select(t => t.Code).Distinct(StringComparer.Ordinal).Count() == tiers.Count;
        var thresholds = tiers.Count(t => t.MinPercent is not null);
        var ordered = tiers[0].Points == magnitude
            && tiers.Zip(tiers.Skip(1)).All(p => p.First.Points > p.Second.Points && (p.First.MinPercent is null || p.First.MinPercent > p.Second.MinPercent))
            && (thresholds == 0 || thresholds == tiers.Count);
        if (!wellFormed || !ordered)
        {
            problems.Add(new($"{at}.tiers", new FieldMessage("par.tiers_invalid",
                "{0}: các mức cần mã riêng, điểm từ 0 đến điểm tối đa, mức đầu bằng điểm tối đa, xếp từ cao xuống thấp (ngưỡng % giảm dần, khai báo cho tất cả các mức hoặc không mức nào).",
                sub.Code)));
        }
    }
}
