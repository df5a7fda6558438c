using System.Text.Json;
using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>The documented JSON of an assessment (README.md in this folder).</summary>
public sealed record ParAssessmentDocument(
    string? Format, string? Unit, string? UnitName, ParFrameworkReference? Framework, IReadOnlyList<ParAssessmentItemDocument>? Items);

/// <summary>Which framework an assessment is scored under.</summary>
public sealed record ParFrameworkReference(string? Code, int? Year, string? Level);

/// <summary>One sub-criterion's input (see <see cref="ParScoreInput"/>).</summary>
public sealed record ParAssessmentItemDocument(
    string? SubCriterion,
    decimal? Score,
    bool? Done,
    IReadOnlyList<string>? CheckedRows,
    string? Tier,
    decimal? Percent,
    int? Violations,
    int? Count,
    decimal? Value,
    bool? NotApplicable,
    string? Note);

/// <summary>One unit's inputs under a framework.</summary>
/// <param name="Unit">The unit's identifier code (or any label the caller uses).</param>
/// <param name="Items">The inputs in document order, by sub-criterion code.</param>
/// <param name="FrameworkCode">The framework's code.</param>
/// <param name="Level">Departments or communes.</param>
/// <param name="UnitName">The unit's name, if given.</param>
/// <param name="Year">The assessed year.</param>
public sealed record ParAssessment(
    string Unit, string? UnitName, string FrameworkCode, int Year, ParLevel Level, IReadOnlyList<KeyValuePair<string, ParScoreInput>> Items)
{
    /// <summary>The inputs by sub-criterion code (codes are unique in a valid assessment).</summary>
    public IReadOnlyDictionary<string, ParScoreInput> Inputs => Items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);

    /// <summary>Problems when the assessment does not name <paramref name="framework"/>.</summary>
    public IReadOnlyList<ParProblem> Matches(ParFrameworkDefinition framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return FrameworkCode == framework.Code && Year == framework.Year && Level == framework.Level
            ? []
            : [new("framework", new FieldMessage("par.framework_mismatch", "Bản đánh giá thuộc bộ chỉ số {0} năm {1} ({2}), không phải {3} năm {4} ({5}).",
                FrameworkCode, Year, Level.ToString(), framework.Code, framework.Year, framework.Level.ToString()))];
    }
}

/// <summary>Reads and writes assessments in the documented JSON; import then export gives the same text.</summary>
public static class ParAssessmentJson
{
    /// <summary>The format tag written in every exported assessment.</summary>
    public const string FormatTag = "motcua.parindex.assessment/1";

    /// <summary>Longest note.</summary>
    public const int MaxNoteLength = 4000;

    /// <summary>Parses JSON text; any problem gives no assessment.</summary>
    public static (ParAssessment? Assessment, IReadOnlyList<ParProblem> Problems) Parse(string json)
    {
        ParAssessmentDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ParAssessmentDocument>(json, ParFrameworkJson.Options);
        }
        catch (JsonException e)
        {
            return (null, [new("$", new FieldMessage("par.json_invalid", "JSON không hợp lệ: {0}", e.Message))]);
        }

        return document is null ? (null, [new("$", new FieldMessage("par.json_invalid", "JSON không hợp lệ: {0}", "null"))]) : FromDocument(document);
    }

    /// <summary>Checks a document and turns it into an assessment.</summary>
    public static (ParAssessment? Assessment, IReadOnlyList<ParProblem> Problems) FromDocument(ParAssessmentDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<ParProblem>();
        if (document.Format is not null && document.Format != FormatTag)
        {
            problems.Add(new("format", new FieldMessage("par.format_unknown", "Định dạng \"{0}\" không được hỗ trợ (cần \"{1}\").", document.Format, FormatTag)));
        }

        if (string.IsNullOrWhiteSpace(document.Unit))
        {
            problems.Add(new("unit", new FieldMessage("par.field_required", "Thiếu \"{0}\".", "unit")));
        }

        if (string.IsNullOrWhiteSpace(document.Framework?.Code))
        {
            problems.Add(new("framework.code", new FieldMessage("par.field_required", "Thiếu \"{0}\".", "framework.code")));
        }

        if (document.Framework?.Year is not (>= 2000 and <= 2100))
        {
            problems.Add(new("framework.year", new FieldMessage("par.year_range", "Năm đánh giá phải từ 2000 đến 2100.")));
        }

        var level = ParFrameworkJson.EnumValue<ParLevel>(document.Framework?.Level, "framework.level", required: true, problems);
        var items = new List<KeyValuePair<string, ParScoreInput>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = document.Items ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var path = $"items[{i}]";
            if (item is null || string.IsNullOrWhiteSpace(item.SubCriterion))
            {
                problems.Add(new(path, new FieldMessage("par.field_required", "Thiếu \"{0}\".", $"{path}.subCriterion")));
                continue;
            }

            if (!seen.Add(item.SubCriterion))
            {
                problems.Add(new(path, new FieldMessage("par.input_duplicate", "Tiêu chí thành phần {0} được nhập hai lần.", item.SubCriterion)));
            }

            if (item.Note is { Length: > MaxNoteLength })
            {
                problems.Add(new($"{path}.note", new FieldMessage("par.note_length", "Giải trình dài quá {0} ký tự.", MaxNoteLength)));
            }

            items.Add(new(item.SubCriterion, new ParScoreInput(item.Score, item.Done, item.CheckedRows, item.Tier, item.Percent, item.Violations,
                item.Count, item.Value, item.NotApplicable ?? false, item.Note)));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ParAssessment(document.Unit!.Trim(), document.UnitName, document.Framework!.Code!.Trim(), document.Framework.Year!.Value, level!.Value, items), []);
    }

    /// <summary>The document of <paramref name="assessment"/>.</summary>
    public static ParAssessmentDocument ToDocument(ParAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new ParAssessmentDocument(FormatTag, assessment.Unit, assessment.UnitName,
            new ParFrameworkReference(assessment.FrameworkCode, assessment.Year, assessment.Level.ToString()),
            [.. assessment.Items.Select(i => new ParAssessmentItemDocument(i.Key, i.Value.Score, i.Value.Done, i.Value.CheckedRows, i.Value.Tier,
                i.Value.Percent, i.Value.Violations, i.Value.Count, i.Value.Value, i.Value.NotApplicable ? true : null, i.Value.Note))]);
    }

    /// <summary>The JSON text of <paramref name="assessment"/>.</summary>
    public static string Write(ParAssessment assessment) => JsonSerializer.Serialize(ToDocument(assessment), ParFrameworkJson.Options);
}
