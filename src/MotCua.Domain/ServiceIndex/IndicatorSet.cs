namespace MotCua.Domain.ServiceIndex;

/// <summary>One version of the 766 indicator set: the rules in force from <see cref="EffectiveFrom"/> (domain.md §8.3,
/// <c>IndexDefinition(version, effectiveFrom)</c>: the operational set has changed since 2022 and will change again).</summary>
public sealed class IndicatorSet
{
    private readonly Dictionary<string, IndicatorDefinition> _byKey;

    public IndicatorSet(string version, DateOnly effectiveFrom, string source, IReadOnlyList<IndicatorDefinition> indicators)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(indicators);
        Version = version;
        EffectiveFrom = effectiveFrom;
        Source = source ?? "";
        Indicators = indicators;
        _byKey = new Dictionary<string, IndicatorDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in indicators)
        {
            if (!_byKey.TryAdd(indicator.Id, indicator) || (indicator.MetricCode is { Length: > 0 } code && !_byKey.TryAdd(code, indicator)))
            {
                throw new ArgumentException($"Indicator set {version} names '{indicator.Id}' twice.", nameof(indicators));
            }
        }
    }

    public string Version { get; }

    public DateOnly EffectiveFrom { get; }

    /// <summary>Where the rules come from (documents, captures), shown beside the scorecard.</summary>
    public string Source { get; }

    /// <summary>The indicators in display order.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>The indicator with this id or portal metric code (case-insensitive), or <see langword="null"/>.</summary>
    public IndicatorDefinition? Find(string idOrMetricCode) =>
        _byKey.GetValueOrDefault((idOrMetricCode ?? "").Trim());

    /// <summary>Each group's maximum: the sum of its scored indicators' maxima.</summary>
    public decimal MaxPoints(ServiceIndexGroup group) => Indicators.Where(i => i.Group == group).Sum(i => i.Ceiling);

    /// <summary>A group's points as the portal publishes them: the sum of its indicators' rounded points (§8.2);
    /// <see langword="null"/> when none of them is scored.</summary>
    public static decimal? GroupPoints(IEnumerable<IndicatorScore> scores, ServiceIndexGroup group)
    {
        var scored = scores.Where(s => s.Definition.Group == group && s.PresentedPoints is not null).ToList();
        return scored.Count == 0 ? null : scored.Sum(s => s.PresentedPoints!.Value);
    }
}

/// <summary>Every version of the indicator set, oldest first; <see cref="For"/> picks the one in force on a date.</summary>
public sealed class IndicatorSetHistory
{
    public IndicatorSetHistory(IReadOnlyList<IndicatorSet> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            throw new ArgumentException("At least one indicator set is needed.", nameof(versions));
        }

        Versions = [.. versions.OrderBy(v => v.EffectiveFrom)];
        if (Versions.Select(v => v.EffectiveFrom).Distinct().Count() != Versions.Count)
        {
            throw new ArgumentException("Two indicator sets start on the same day.", nameof(versions));
        }
    }

    public IReadOnlyList<IndicatorSet> Versions { get; }

    /// <summary>The set in force on <paramref name="date"/> (the period's last day is what the portal scores a period
    /// with); before the first version, the first one, since no earlier rules are known.</summary>
    public IndicatorSet For(DateOnly date) => Versions.LastOrDefault(v => v.EffectiveFrom <= date) ?? Versions[0];
}
