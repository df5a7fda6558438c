using MotCua.Domain.Feedback.Surveys;
using static MotCua.Domain.Feedback.Surveys.SurveyFactor;

namespace MotCua.Domain.Tests.Feedback.Surveys;

/// <summary>SIPAS indices on a known sample (domain.md §9.1): factor and overall indices, n and Wilson 95 % intervals
/// computed by hand and checked with an independent Python script, the two aggregation rules, and small-cell
/// suppression.</summary>
/// <remarks>
/// The sample: 20 responses to <see cref="SurveyFixture.IndexContent"/>, 12 for unit A and 8 for unit B, everyone
/// stating their gender. Columns TT1, TT2 (optional, "-" = not answered), CC1, HL; satisfied = 4 or 5.
/// <code>
///  #  TT1 TT2 CC1 HL unit gender     #  TT1 TT2 CC1 HL unit gender
///  1   5   4   5   5  A   F         11   3   -   5   3  A   F
///  2   4   -   4   4  A   F         12   5   5   4   5  A   M
///  3   3   2   4   3  A   M         13   4   2   3   3  B   F
///  4   5   5   5   5  A   M         14   5   -   5   5  B   M
///  5   2   -   3   2  A   F         15   2   1   2   1  B   F
///  6   4   4   2   4  A   M         16   4   4   5   4  B   M
///  7   4   -   5   4  A   F         17   3   -   4   4  B   F
///  8   5   3   4   5  A   M         18   4   5   4   5  B   M
///  9   1   -   2   2  A   F         19   5   -   3   3  B   F
/// 10   4   4   4   4  A   M         20   4   4   5   4  B   M
/// </code>
/// Whole campaign: TT1 satisfied 14 of 20 (0.70), TT2 8 of 12 (0.6667), CC1 14 of 20 (0.70), HL 13 of 20 (0.65).
/// Wilson, z = 1.96: for p = 0.70, n = 20: centre = (0.70 + 0.0960) / 1.1921 = 0.66775, half = 1.96 ·
/// √(0.0105 + 0.0024) / 1.1921 = 0.18675, so [48.10 %, 85.45 %]. The other figures come from <c>expected.py</c>
/// beside this file (the documented formulas written again in Python, rounding half up), quoted in each test.
/// </remarks>
public sealed class SurveyIndexCalculatorTests
{
    private static readonly string[] Sample =
    [
        "5 4 5 5 A F", "4 - 4 4 A F", "3 2 4 3 A M", "5 5 5 5 A M", "2 - 3 2 A F",
        "4 4 2 4 A M", "4 - 5 4 A F", "5 3 4 5 A M", "1 - 2 2 A F", "4 4 4 4 A M",
        "3 - 5 3 A F", "5 5 4 5 A M", "4 2 3 3 B F", "5 - 5 5 B M", "2 1 2 1 B F",
        "4 4 5 4 B M", "3 - 4 4 B F", "4 5 4 5 B M", "5 - 3 3 B F", "4 4 5 4 B M",
    ];

