using MotCua.Domain.ParIndex;
using MotCua.Domain.ServiceIndex;
using MotCua.Web.Features.ServiceIndex;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Computes the figures of <see cref="ParSystemFormulas"/> for a unit (with its child units) and a framework's
/// year from what MotCua already keeps: the 766 scorecard of that year (<see cref="ScorecardEvaluator"/>, from the dossier
/// statistics, the PAKN and the ratings, or a figure imported from the national portal), so no rate is counted twice.
/// <c>survey.sipas_index</c> is the unit's SIPAS index from MotCua's survey campaigns of that year
/// (<see cref="ParSipasIndex"/>). Formulas MotCua holds no data for (<c>reports.on_time_rate</c>, a SIPAS index no campaign
/// gives) give a figure without a percentage: the sub-criterion stays unscored until appraisal.</summary>
public sealed class ParSystemFigures(ScorecardEvaluator evaluator, ParSipasIndex sipasIndex)
{
    private const string Sipas = "survey.sipas_index";

    /// <summary>Which 766 indicator gives each formula's percentage.</summary>
    private static readonly IReadOnlyDictionary<string, string> Indicators = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dossier.on_time_rate"] = "2.1",
        ["dossier.online_share"] = "3.4",
        ["dossier.digitisation_rate"] = "4.2",
        ["dossier.electronic_result_rate"] = "4.1",
        ["pakn.on_time_rate"] = "5.2",
        ["rating.satisfaction_rate"] = "5.4",
    };

    /// <summary>The figure of each formula the framework names, for <paramref name="unitId"/> and the framework's year.
    /// When the scorecard cannot be computed (no 766 set in force that year), every figure says so and scores nothing.</summary>
    public async Task<Func<string, ParSystemFigure?>> ForAsync(ParFramework framework, Guid unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (!framework.Tree.SubCriteria.Any(x => x.Sub.Method.Kind == ParMethodKind.SystemSourced))
        {
            return _ => null;
        }

        var period = ScorecardPeriod.Year(framework.Year);
        var sipas = framework.Tree.SubCriteria.Any(x => x.Sub.Method is { Kind: ParMethodKind.SystemSourced, Formula: Sipas })
            ? await sipasIndex.SystemFigureAsync(unitId, framework.Year, ct)
            : null;
        var evaluated = await evaluator.EvaluateAsync(unitId, period, ct);
        if (evaluated.IsFailure)
        {
            var reason = evaluated.Error.Message;
            return formula => formula == Sipas && sipas is not null ? sipas
                : new ParSystemFigure(formula, 0, 0, null, $"Không tính được: {reason}", period.First, period.Last);
        }

        var card = evaluated.Value.Scorecard;
        return formula => formula == Sipas && sipas is not null ? sipas : Figure(card, formula, period);
    }

    /// <summary>One formula's figure from a scorecard.</summary>
    public static ParSystemFigure? Figure(Scorecard card, string formula, ScorecardPeriod period)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(period);
        if (ParSystemFormulas.Find(formula) is not { } known)
        {
            return null;
        }

        if (formula == "serviceindex.total_percent")
        {
            var percent = card.MaxPoints > 0m ? Math.Round(card.TotalPoints / card.MaxPoints * 100m, 2, MidpointRounding.AwayFromZero) : (decimal?)null;
            return new(formula, card.TotalPoints, card.MaxPoints, percent, $"Bảng điểm QĐ 766 (bộ {card.Set.Version}): tổng điểm / điểm tối đa", period.First, period.Last);
        }

        if (Indicators.GetValueOrDefault(formula) is not { } indicator || card.Row(indicator) is not { } row)
        {
            return new(formula, 0, 0, null, $"{known.Source}: MotCua chưa có số liệu", period.First, period.Last);
        }

        var source = row.Source switch
        {
            FigureSource.Computed => $"Chỉ số {indicator} QĐ 766, tính từ dữ liệu MotCua",
            FigureSource.Imported => $"Chỉ số {indicator} QĐ 766, số liệu nhập từ Cổng DVCQG",
            _ => $"Chỉ số {indicator} QĐ 766: chưa có số liệu",
        };
        return row.Score is { } s
            ? new(formula, s.Numerator, s.Denominator, s.Denominator > 0 ? s.PresentedRatio : null, source, period.First, period.Last)
            : new(formula, 0, 0, null, source, period.First, period.Last);
    }
}
