using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>The documented JSON of a framework (README.md in this folder): every field optional on the wire so that each
/// missing one is named, enums as their names.</summary>
public sealed record ParFrameworkDocument(
    string? Format,
    string? Code,
    string? Name,
    int? Year,
    string? Level,
    int? Version,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    string? Status,
    decimal? MaxPoints,
    IReadOnlyList<ParBandDocument>? Bands,
    IReadOnlyList<ParAreaDocument>? Areas);

public sealed record ParBandDocument(string? Code, string? Label, decimal? MinPercent);

public sealed record ParAreaDocument(
    string? Code, string? Name, decimal? MaxPoints, bool? BonusPenalty, decimal? Cap, IReadOnlyList<ParCriterionDocument>? Criteria);

public sealed record ParCriterionDocument(string? Code, string? Name, decimal? MaxPoints, IReadOnlyList<ParSubCriterionDocument>? SubCriteria);

public sealed record ParSubCriterionDocument(
    string? Code,
    string? Name,
    decimal? MaxPoints,
    string? AppliesTo,
    string? DataSource,
    string? AppraisingDepartment,
    bool? EvidenceRequired,
    ParMethodDocument? Method);

public sealed record ParMethodDocument(
    string? Kind,
    IReadOnlyList<ParTierDocument>? Tiers,
    decimal? TargetPercent,
    decimal? Cap,
    IReadOnlyList<ParRowDocument>? Rows,
    decimal? PointsEach,
    decimal? Floor,
    decimal? ScaleMin,
    decimal? ScaleMax,
    string? Formula);

public sealed record ParTierDocument(string? Code, string? Label, decimal? MinPercent, decimal? Points);

public sealed record ParRowDocument(string? Code, string? Text, decimal? Points);

/// <summary>Reads, checks and writes frameworks in the documented JSON; import then export gives the same text.</summary>
public static class ParFrameworkJson
{
    /// <summary>The format tag written in every exported framework.</summary>
    public const string FormatTag = "motcua.parindex.framework/1";

    /// <summary>Longest framework code.</summary>
    public const int MaxFrameworkCodeLength = 40;

    /// <summary>Longest framework name.</summary>
    public const int MaxFrameworkNameLength = 300;

    /// <summary>Longest decision number.</summary>
    public const int MaxDecisionLength = 100;

    /// <summary>The serializer options of both formats (reading tolerant of comments and trailing commas; writing
    /// indented, camelCase, Vietnamese unescaped, nulls left out).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Parses JSON text into a definition, with every problem; structural problems give no definition, while
    /// problems that only stop issuing come back with it.</summary>
    public static (ParFrameworkDefinition? Definition, IReadOnlyList<ParProblem> Problems) Parse(string json)
    {
        ParFrameworkDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ParFrameworkDocument>(json, Options);
        }
        catch (JsonException e)
        {
            return (null, [new("$", new FieldMessage("par.json_invalid", "JSON không hợp lệ: {0}", e.Message))]);
        }