    [Fact]
    public void Compute_KnownSample_DefaultMethod_MeanOfQuestionShares_AndMeanOfFactors()
    {
        var (report, a, b) = Run(SurveyIndexMethod.Default with { MinCellSize = 1 });

        Assert.Equal(20, report.Responses);
        // Procedure = (14/20 + 8/12) / 2 = (0.70 + 0.6667) / 2 = 68.33 %, n = 20 respondents (not 32 answers).
        Expect(report.Find(null, SurveyFactor.Procedure), 20, 68.33m, 46.47m, 84.28m);
        Expect(report.Find(null, CivilServant), 20, 70.00m, 48.10m, 85.45m);
        // Overall = (68.33 + 70.00) / 2; its ends are the means of the factors' Wilson ends: (46.47 + 48.10) / 2 …
        Expect(report.Find(null, SurveyFactor.Overall), 20, 69.17m, 47.29m, 84.87m);
        // Unit A: TT1 8 of 12; TT2 answered by rows 1, 3, 4, 6, 8, 10, 12, satisfied in 1, 4, 6, 10, 12: 5 of 7
        // → (0.6667 + 0.7143) / 2 = 69.05 %. Unit B: TT1 6 of 8, TT2 3 of 5 → (0.75 + 0.60) / 2 = 67.50 %.
        Expect(report.Find(a, SurveyFactor.Procedure), 12, 69.05m, 41.20m, 87.66m);
        Expect(report.Find(a, CivilServant), 12, 75.00m, 46.77m, 91.11m);
        Expect(report.Find(a, SurveyFactor.Overall), 12, 72.02m, 43.98m, 89.38m);
        Expect(report.Find(b, SurveyFactor.Procedure), 8, 67.50m, 34.55m, 89.10m);
        Expect(report.Find(b, CivilServant), 8, 62.50m, 30.57m, 86.32m);
        Expect(report.Find(b, SurveyFactor.Overall), 8, 65.00m, 32.56m, 87.71m);
        // Only measured factors and the overall index are reported.
        Assert.Null(report.Find(null, AccessToService));
    }

    [Fact]
    public void Compute_KnownSample_PooledAnswers_WeighTheMoreAnsweredQuestionMore()
    {
        var (report, a, b) = Run(new SurveyIndexMethod(Factor: FactorIndexRule.PooledAnswers, MinCellSize: 1));

        // Procedure = (14 + 8) / (20 + 12) = 22 / 32 = 68.75 % (mean of shares: 68.33 %).
        Expect(report.Find(null, SurveyFactor.Procedure), 20, 68.75m, 46.88m, 84.58m);
        Expect(report.Find(null, CivilServant), 20, 70.00m, 48.10m, 85.45m);
        Expect(report.Find(null, SurveyFactor.Overall), 20, 69.38m, 47.49m, 85.02m);
        // Unit A: (8 + 5) / (12 + 7) = 13 / 19; unit B: (6 + 3) / (8 + 5) = 9 / 13.
        Expect(report.Find(a, SurveyFactor.Procedure), 12, 68.42m, 40.63m, 87.28m);
        Expect(report.Find(b, SurveyFactor.Procedure), 8, 69.23m, 35.97m, 90.01m);
    }

    [Fact]
    public void Compute_TheTwoOverallRules_GiveDifferentValuesOnTheSameData()
    {
        var (meanOfFactors, _, _) = Run(SurveyIndexMethod.Default with { MinCellSize = 1 });
        var (overallQuestion, a, b) = Run(new SurveyIndexMethod(OverallIndexRule.Top2BoxOverallQuestion, MinCellSize: 1));

        // HL: 13 of 20 answered 4 or 5 → 65.00 %, Wilson [43.29, 81.88]; the mean of factors says 69.17 %.
        Expect(overallQuestion.Find(null, SurveyFactor.Overall), 20, 65.00m, 43.29m, 81.88m);
        Expect(overallQuestion.Find(a, SurveyFactor.Overall), 12, 66.67m, 39.06m, 86.19m);
        Expect(overallQuestion.Find(b, SurveyFactor.Overall), 8, 62.50m, 30.57m, 86.32m);
        Assert.NotEqual(meanOfFactors.Find(null, SurveyFactor.Overall)!.Value, overallQuestion.Find(null, SurveyFactor.Overall)!.Value);
        // The factor indices do not depend on the overall rule.
        Assert.Equal(meanOfFactors.Find(null, SurveyFactor.Procedure), overallQuestion.Find(null, SurveyFactor.Procedure));
    }

