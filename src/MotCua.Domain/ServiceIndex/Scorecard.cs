namespace MotCua.Domain.ServiceIndex;

/// <summary>Where an indicator's counts come from on a scorecard.</summary>
public enum FigureSource
{
    /// <summary>Computed from MotCua's own data (dossier statistics, PAKN, ratings, catalogue).</summary>
    Computed,

    /// <summary>A figure imported from a national database or the portal (group 1, 1.4, 4.3–4.5, …), with its note.</summary>
    Imported,

    /// <summary>MotCua cannot compute it and nobody imported it: no points, shown as a gap, never as 0.</summary>
    NotAvailable,

    /// <summary>Not scored for this unit: a province-only indicator on a commune (domain.md §8.2 "Scope"). How the portal
    /// totals a commune on those rows was not established, so MotCua leaves them out of the commune's maximum.</summary>
    NotApplicable,
}

/// <summary>The counts behind one indicator for one unit and period.</summary>
/// <param name="IndicatorId">The indicator's id in the set (not a metric-code alias).</param>
/// <param name="Numerator">The count in the numerator.</param>
/// <param name="Denominator">The count in the denominator.</param>
/// <param name="Note">Where the figure comes from (an import's source note; the rule a computed figure follows).</param>
public sealed record IndicatorFigure(string IndicatorId, long Numerator, long Denominator, string? Note = null);

/// <summary>One indicator on a scorecard.</summary>
/// <param name="Definition">The rule applied.</param>
/// <param name="Source">Where its counts come from.</param>
/// <param name="Score">The score, or <see langword="null"/> when not available or not applicable.</param>
/// <param name="Note">The figure's note.</param>
/// <param name="Portal">An imported figure for an indicator MotCua computes (the portal's own count), shown beside the
/// local score and never replacing it (domain.md §8.3).</param>
public sealed record ScorecardRow(IndicatorDefinition Definition, FigureSource Source, IndicatorScore? Score, string? Note, IndicatorScore? Portal)
{
    /// <summary>The published points (2 decimals), or <see langword="null"/>.</summary>
    public decimal? Points => Score?.PresentedPoints;

    /// <summary>The most this unit can score on the row (0 when it is not applicable or has no points).</summary>
    public decimal MaxPoints => Source == FigureSource.NotApplicable ? 0m : Definition.Ceiling;

    /// <summary>Points short of the maximum on a scored row; 0 when the row has no score (a gap is not a loss).</summary>
    public decimal PointsLost => Score?.PointsLost ?? 0m;
}

/// <summary>One displayed group's totals: the sum of its rows' published points (§8.2).</summary>
public sealed record ScorecardGroup(ServiceIndexGroup Group, decimal? Points, decimal MaxPoints, decimal ScoredMaxPoints, decimal PointsLost);

/// <summary>The 766 scorecard of one unit and period: every indicator of the set in force on the period's last day,
/// scored from computed figures where MotCua has the data, from imported figures otherwise (domain.md §8.2–8.3).</summary>
public sealed class Scorecard
{
    private Scorecard(IndicatorSet set, IReadOnlyList<ScorecardRow> rows)
    {
        Set = set;
        Rows = rows;
        Groups = [.. Enum.GetValues<ServiceIndexGroup>().Select(g =>
        {
            var inGroup = rows.Where(r => r.Definition.Group == g).ToList();
            var scored = inGroup.Where(r => r.Points is not null).ToList();
            return new ScorecardGroup(
                g, scored.Count == 0 ? null : scored.Sum(r => r.Points!.Value), inGroup.Sum(r => r.MaxPoints),
                scored.Sum(r => r.MaxPoints), inGroup.Sum(r => r.PointsLost));
        })];
    }

    public IndicatorSet Set { get; }

    /// <summary>Every indicator in the set's display order.</summary>
    public IReadOnlyList<ScorecardRow> Rows { get; }

    /// <summary>The six displayed groups in the portal's order.</summary>
    public IReadOnlyList<ScorecardGroup> Groups { get; }

    /// <summary>The sum of the published points of every scored row.</summary>
    public decimal TotalPoints => Rows.Sum(r => r.Points ?? 0m);

    /// <summary>The maximum of every applicable row (100 for a province on the 2025 set).</summary>
    public decimal MaxPoints => Rows.Sum(r => r.MaxPoints);

    /// <summary>The maximum of the rows that have a score: what <see cref="TotalPoints"/> is out of.</summary>
    public decimal ScoredMaxPoints => Rows.Where(r => r.Points is not null).Sum(r => r.MaxPoints);

    /// <summary>Points lost on scored rows.</summary>
    public decimal PointsLost => Rows.Sum(r => r.PointsLost);

    /// <summary>The row of an indicator (id or metric code), or <see langword="null"/>.</summary>
    public ScorecardRow? Row(string idOrMetricCode) =>
        Set.Find(idOrMetricCode) is { } definition ? Rows.FirstOrDefault(r => r.Definition == definition) : null;

    /// <summary>Scores every indicator of <paramref name="set"/>.</summary>
    /// <param name="set">The set in force on the period's last day.</param>
    /// <param name="commune">Whether the unit is a commune: province-only indicators are then not applicable (§8.2).</param>
    /// <param name="computed">Figures MotCua computed, by indicator id; they take precedence.</param>
    /// <param name="imported">Imported figures, by indicator id; they score the indicators not computed, and stand beside
    /// the computed ones as the portal's figure.</param>
    public static Scorecard Evaluate(
        IndicatorSet set, bool commune, IReadOnlyDictionary<string, IndicatorFigure> computed, IReadOnlyDictionary<string, IndicatorFigure> imported)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(imported);
        var rows = new List<ScorecardRow>();
        foreach (var definition in set.Indicators)
        {
            var own = computed.GetValueOrDefault(definition.Id);
            var portal = imported.GetValueOrDefault(definition.Id);
            if (commune && definition.Scope == IndicatorScope.Province)
            {
                rows.Add(new ScorecardRow(definition, FigureSource.NotApplicable, null, null, null));
            }
            else if (own is not null)
            {
                rows.Add(new ScorecardRow(definition, FigureSource.Computed, definition.Score(own.Numerator, own.Denominator), own.Note,
                    portal is null ? null : definition.Score(portal.Numerator, portal.Denominator)));
            }
            else if (portal is not null)
            {
                rows.Add(new ScorecardRow(definition, FigureSource.Imported, definition.Score(portal.Numerator, portal.Denominator), portal.Note, null));
            }
            else
            {
                rows.Add(new ScorecardRow(definition, FigureSource.NotAvailable, null, null, null));
            }
        }

        return new Scorecard(set, rows);
    }
}
