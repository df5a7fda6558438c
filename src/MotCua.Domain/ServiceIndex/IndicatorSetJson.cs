using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.Domain.ServiceIndex;

/// <summary>Reads the versioned indicator sets from JSON (the shipped <c>indicator-sets.json</c>, or a file an operator
/// edits when the portal changes its rules), with every problem named, so configuration never fails silently.</summary>
public static class IndicatorSetJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private static readonly Lazy<IndicatorSetHistory> Shipped = new(LoadShipped);

    /// <summary>The sets shipped with MotCua (<c>ServiceIndex/indicator-sets.json</c>).</summary>
    public static IndicatorSetHistory Default => Shipped.Value;

    /// <summary>Parses a history of indicator sets; the errors are in Vietnamese for the operator.</summary>
    public static (IndicatorSetHistory? History, IReadOnlyList<string> Errors) Parse(string json)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(json, Options);
        }
        catch (JsonException e)
        {
            return (null, [$"JSON không hợp lệ: {e.Message}"]);
        }

        var errors = new List<string>();
        var sets = new List<IndicatorSet>();
        if (shape?.Versions is not { Count: > 0 } versions)
        {
            return (null, ["cần ít nhất một phiên bản bộ chỉ số (\"versions\")."]);
        }

        foreach (var version in versions)
        {
            var label = string.IsNullOrWhiteSpace(version.Version) ? "(không tên)" : version.Version;
            var indicators = new List<IndicatorDefinition>();
            if (string.IsNullOrWhiteSpace(version.Version))
            {
                errors.Add("một phiên bản thiếu tên (\"version\").");
            }

            if (version.EffectiveFrom is null)
            {
                errors.Add($"phiên bản {label}: thiếu ngày hiệu lực (\"effectiveFrom\").");
            }

            foreach (var row in version.Indicators ?? [])
            {
                if (ToDefinition(row, label, errors) is { } definition)
                {
                    indicators.Add(definition);
                }
            }

            var duplicate = indicators.SelectMany(i => new[] { i.Id, i.MetricCode }).OfType<string>()
                .GroupBy(k => k, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                errors.Add($"phiên bản {label}: chỉ số '{duplicate.Key}' khai báo hai lần.");
            }
            else if (errors.Count == 0)
            {
                sets.Add(new IndicatorSet(version.Version!, version.EffectiveFrom!.Value, version.Source ?? "", indicators));
            }
        }

        if (errors.Count == 0 && sets.Select(s => s.EffectiveFrom).Distinct().Count() != sets.Count)
        {
            errors.Add("hai phiên bản có cùng ngày hiệu lực.");
        }

        return errors.Count > 0 ? (null, errors) : (new IndicatorSetHistory(sets), []);
    }

    private static IndicatorDefinition? ToDefinition(Row row, string version, List<string> errors)
    {
        var at = $"phiên bản {version}, chỉ số '{row.Id}'";
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(row.Id))
        {
            errors.Add($"phiên bản {version}: một chỉ số thiếu mã (\"id\").");
            return null;
        }

        if (row.Group is null || !Enum.IsDefined(row.Group.Value))
        {
            errors.Add($"{at}: thiếu hoặc sai nhóm (\"group\").");
        }

        if (row.Conversion is null || !Enum.IsDefined(row.Conversion.Value))
        {
            errors.Add($"{at}: thiếu hoặc sai cách quy đổi (\"conversion\": Linear, FullAtTarget, Monitoring).");
        }

        if (row.MaxPoints is not { } max || max < 0 || max > 100)
        {
            errors.Add($"{at}: điểm tối đa (\"maxPoints\") phải từ 0 đến 100.");
        }

        if (row.Conversion == IndicatorConversion.FullAtTarget && row.TargetPercent is not (> 0 and <= 100))
        {
            errors.Add($"{at}: quy đổi FullAtTarget cần ngưỡng (\"targetPercent\") lớn hơn 0 và không quá 100.");
        }

        if (row.Cap is < 0)
        {
            errors.Add($"{at}: mức trần (\"cap\") không được âm.");
        }

        if (row.PointsWhenNone is < 0 || row.PointsWhenNone > row.MaxPoints)
        {
            errors.Add($"{at}: điểm khi mẫu số bằng 0 (\"pointsWhenNone\") phải từ 0 đến điểm tối đa.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new IndicatorDefinition(
            row.Id.Trim(), string.IsNullOrWhiteSpace(row.MetricCode) ? null : row.MetricCode.Trim(), row.Group!.Value,
            row.Name ?? row.Id, row.MaxPoints!.Value, row.Conversion!.Value, row.TargetPercent, row.Cap,
            row.ZeroDenominator ?? ZeroDenominatorRule.ZeroPoints, row.Scope ?? IndicatorScope.ProvinceAndCommune, row.Verified ?? false,
            row.PointsWhenNone);
    }

    private static IndicatorSetHistory LoadShipped()
    {
        using var stream = typeof(IndicatorSetJson).Assembly.GetManifestResourceStream("MotCua.Domain.ServiceIndex.indicator-sets.json")
            ?? throw new InvalidOperationException("The shipped indicator-sets.json is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var (history, errors) = Parse(reader.ReadToEnd());
        return history ?? throw new InvalidOperationException(
            string.Create(CultureInfo.InvariantCulture, $"The shipped indicator-sets.json is invalid: {string.Join("; ", errors)}"));
    }

    private sealed record FileShape(List<VersionShape>? Versions);

    private sealed record VersionShape(string? Version, DateOnly? EffectiveFrom, string? Source, List<Row>? Indicators);

    private sealed record Row(
        string? Id, string? MetricCode, ServiceIndexGroup? Group, string? Name, decimal? MaxPoints, IndicatorConversion? Conversion,
        decimal? TargetPercent, decimal? Cap, ZeroDenominatorRule? ZeroDenominator, IndicatorScope? Scope, bool? Verified,
        decimal? PointsWhenNone);
}