    [Fact]
    public void Compute_GroupBreakdown_WithSecondarySuppression()
    {
        var (report, a, b) = Run(SurveyIndexMethod.Default);

        // Campaign by gender: 10 women, 10 men. Women: TT1 5/10, TT2 1/3 → 41.67 %; CC1 5/10.
        Expect(report.Find(null, SurveyFactor.Procedure, RespondentGroup.Of(Gender.Female)), 10, 41.67m, 17.90m, 70.05m);
        Expect(report.Find(null, CivilServant, RespondentGroup.Of(Gender.Female)), 10, 50.00m, 23.66m, 76.34m);
        Expect(report.Find(null, SurveyFactor.Overall, RespondentGroup.Of(Gender.Female)), 10, 45.83m, 20.78m, 73.20m);
        Expect(report.Find(null, SurveyFactor.Procedure, RespondentGroup.Of(Gender.Male)), 10, 83.89m, 52.95m, 96.01m);
        // Unit B has 4 women and 4 men: below 5, suppressed. Unit A has 6 and 6, but publishing them would give unit
        // B's 4 women away (campaign women 10 − unit A women 6), so they are suppressed too.
        foreach (var unit in new[] { a, b })
        {
            foreach (var gender in Enum.GetValues<Gender>())
            {
                Assert.True(report.Find(unit, SurveyFactor.Procedure, RespondentGroup.Of(gender))!.IsSuppressed);
            }
        }

        // The units themselves (12 and 8) and the campaign stay published.
        Assert.Equal(12, report.Find(a, SurveyFactor.Procedure)!.N);
        Assert.Equal(8, report.Find(b, SurveyFactor.Procedure)!.N);
        Assert.Equal(20, report.Find(null, SurveyFactor.Procedure)!.N);
    }

    [Fact]
    public void Compute_UnitBelowTheMinimum_IsSuppressed_AndSoIsTheNextSmallestUnit()
    {
        var (report, a, b) = Run(SurveyIndexMethod.Default with { MinCellSize = 9 });

        // Unit B has 8 < 9 respondents. Unit A (12) alone would give B away as campaign − A.
        foreach (var factor in new[] { SurveyFactor.Procedure, CivilServant, SurveyFactor.Overall })
        {
            var cellB = report.Find(b, factor)!;
            Assert.True(cellB.IsSuppressed);
            Assert.Equal((null, null, null, null), (cellB.N, cellB.Value, cellB.Lower, cellB.Upper));
            Assert.True(report.Find(a, factor)!.IsSuppressed);
            Assert.False(report.Find(null, factor)!.IsSuppressed);
        }

        // Campaign by gender: 10 and 10, above 9: published.
        Assert.Equal(10, report.Find(null, CivilServant, RespondentGroup.Of(Gender.Female))!.N);
    }

    [Fact]
    public void Compute_MeanOfFactors_IsSuppressedWhenOneOfItsFactorsIs()
    {
        // CC1 is optional here and only 3 of 10 respondents answer it: the civil-servant cell is suppressed, and the
        // overall mean would give it away (2 · overall − procedure), so it is suppressed too.
        var content = SurveyFixture.IndexContent() with
        {
            Questions = [.. SurveyFixture.IndexContent().Questions.Select(q => q.Code == "CC1" ? q with { Required = false } : q)],
        };
        var questionnaire = SurveyFixture.Published(content);
        var unit = SurveyFixture.Commune();
        var campaign = SurveyFixture.Campaign(questionnaire, SurveyCampaignStatus.Collecting, null, new SurveyUnitQuota(unit, 10));
        var responses = Enumerable.Range(0, 10).Select(i => Paper(campaign, questionnaire, unit.Id,
            new ResponseInput([new("TT1", 4), new("CC1", i < 3 ? 5 : null), new("HL", 4)]))).ToList();

        var report = SurveyIndexCalculator.Compute(campaign, questionnaire, responses);

        Assert.Equal(10, report.Find(null, SurveyFactor.Procedure)!.N);
        Assert.Equal(100.00m, report.Find(null, SurveyFactor.Procedure)!.Value);
        Assert.True(report.Find(null, CivilServant)!.IsSuppressed);
        Assert.True(report.Find(null, SurveyFactor.Overall)!.IsSuppressed);
    }

