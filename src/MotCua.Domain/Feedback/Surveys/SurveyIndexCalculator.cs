namespace MotCua.Domain.Feedback.Surveys;

/// <summary>Computes a campaign's SIPAS indices from its responses: per factor and overall, for the campaign and each
/// unit, for everyone and per respondent group, each with n and a 95 % interval, small cells suppressed.</summary>
/// <remarks>
/// <para><b>Factor index</b> (domain.md §9.1 [R]): the share of 4 (Hài lòng) and 5 (Rất hài lòng) among the answers to
/// the factor's satisfaction questions, per <see cref="FactorIndexRule"/>. Its n is the number of respondents who
/// answered at least one of those questions, and its interval is <see cref="WilsonInterval"/> of the index over that
/// n. With one question per factor that is the exact Wilson interval. With several, answers of one respondent are
/// correlated, so counting answers as n would make the interval too narrow; counting respondents makes it at least as
/// wide as the truth (exact when a respondent answers all questions alike).</para>
/// <para><b>Overall index</b>, <see cref="OverallIndexRule.Top2BoxOverallQuestion"/>: the overall question's
/// top-2-box share, n its answers, the Wilson interval. <see cref="OverallIndexRule.Top2BoxMeanOfFactors"/>: the mean
/// of the indices of the factors that have answers; n is the respondents who answered any satisfaction question, and
/// the interval's ends are the means of the factors' Wilson ends. The standard error of a mean is at most the mean of
/// the standard errors whatever the correlation between factors, so under the normal approximation this interval is
/// never narrower than the true one and is exact when the factors move together; it is not a Wilson interval of the
/// mean, and it is wider than need be when the factors are independent (the stated limitation).</para>
/// <para>Figures are percentages rounded to 2 decimals; computation is unrounded. Small cells are suppressed by
/// <see cref="CellSuppression"/>.</para>
/// </remarks>
public static class SurveyIndexCalculator
{
    /// <summary>Computes the report of <paramref name="campaign"/>.</summary>
    /// <param name="campaign">The campaign (its scope and method).</param>
    /// <param name="questionnaire">Its questionnaire version.</param>
    /// <param name="responses">All its responses.</param>
    /// <exception cref="ArgumentException">The questionnaire or a response is not the campaign's, or a response's unit
    /// is outside the scope (a bug in the caller's query).</exception>
    public static SurveyIndexReport Compute(SurveyCampaign campaign, Questionnaire questionnaire, IEnumerable<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(responses);
        if (questionnaire.Id != campaign.QuestionnaireId)
        {
            throw new ArgumentException("The questionnaire is not the campaign's version.", nameof(questionnaire));
        }

        var method = campaign.IndexMethod;
        var layout = new Layout(questionnaire, method);
        var units = campaign.Units.Select(u => u.UnitId).ToList();
        var rows = new List<Row>();
        foreach (var response in responses)
        {
            if (response.CampaignId != campaign.Id || response.QuestionnaireId != questionnaire.Id || !units.Contains(response.UnitId))
            {
                throw new ArgumentException($"Response {response.Id} is not one of the campaign's.", nameof(responses));
            }

            rows.Add(new Row(response.UnitId, response.Profile, [.. layout.Questions.Select(q => response.ValueOf(q.Code))]));
        }

        var groups = questionnaire.Demographics.SelectMany(RespondentGroup.All).ToList();
        var byUnit = rows.ToLookup(r => r.UnitId);
        var ordered = new List<IndexCell>();
        foreach (var unit in units.Select(u => (Guid?)u).Prepend(null))
        {
            var inScope = unit is { } id ? byUnit[id].ToList() : rows;
            foreach (var group in groups.Prepend(null))
            {
                var subset = group is null ? inScope : inScope.Where(r => group.Contains(r.Profile));
                ordered.AddRange(Cells(unit, group, layout, method, subset));
            }
        }

        CellSuppression.Apply(ordered.ToDictionary(c => c.Key), units, questionnaire.Demographics, layout.Factors, method);
        return new SurveyIndexReport(campaign.Id, method, rows.Count, [.. ordered.Select(c => c.ToResult())]);
    }

