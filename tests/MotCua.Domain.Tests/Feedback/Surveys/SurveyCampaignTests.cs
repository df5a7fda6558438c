using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Domain.Units;
using static MotCua.Domain.Feedback.Surveys.SurveyCampaignStatus;
using static MotCua.Domain.Feedback.Surveys.SurveyCampaignTrigger;

namespace MotCua.Domain.Tests.Feedback.Surveys;

/// <summary>SIPAS campaigns: what a campaign may hold (domain.md §9.1 data model) and its state machine.</summary>
public sealed class SurveyCampaignTests
{
    // The expected table, written out independently of SurveyCampaignWorkflow.
    private static readonly Dictionary<(SurveyCampaignStatus, SurveyCampaignTrigger), SurveyCampaignStatus> Expected = new()
    {
        [(Draft, StartSampling)] = Sampling,
        [(Sampling, StartCollecting)] = Collecting,
        [(Collecting, Close)] = Closed,
        [(Closed, Publish)] = Published,
    };

    public static TheoryData<SurveyCampaignStatus, SurveyCampaignTrigger> AllPairs()
    {
        var data = new TheoryData<SurveyCampaignStatus, SurveyCampaignTrigger>();
        foreach (var status in Enum.GetValues<SurveyCampaignStatus>())
        {
            foreach (var trigger in Enum.GetValues<SurveyCampaignTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(AllPairs))]
    public void Transition_EveryStateAndTrigger_MovesToTheTableStateOrIsRefused(SurveyCampaignStatus from, SurveyCampaignTrigger trigger)
    {
        var campaign = SurveyFixture.Campaign(SurveyFixture.Published(), from);
        var version = campaign.Version;
        var later = SurveyFixture.Now.AddDays(1);

        var result = trigger switch
        {
            StartSampling => campaign.StartSampling(42, later),
            StartCollecting => campaign.StartCollecting(later),
            Close => campaign.Close(later),
            Publish => campaign.Publish(later),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
        };

        if (Expected.TryGetValue((from, trigger), out var to))
        {
            Assert.True(result.IsSuccess);
            Assert.Equal(to, campaign.Status);
            Assert.Equal(version + 1, campaign.Version);
            var stamp = trigger switch
            {
                StartSampling => campaign.SamplingStartedAt,
                StartCollecting => campaign.CollectingStartedAt,
                Close => campaign.ClosedAt,
                _ => campaign.PublishedAt,
            };
            Assert.Equal(later, stamp);
        }
        else
        {
            var error = Assert.IsType<CampaignTransitionNotAllowed>(result.Error);
            Assert.Equal("survey.transition_not_allowed", error.Code);
            Assert.Equal(from, error.From);
            Assert.Equal(trigger, error.Trigger);
            Assert.Equal(from, campaign.Status);
            Assert.Equal(version, campaign.Version);
        }
    }

    [Fact]
    public void Workflow_TableIsExactlyTheExpectedOne()
    {
        Assert.Equal(Expected.OrderBy(e => e.Key).ToList(), SurveyCampaignWorkflow.Transitions.OrderBy(e => e.Key).ToList());
    }

    [Fact]
    public void StartSampling_FixesTheSeed()
    {
        var campaign = SurveyFixture.Campaign(SurveyFixture.Published(), Draft);
        Assert.Null(campaign.SamplingSeed);

        campaign.StartSampling(-7, SurveyFixture.Now);

        Assert.Equal(-7, campaign.SamplingSeed);
    }

    [Fact]
    public void Create_CopiesTheQuestionnaireReference_AndDefaultsTheMethod()
    {
        var questionnaire = SurveyFixture.Published();
        var unit = SurveyFixture.Commune();

        var campaign = SurveyCampaign.Create(Guid.NewGuid(), SurveyFixture.Spec([new(unit, 150)]), questionnaire, SurveyFixture.Now).Value;

        Assert.Equal(Draft, campaign.Status);
        Assert.Equal(questionnaire.Id, campaign.QuestionnaireId);
        Assert.Equal("SIPAS-XA", campaign.QuestionnaireCode);
        Assert.Equal(1, campaign.QuestionnaireVersion);
        Assert.Equal("QĐ 1001/QĐ-BNV", campaign.MethodDecision);
        Assert.Equal(SurveyIndexMethod.Default, campaign.IndexMethod);
        Assert.Equal(OverallIndexRule.Top2BoxMeanOfFactors, campaign.OverallRule);
        Assert.Equal(FactorIndexRule.MeanOfQuestionShares, campaign.FactorRule);
        Assert.Equal(5, campaign.MinCellSize);
        Assert.Equal(SurveyFixture.Served, campaign.ServedPeriod);
        Assert.Equal(SurveyFixture.Collection, campaign.CollectionPeriod);
        var scope = Assert.Single(campaign.Units);
        Assert.Equal((unit.Id, 150, 0), (scope.UnitId, scope.Quota, scope.Responses));
    }

    [Fact]
    public void Create_WithADraftQuestionnaire_IsRefused()
    {
        var result = SurveyCampaign.Create(
            Guid.NewGuid(), SurveyFixture.Spec([new(SurveyFixture.Commune(), 10)]), SurveyFixture.Draft(), SurveyFixture.Now);

        Assert.IsType<QuestionnaireNotPublished>(result.Error);
    }

    [Fact]
    public void Create_OverallQuestionRule_NeedsAnOverallQuestion()
    {
        var withoutOverall = SurveyFixture.Published(SurveyFixture.IndexContent() with
        {
            Questions = [.. SurveyFixture.IndexContent().Questions.Where(q => q.Kind != QuestionKind.Overall)],
        });
        var method = new SurveyIndexMethod(OverallIndexRule.Top2BoxOverallQuestion);

        var refused = SurveyCampaign.Create(
            Guid.NewGuid(), SurveyFixture.Spec([new(SurveyFixture.Commune(), 10)], method), withoutOverall, SurveyFixture.Now);
        var accepted = SurveyCampaign.Create(
            Guid.NewGuid(), SurveyFixture.Spec([new(SurveyFixture.Commune(), 10)], method), SurveyFixture.Published(), SurveyFixture.Now);

        Assert.Equal("survey.overall_question_missing", Assert.IsType<OverallQuestionMissing>(refused.Error).Code);
        Assert.True(accepted.IsSuccess);
    }

    public static TheoryData<string, string> BadSpecs() => new()
    {
        { "year", "year" },
        { "name", "name" },
        { "servedPeriod", "servedPeriod" },
        { "collectionPeriod", "collectionPeriod" },
        { "servedAfterCollection", "servedPeriod" },
        { "noUnits", "units" },
        { "duplicateUnit", "units[1]" },
        { "zeroQuota", "units[0].quota" },
        { "provinceUnit", "units[0]" },
        { "closedUnit", "units[0]" },
        { "minCell", "indexMethod.minCellSize" },
        { "rule", "indexMethod" },
        { "method", "methodDecision" },
    };

    [Theory, MemberData(nameof(BadSpecs))]
    public void Create_BadSpec_IsRefusedNamingTheField(string variant, string field)
    {
        var unit = SurveyFixture.Commune();
        var spec = SurveyFixture.Spec([new(unit, 10)]);
        var bad = variant switch
        {
            "year" => spec with { Year = 2016 },
            "name" => spec with { Name = " " },
            "servedPeriod" => spec with { ServedPeriod = new(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1)) },
            "collectionPeriod" => spec with { CollectionPeriod = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 10, 1)) },
            "servedAfterCollection" => spec with { ServedPeriod = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30)) },
            "noUnits" => spec with { Units = [] },
            "duplicateUnit" => spec with { Units = [new(unit, 10), new(unit, 20)] },
            "zeroQuota" => spec with { Units = [new(unit, 0)] },
            "provinceUnit" => spec with
            {
                Units = [new(OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp", null, UnitLevel.ProvincialDepartment, "000.03.00.H56", null, new DateOnly(2025, 7, 1)), 10)],
            },
            "closedUnit" => spec with
            {
                Units = [new(OrganisationalUnit.Create(Guid.NewGuid(), "Ủy ban nhân dân xã cũ", null, UnitLevel.Commune, "000.09.21.H56", null, new DateOnly(2008, 1, 1), new DateOnly(2025, 6, 30)), 10)],
            },
            "minCell" => spec with { IndexMethod = new SurveyIndexMethod(MinCellSize: 0) },
            "rule" => spec with { IndexMethod = new SurveyIndexMethod((OverallIndexRule)9) },
            "method" => spec with { MethodDecision = "QĐ\u0007" },
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        var result = SurveyCampaign.Create(Guid.NewGuid(), bad, SurveyFixture.Published(), SurveyFixture.Now);

        var error = Assert.IsType<CampaignInvalid>(result.Error);
        Assert.Equal(field, error.Field);
        Assert.Equal("survey.campaign_invalid", error.Code);
    }

    [Fact]
    public void Create_DepartmentsAndProvinceLevel_AreAProvinceTierCampaign()
    {
        var department = OrganisationalUnit.Create(Guid.NewGuid(), "Sở Tư pháp", null, UnitLevel.ProvincialDepartment, "000.03.00.H56", null, new DateOnly(2025, 7, 1));
        var spec = SurveyFixture.Spec([new(department, 400)]) with { Level = ProcedureLevel.Province, Name = "SIPAS 2026 các sở" };

        Assert.True(SurveyCampaign.Create(Guid.NewGuid(), spec, SurveyFixture.Published(), SurveyFixture.Now).IsSuccess);
    }

    [Fact]
    public void Revise_OnlyInDraft()
    {
        var questionnaire = SurveyFixture.Published();
        var campaign = SurveyFixture.Campaign(questionnaire, Draft);
        var other = SurveyFixture.Commune("Ủy ban nhân dân phường Tô Hiệu");

        Assert.True(campaign.Revise(SurveyFixture.Spec([new(other, 200)]) with { MethodDecision = "QĐ 5997/QĐ-UBND" }, questionnaire).IsSuccess);
        Assert.Equal(other.Id, Assert.Single(campaign.Units).UnitId);
        Assert.Equal("QĐ 5997/QĐ-UBND", campaign.MethodDecision);
        Assert.Equal(2, campaign.Version);

        campaign.StartSampling(1, SurveyFixture.Now);
        var refused = campaign.Revise(SurveyFixture.Spec([new(SurveyFixture.Commune(), 5)]), questionnaire);

        Assert.Equal("survey.campaign_not_editable", Assert.IsType<CampaignNotEditable>(refused.Error).Code);
        Assert.Equal(other.Id, Assert.Single(campaign.Units).UnitId);
    }

    [Fact]
    public void NewSeed_ComesFromTheCryptographicGenerator_AndVaries()
    {
        var seeds = Enumerable.Range(0, 8).Select(_ => SurveyCampaign.NewSeed()).ToHashSet();

        Assert.True(seeds.Count > 1);
    }

    [Fact]
    public void Errors_AreInVietnamese()
    {
        Error error = new CampaignTransitionNotAllowed(Closed, StartCollecting);

        Assert.Equal("Không thể bắt đầu thu phiếu khi đợt khảo sát đang ở trạng thái \"đã kết thúc thu phiếu\".", error.Message);
    }
}