    [Fact]
    public void Compute_NoResponses_GivesEmptyCells_NotSuppressedOnes()
    {
        var questionnaire = SurveyFixture.Published(SurveyFixture.IndexContent());
        var campaign = SurveyFixture.Campaign(questionnaire, SurveyCampaignStatus.Closed);

        var report = SurveyIndexCalculator.Compute(campaign, questionnaire, []);

        Assert.All(report.Results, r => Assert.Equal((0, null, null, null), (r.N, r.Value, r.Lower, r.Upper)));
        Assert.All(report.Results, r => Assert.False(r.IsSuppressed));
        // Campaign and one unit, each for everyone and the two genders, each with two factors and the overall index.
        Assert.Equal(2 * 3 * 3, report.Results.Count);
    }

    [Fact]
    public void Compute_ResponseOfAnotherCampaign_IsABug()
    {
        var mine = Build(SurveyIndexMethod.Default);
        var other = Build(SurveyIndexMethod.Default);

        Assert.Throws<ArgumentException>(() => SurveyIndexCalculator.Compute(mine.Campaign, mine.Questionnaire, other.Responses));
        Assert.Throws<ArgumentException>(() => SurveyIndexCalculator.Compute(mine.Campaign, other.Questionnaire, []));
    }

    [Theory]
    [InlineData(0.7, 20, 48.10, 85.45)]
    [InlineData(1.0, 10, 72.25, 100.00)]
    [InlineData(0.0, 10, 0.00, 27.75)]
    public void Wilson_MatchesTheFormula(double p, int n, double lower, double upper)
    {
        var (lo, hi) = WilsonInterval.Compute(p, n);

        Assert.Equal(lower, Math.Round(lo * 100, 2));
        Assert.Equal(upper, Math.Round(hi * 100, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(p, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(1.1, n));
    }

    private static void Expect(IndexResult? result, int n, decimal value, decimal lower, decimal upper)
    {
        Assert.NotNull(result);
        Assert.Equal((n, value, lower, upper), (result.N, result.Value, result.Lower, result.Upper));
    }

    private static (SurveyIndexReport Report, Guid UnitA, Guid UnitB) Run(SurveyIndexMethod method)
    {
        var (a, b, campaign, questionnaire, responses) = Build(method);
        return (SurveyIndexCalculator.Compute(campaign, questionnaire, responses), a, b);
    }

    private static (Guid A, Guid B, SurveyCampaign Campaign, Questionnaire Questionnaire, List<SurveyResponse> Responses) Build(
        SurveyIndexMethod method)
    {
        var questionnaire = SurveyFixture.Published(SurveyFixture.IndexContent());
        var unitA = SurveyFixture.Commune("Ủy ban nhân dân xã A");
        var unitB = SurveyFixture.Commune("Ủy ban nhân dân xã B");
        var campaign = SurveyFixture.Campaign(questionnaire, SurveyCampaignStatus.Collecting, method,
            new SurveyUnitQuota(unitA, 12), new SurveyUnitQuota(unitB, 8));
        var responses = new List<SurveyResponse>();
        foreach (var line in Sample)
        {
            var f = line.Split(' ');
            var answers = new List<AnswerInput> { new("TT1", Value(f[0])), new("TT2", Value(f[1])), new("CC1", Value(f[2])), new("HL", Value(f[3])) };
            var profile = new RespondentProfile(Gender: f[5] == "F" ? Gender.Female : Gender.Male);
            responses.Add(Paper(campaign, questionnaire, f[4] == "A" ? unitA.Id : unitB.Id, new ResponseInput(answers, profile)));
        }

        campaign.Close(SurveyFixture.Now);
        return (unitA.Id, unitB.Id, campaign, questionnaire, responses);
    }

    private static int? Value(string field) => field == "-" ? null : int.Parse(field, System.Globalization.CultureInfo.InvariantCulture);

    private static SurveyResponse Paper(SurveyCampaign campaign, Questionnaire questionnaire, Guid unit, ResponseInput input)
    {
        var response = ResponseIntake.EnterPaper(Guid.NewGuid(), campaign, questionnaire, unit, input, SurveyFixture.CollectionDay);
        Assert.True(response.IsSuccess, response.IsFailure ? response.Error.Message : null);
        return response.Value;
    }
}
