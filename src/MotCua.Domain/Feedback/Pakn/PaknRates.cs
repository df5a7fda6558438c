using MotCua.Domain.ServiceIndex;

namespace MotCua.Domain.Feedback.Pakn;

/// <summary>The PAKN rates of Decision 766 group 6 (§5.2–5.4), the local handling rate and TT 01/2018 Index 8, as pure
/// functions of per-case facts or counts (domain.md §8.2 group 6, §10.5).</summary>
/// <remarks>Each returns a <see cref="PaknRate"/> with numerator, denominator, unrounded ratio and points, and the ids
/// that count against it. Each case counts once: pass one <see cref="PaknPeriodFacts"/> per case. The points come from
/// the 766 indicator set (<see cref="IndicatorDefinition.Score"/>: 5.2, 5.3, 5.4), so the conversion rules, targets and
/// zero-denominator rules are written once, as versioned data; pass the set in force for the period, or the latest
/// shipped one is used.</remarks>
public static class PaknRates
{
    /// <summary>766 §5.2, <c>PETITION_PROCESSING_ON_TIME</c>.</summary>
    public const string OnTimeIndicator = "766-5.2";

    /// <summary>766 §5.3, <c>PETITION_HANDLING_SATISFACTION</c>.</summary>
    public const string SatisfactionIndicator = "766-5.3";

    /// <summary>766 §5.4, <c>DOSSIER_RECEIVING_SATISFACTION</c>.</summary>
    public const string DossierSatisfactionIndicator = "766-5.4";

    /// <summary>The handling rate of local reports (tỷ lệ xử lý).</summary>
    public const string HandlingIndicator = "local-handling";

    /// <summary>TT 01/2018 Art. 13 Index 8.</summary>
    public const string Index8Indicator = "tt01-2018-index-8";

    /// <summary>766 §5.2: (handled on time + open within the deadline) / PAKN received or handled in the period;
    /// 6 × ratio; 6 when there is none (the shipped rule).</summary>
    public static PaknRate OnTime(IEnumerable<PaknPeriodFacts> cases, IndicatorSet? set = null)
    {
        var population = OnTimePopulation(cases);
        var against = population.Where(c => c.IsLate).Select(c => c.CaseId).ToList();
        return Scored(OnTimeIndicator, "5.2", population.Count - against.Count, population.Count, against, set);
    }

    /// <summary>766 §5.3: (first received in the period − those with more dislikes than likes, or late, or repeated
    /// with dissatisfied content) / first received in the period; 6 × ratio;
    /// 6 when there is none (the shipped rule).</summary>
    public static PaknRate Satisfaction(IEnumerable<PaknPeriodFacts> cases, IndicatorSet? set = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var population = cases.Where(c => c.FirstReceivedInPeriod).ToList();
        var against = population.Where(c => c.Dislikes > c.Likes || c.IsLate || c.RepeatedDissatisfied).Select(c => c.CaseId).ToList();
        return Scored(SatisfactionIndicator, "5.3", population.Count - against.Count, population.Count, against, set);
    }

    /// <summary>The handling rate of local reports [R]: handled in the period / (received in the period + carried
    /// over). Scores nothing; the ratio is <see langword="null"/> when there is nothing to handle.</summary>
    public static PaknRate Handling(IEnumerable<PaknPeriodFacts> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var population = cases.Where(c => c.ReceivedInPeriod || c.CarriedOver).ToList();
        var handled = population.Count(c => c.HandledInPeriod);
        var against = population.Where(c => !c.HandledInPeriod).Select(c => c.CaseId).ToList();
        return new PaknRate(HandlingIndicator, handled, population.Count, Ratio(handled, population.Count), 0m, 0m, against);
    }

