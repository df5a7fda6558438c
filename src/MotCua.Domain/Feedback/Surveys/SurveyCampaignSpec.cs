using MotCua.Domain.Catalogue;
using MotCua.Domain.Units;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>Unvalidated input for <see cref="SurveyCampaign.Create"/> and <see cref="SurveyCampaign.Revise"/>.</summary>
/// <param name="Year">The survey year (SIPAS is annual and began in 2017, QĐ 2640/QĐ-BNV).</param>
/// <param name="Name">A display name, e.g. "SIPAS 2026 cấp xã".</param>
/// <param name="Level">The tier surveyed. A department-level campaign is a <see cref="ProcedureLevel.Province"/>
/// campaign whose units are departments.</param>
/// <param name="ServedPeriod">The sampling frame: people whose results were returned in these dates (domain.md §9.1:
/// those who "completed and received results").</param>
/// <param name="CollectionPeriod">The dates responses are taken.</param>
/// <param name="Units">The units surveyed, each with its sample quota.</param>
/// <param name="MethodDecision">The decision setting the method; the questionnaire's when blank.</param>
/// <param name="IndexMethod">The index method; <see cref="SurveyIndexMethod.Default"/> when null.</param>
public sealed record SurveyCampaignSpec(
    int Year, string Name, ProcedureLevel Level, SurveyPeriod ServedPeriod, SurveyPeriod CollectionPeriod,
    IReadOnlyList<SurveyUnitQuota> Units, string? MethodDecision = null, SurveyIndexMethod? IndexMethod = null);

/// <summary>A unit in a campaign's scope and the number of respondents wanted from it.</summary>
/// <param name="Unit">The unit; its tier must match the campaign's (<see cref="ProcedureLevels.SettledBy"/>).</param>
/// <param name="Quota">The sample size wanted: at most this many are invited, and paper ballots stop there.</param>
public sealed record SurveyUnitQuota(OrganisationalUnit Unit, int Quota);

/// <summary>A unit in a campaign's scope, with its quota and the responses counted so far.</summary>
public sealed class SurveyCampaignUnit
{
    private SurveyCampaignUnit()
    {
    }

    internal SurveyCampaignUnit(Guid unitId, int quota)
    {
        UnitId = unitId;
        Quota = quota;
    }

    /// <summary>The unit.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The sample quota.</summary>
    public int Quota { get; private set; }

    /// <summary>Responses received on the web by invitation.</summary>
    public int WebResponses { get; private set; }

    /// <summary>Paper ballots entered by staff.</summary>
    public int PaperResponses { get; private set; }

    /// <summary>All responses counted against the quota.</summary>
    public int Responses => WebResponses + PaperResponses;

    internal void Count(ResponseChannel channel)
    {
        if (channel == ResponseChannel.Paper)
        {
            PaperResponses++;
        }
        else
        {
            WebResponses++;
        }
    }
}