    private static List<IndexCell> Cells(
        Guid? unit, RespondentGroup? group, Layout layout, SurveyIndexMethod method, IEnumerable<Row> subset)
    {
        var answered = new int[layout.Questions.Count];
        var satisfied = new int[layout.Questions.Count];
        var factorRespondents = new int[layout.Factors.Count];
        var anyFactor = 0;
        foreach (var row in subset)
        {
            for (var q = 0; q < row.Values.Length; q++)
            {
                if (row.Values[q] is { } value)
                {
                    answered[q]++;
                    satisfied[q] += LikertScale.IsSatisfied(value) ? 1 : 0;
                }
            }

            var any = false;
            for (var f = 0; f < layout.Factors.Count; f++)
            {
                if (layout.QuestionsOf[f].Any(q => row.Values[q] is not null))
                {
                    factorRespondents[f]++;
                    any = true;
                }
            }

            anyFactor += any ? 1 : 0;
        }

        var cells = new List<IndexCell>(layout.Factors.Count + 1);
        for (var f = 0; f < layout.Factors.Count; f++)
        {
            var questions = layout.QuestionsOf[f];
            double? share = factorRespondents[f] == 0 ? null
                : method.Factor == FactorIndexRule.PooledAnswers
                    ? (double)questions.Sum(q => satisfied[q]) / questions.Sum(q => answered[q])
                    : questions.Where(q => answered[q] > 0).Average(q => (double)satisfied[q] / answered[q]);
            cells.Add(Cell(unit, group, layout.Factors[f], factorRespondents[f], share));
        }

        if (layout.OverallQuestion is { } overall)
        {
            var n = answered[overall];
            cells.Add(Cell(unit, group, SurveyFactor.Overall, n, n == 0 ? null : (double)satisfied[overall] / n));
        }
        else
        {
            var measured = cells.Where(c => c.N > 0).ToList();
            cells.Add(measured.Count == 0
                ? new IndexCell(unit, group, SurveyFactor.Overall, anyFactor, null, null, null)
                : new IndexCell(unit, group, SurveyFactor.Overall, anyFactor, measured.Average(c => c.Share!.Value),
                    measured.Average(c => c.Lower!.Value), measured.Average(c => c.Upper!.Value)));
        }

        return cells;
    }

    private static IndexCell Cell(Guid? unit, RespondentGroup? group, SurveyFactor factor, int n, double? share)
    {
        if (share is not { } p)
        {
            return new IndexCell(unit, group, factor, n, null, null, null);
        }

        var (lower, upper) = WilsonInterval.Compute(p, n);
        return new IndexCell(unit, group, factor, n, p, lower, upper);
    }

    private sealed record Row(Guid UnitId, RespondentProfile Profile, int?[] Values);

    /// <summary>The questions that count, by position: the satisfaction questions of each measured factor, then the
    /// overall question when the overall index is its share.</summary>
    private sealed class Layout
    {
        public Layout(Questionnaire questionnaire, SurveyIndexMethod method)
        {
            Factors = questionnaire.MeasuredFactors;
            foreach (var factor in Factors)
            {
                var start = Questions.Count;
                Questions.AddRange(questionnaire.Questions.Where(q => q.Factor == factor && q.FeedsFactorIndex));
                QuestionsOf.Add([.. Enumerable.Range(start, Questions.Count - start)]);
            }

            if (method.Overall == OverallIndexRule.Top2BoxOverallQuestion)
            {
                // SurveyCampaignRules refuses this rule for a questionnaire without an overall question.
                OverallQuestion = Questions.Count;
                Questions.Add(questionnaire.OverallQuestion!);
            }
        }

        public IReadOnlyList<SurveyFactor> Factors { get; }

        public List<SurveyQuestion> Questions { get; } = [];

        public List<int[]> QuestionsOf { get; } = [];

        public int? OverallQuestion { get; }
    }
}