    /// <summary>TT 01/2018 Index 8 [V]: 2 when there is no PAKN, or 100 % on time and none prolonged; 1 when at least
    /// 90 % on time and none prolonged; 0 otherwise.</summary>
    /// <remarks>"On time" is counted over the §5.2 population (received or handled in the period; handled on time or
    /// open within the deadline) [design]. PAKN deadlines are never prolonged in MotCua, so <paramref name="prolonged"/>
    /// is whatever the caller knows of (0 by default).</remarks>
    public static PaknRate Index8(IEnumerable<PaknPeriodFacts> cases, int prolonged = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prolonged);
        var population = OnTimePopulation(cases);
        var against = population.Where(c => c.IsLate).Select(c => c.CaseId).ToList();
        var onTime = population.Count - against.Count;
        var ratio = Ratio(onTime, population.Count);
        var points = ratio switch
        {
            null => 2m,
            1m when prolonged == 0 => 2m,
            >= 0.9m when prolonged == 0 => 1m,
            _ => 0m,
        };
        return new PaknRate(Index8Indicator, onTime, population.Count, ratio, points, 2m, against);
    }

    /// <summary>766 §5.4: 100 % − (late-dossier rate + rate of dossiers with a PAKN or a dislike), at least 0;
    /// points min(6, 6 × ratio / 0.90); 0 when there are no dossiers (the shipped rule).</summary>
    /// <param name="dossiers">Dossiers in the period.</param>
    /// <param name="late">Of which late.</param>
    /// <param name="withPaknOrDislike">Of which with a PAKN or a dislike (C1 adds the two rates, so a dossier both late
    /// and disliked counts twice).</param>
    /// <param name="set">The indicator set; <see langword="null"/> means the latest shipped one.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or a part exceeds the dossiers.</exception>
    public static PaknRate DossierSatisfaction(int dossiers, int late, int withPaknOrDislike, IndicatorSet? set = null) =>
        DossierSatisfaction(dossiers, late, withPaknOrDislike, [], set);

    /// <summary>766 §5.4 from the ids of the late dossiers and of those with a PAKN or a dislike, which are listed as
    /// counting against it.</summary>
    public static PaknRate DossierSatisfaction(
        int dossiers, IReadOnlyCollection<Guid> late, IReadOnlyCollection<Guid> withPaknOrDislike, IndicatorSet? set = null)
    {
        ArgumentNullException.ThrowIfNull(late);
        ArgumentNullException.ThrowIfNull(withPaknOrDislike);
        return DossierSatisfaction(dossiers, late.Count, withPaknOrDislike.Count, [.. late.Concat(withPaknOrDislike).Distinct()], set);
    }

    private static PaknRate DossierSatisfaction(int dossiers, int late, int withPaknOrDislike, IReadOnlyList<Guid> against, IndicatorSet? set)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dossiers);
        ArgumentOutOfRangeException.ThrowIfNegative(late);
        ArgumentOutOfRangeException.ThrowIfNegative(withPaknOrDislike);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(late, dossiers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(withPaknOrDislike, dossiers);
        var satisfied = Math.Max(0, dossiers - late - withPaknOrDislike);
        return Scored(DossierSatisfactionIndicator, "5.4", satisfied, dossiers, against, set);
    }

    private static List<PaknPeriodFacts> OnTimePopulation(IEnumerable<PaknPeriodFacts> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return [.. cases.Where(c => c.ReceivedInPeriod || c.HandledInPeriod)];
    }

    private static PaknRate Scored(string indicator, string id, int numerator, int denominator, IReadOnlyList<Guid> against, IndicatorSet? set)
    {
        var definition = (set ?? IndicatorSetJson.Default.Versions[^1]).Find(id)
            ?? throw new InvalidOperationException($"The indicator set has no {id}.");
        var score = definition.Score(numerator, denominator);
        return new PaknRate(indicator, numerator, denominator, Ratio(numerator, denominator), score.Points ?? 0m, definition.Ceiling, against);
    }

    private static decimal? Ratio(int numerator, int denominator) => denominator == 0 ? null : (decimal)numerator / denominator;
}