        return document is null
            ? (null, [new("$", new FieldMessage("par.json_invalid", "JSON không hợp lệ: {0}", "null"))])
            : FromDocument(document);
    }

    /// <summary>Checks a document and turns it into a definition (see <see cref="Parse"/>).</summary>
    public static (ParFrameworkDefinition? Definition, IReadOnlyList<ParProblem> Problems) FromDocument(ParFrameworkDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<ParProblem>();
        if (document.Format is not null && document.Format != FormatTag)
        {
            problems.Add(new("format", new FieldMessage("par.format_unknown", "Định dạng \"{0}\" không được hỗ trợ (cần \"{1}\").", document.Format, FormatTag)));
        }

        if (string.IsNullOrWhiteSpace(document.Code) || document.Code.Length > MaxFrameworkCodeLength || document.Code.Any(char.IsWhiteSpace))
        {
            problems.Add(new("code", new FieldMessage("par.framework_code", "Cần mã bộ chỉ số, 1 đến {0} ký tự, không có khoảng trắng.", MaxFrameworkCodeLength)));
        }

        if (string.IsNullOrWhiteSpace(document.Name) || document.Name.Length > MaxFrameworkNameLength)
        {
            problems.Add(new("name", new FieldMessage("par.framework_name", "Cần tên bộ chỉ số, tối đa {0} ký tự.", MaxFrameworkNameLength)));
        }

        if (document.Year is not (>= 2000 and <= 2100))
        {
            problems.Add(new("year", new FieldMessage("par.year_range", "Năm đánh giá phải từ 2000 đến 2100.")));
        }

        if (document.Version is < 1)
        {
            problems.Add(new("version", new FieldMessage("par.version_range", "Phiên bản phải từ 1 trở lên.")));
        }

        if (document.DecisionNumber is { Length: > MaxDecisionLength })
        {
            problems.Add(new("decisionNumber", new FieldMessage("par.decision_length", "Số quyết định dài quá {0} ký tự.", MaxDecisionLength)));
        }

        var level = EnumValue<ParLevel>(document.Level, "level", required: true, problems);
        var status = EnumValue<ParFrameworkStatus>(document.Status, "status", required: false, problems) ?? ParFrameworkStatus.Draft;
        var tree = Tree(document, problems);
        problems.AddRange(ParFrameworkRules.Validate(tree));
        if (problems.Any(p => !p.IssueOnly))
        {
            return (null, problems);
        }

        return (new ParFrameworkDefinition(document.Code!.Trim(), document.Name!.Trim(), document.Year!.Value, level!.Value,
            document.Version ?? 1, Blank(document.DecisionNumber), document.DecisionDate, status, tree), problems);
    }

    /// <summary>The document of <paramref name="definition"/>.</summary>
    public static ParFrameworkDocument ToDocument(ParFrameworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var tree = definition.Tree;
        return new ParFrameworkDocument(FormatTag, definition.Code, definition.Name, definition.Year, definition.Level.ToString(),
            definition.Version, definition.DecisionNumber, definition.DecisionDate, definition.Status.ToString(), tree.MaxPoints,
            [.. tree.Bands.Select(b => new ParBandDocument(b.Code, b.Label, b.MinPercent))],
            [.. tree.Areas.Select(ToDocument)]);
    }

    /// <summary>The document of one area (the API's tree view).</summary>
    public static ParAreaDocument ToDocument(ParArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return new ParAreaDocument(area.Code, area.Name, area.MaxPoints, area.IsBonusPenalty ? true : null, area.Cap,
            [.. area.Criteria.Select(c => new ParCriterionDocument(c.Code, c.Name, c.MaxPoints, [.. c.SubCriteria.Select(ToDocument)]))]);
    }

    /// <summary>The document of one sub-criterion.</summary>
    public static ParSubCriterionDocument ToDocument(ParSubCriterion sub)
    {
        ArgumentNullException.ThrowIfNull(sub);
        var m = sub.Method;
        return new ParSubCriterionDocument(sub.Code, sub.Name, sub.MaxPoints, sub.AppliesTo.ToString(), sub.DataSource.ToString(),
            sub.AppraisingDepartment, sub.EvidenceRequired,
            new ParMethodDocument(m.Kind.ToString(),
                m.Tiers.Count == 0 ? null : [.. m.Tiers.Select(t => new ParTierDocument(t.Code, t.Label, t.MinPercent, t.Points))],
                m.TargetPercent, m.Cap,
                m.Rows.Count == 0 ? null : [.. m.Rows.Select(r => new ParRowDocument(r.Code, r.Text, r.Points))],
                m.PointsEach, m.Floor, m.ScaleMin, m.ScaleMax, m.Formula));
    }

    /// <summary>The JSON text of <paramref name="definition"/> (indented, UTF-8 text unescaped).</summary>
    public static string Write(ParFrameworkDefinition definition) => JsonSerializer.Serialize(ToDocument(definition), Options);

    /// <summary>A sub-criterion from its document (the edit call), with the problems of its fields; <paramref name="path"/>
    /// prefixes them.</summary>
    public static ParSubCriterion SubCriterion(ParSubCriterionDocument? row, string path, List<ParProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (row is null)
        {
            problems.Add(new(path, new FieldMessage("par.field_required", "Thiếu \"{0}\".", path)));
            return new ParSubCriterion("", "", 0, ParMethod.Of(ParMethodKind.Binary), ParAppliesTo.Both, ParDataSource.Self, null, false);
        }

        if (row.MaxPoints is null)
        {
            problems.Add(new($"{path}.maxPoints", new FieldMessage("par.field_required", "Thiếu \"{0}\".", $"{path}.maxPoints")));
        }

        var appliesTo = EnumValue<ParAppliesTo>(row.AppliesTo, $"{path}.appliesTo", required: false, problems) ?? ParAppliesTo.Both;
        var source = EnumValue<ParDataSource>(row.DataSource, $"{path}.dataSource", required: false, problems) ?? ParDataSource.Self;
        var method = Method(row.Method, $"{path}.method", problems);
        return new ParSubCriterion(row.Code?.Trim() ?? "", row.Name?.Trim() ?? "", row.MaxPoints ?? 0m, method, appliesTo, source,
            Blank(row.AppraisingDepartment), row.EvidenceRequired ?? false);
    }

    /// <summary>The stored form of a tree: the framework document without its header.</summary>
    public static string WriteTree(ParFrameworkTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var document = ToDocument(new ParFrameworkDefinition("", "", 0, ParLevel.Department, 1, null, null, ParFrameworkStatus.Draft, tree));
        return JsonSerializer.Serialize(new ParFrameworkDocument(null, null, null, null, null, null, null, null, null,
            document.MaxPoints, document.Bands, document.Areas), Options);
    }

    /// <summary>A tree written by <see cref="WriteTree"/> (stored, so checked when it was written).</summary>
    public static ParFrameworkTree ReadTree(string json)
    {
        var document = JsonSerializer.Deserialize<ParFrameworkDocument>(json, Options)
            ?? throw new InvalidOperationException("A stored PAR framework tree is null.");
        var problems = new List<ParProblem>();
        var tree = Tree(document, problems);
        return problems.Count == 0 ? tree : throw new InvalidOperationException("A stored PAR framework tree is invalid: " + string.Join("; ", problems));
    }

    private static ParFrameworkTree Tree(ParFrameworkDocument document, List<ParProblem> problems)
    {
        var areas = new List<ParArea>();
        var list = document.Areas ?? [];
        for (var a = 0; a < list.Count; a++)
        {
            areas.Add(Area(list[a], $"areas[{a}]", problems));
        }

        var bands = document.Bands is null
            ? ParFrameworkTree.DefaultBands
            : [.. document.Bands.Select(b => new ParBand(b?.Code ?? "", b?.Label ?? "", b?.MinPercent ?? -1m))];
        return new ParFrameworkTree(document.MaxPoints, bands, areas);
    }

    private static ParArea Area(ParAreaDocument? row, string path, List<ParProblem> problems)
    {
        var criteria = new List<ParCriterion>();
        var list = row?.Criteria ?? [];
        for (var c = 0; c < list.Count; c++)
        {
            var criterion = list[c];
            var subs = new List<ParSubCriterion>();
            var subList = criterion?.SubCriteria ?? [];
            for (var s = 0; s < subList.Count; s++)
            {
                subs.Add(SubCriterion(subList[s], $"{path}.criteria[{c}].subCriteria[{s}]", problems));
            }

            criteria.Add(new ParCriterion(criterion?.Code?.Trim() ?? "", criterion?.Name?.Trim() ?? "", criterion?.MaxPoints, subs));
        }

        return new ParArea(row?.Code?.Trim() ?? "", row?.Name?.Trim() ?? "", row?.MaxPoints, row?.BonusPenalty ?? false, row?.Cap, criteria);
    }

    private static ParMethod Method(ParMethodDocument? row, string path, List<ParProblem> problems)
    {
        var kind = EnumValue<ParMethodKind>(row?.Kind, $"{path}.kind", required: true, problems) ?? ParMethodKind.Binary;
        if (row is null)
        {
            return ParMethod.Of(kind);
        }

        return new ParMethod(kind,
            [.. (row.Tiers ?? []).Select(t => new ParTier(t?.Code ?? "", t?.Label ?? "", t?.MinPercent, t?.Points ?? -1m))],
            row.TargetPercent, row.Cap,
            [.. (row.Rows ?? []).Select(r => new ParChecklistRow(r?.Code ?? "", r?.Text ?? "", r?.Points ?? 0m))],
            row.PointsEach, row.Floor, row.ScaleMin, row.ScaleMax, Blank(row.Formula));
    }

    /// <summary>An enum member by name (case-insensitive, never a number), or a problem at <paramref name="path"/>.</summary>
    public static TEnum? EnumValue<TEnum>(string? text, string path, bool required, List<ParProblem> problems)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new(path, new FieldMessage("par.field_required", "Thiếu \"{0}\".", path)));
            }

            return null;
        }

        // Names only: a number would parse as any integer.
        if (!text.All(char.IsAsciiLetter) || !Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            problems.Add(new(path, new FieldMessage("par.enum_invalid", "\"{0}\" không hợp lệ; chọn một trong: {1}.",
                text, string.Join(", ", Enum.GetNames<TEnum>()))));
            return null;
        }

        return value;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
