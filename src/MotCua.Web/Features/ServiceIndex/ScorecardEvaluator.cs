using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.ServiceIndex;
using MotCua.Persistence;
using MotCua.Persistence.ServiceIndex;
using MotCua.Web.Features.Feedback;

namespace MotCua.Web.Features.ServiceIndex;

/// <summary>Evaluates scorecards for units already authorised: the statistics and imported figures through
/// <see cref="ServiceIndexScorecards"/>, and group 6 (5.1–5.4) from the feedback rates (<see cref="FeedbackRates"/>), so
/// no rule is written twice.</summary>
public sealed class ScorecardEvaluator(AppDbContext db, FeedbackRates.Handler rates)
{
    /// <summary>A scorecard and the feedback rates behind group 6 (their lists are the loss lists of 5.2–5.4).</summary>
    public sealed record Evaluated(Scorecard Scorecard, FeedbackRates.Computed Feedback);

    public async Task<Result<Evaluated>> EvaluateAsync(Guid unitId, ScorecardPeriod period, CancellationToken ct)
    {
        var all = await EvaluateManyAsync([unitId], period, ct);
        return all.IsFailure ? all.Error : all.Value[unitId];
    }

    public async Task<Result<Dictionary<Guid, Evaluated>>> EvaluateManyAsync(IReadOnlyList<Guid> unitIds, ScorecardPeriod period, CancellationToken ct)
    {
        Error? failed = null;
        var feedback = new Dictionary<Guid, FeedbackRates.Computed>();
        var cards = await ServiceIndexScorecards.EvaluateManyAsync(db, unitIds, period, async (unit, subtree, token) =>
        {
            var computed = failed is null ? await rates.ComputeAsync(subtree, period.First, period.Last, token) : default;
            if (failed is not null || computed.IsFailure)
            {
                failed ??= computed.Error;
                return new Dictionary<string, IndicatorFigure>();
            }

            feedback[unit] = computed.Value;
            return Figures(computed.Value);
        }, ct);
        return failed is not null ? failed : cards.ToDictionary(c => c.Key, c => new Evaluated(c.Value, feedback[c.Key]));
    }

    /// <summary>Which feedback rate scores an indicator of group 6, and whether its losses are PAKN (5.2, 5.3) or dossiers (5.4).</summary>
    public static (PaknRate Rate, bool Pakn)? FeedbackRate(FeedbackRates.Computed feedback, string indicatorId)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return indicatorId switch
        {
            "5.2" => (feedback.PaknOnTime, true),
            "5.3" => (feedback.PaknSatisfaction, true),
            "5.4" => (feedback.DossierSatisfaction, false),
            _ => null,
        };
    }

    // 5.2–5.4 as the feedback rates count them; 5.1a/b (monitoring, no points) as the classification counts of the PAKN
    // received in the period.
    private static Dictionary<string, IndicatorFigure> Figures(FeedbackRates.Computed c) => new(StringComparer.Ordinal)
    {
        ["5.1a"] = new("5.1a", c.Classification.Regulation, c.Classification.Total),
        ["5.1b"] = new("5.1b", c.Classification.StaffConduct, c.Classification.Total),
        ["5.2"] = new("5.2", c.PaknOnTime.Numerator, c.PaknOnTime.Denominator),
        ["5.3"] = new("5.3", c.PaknSatisfaction.Numerator, c.PaknSatisfaction.Denominator),
        ["5.4"] = new("5.4", c.DossierSatisfaction.Numerator, c.DossierSatisfaction.Denominator),
    };
}
