using System.ComponentModel.DataAnnotations;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;

namespace MotCua.Web.Features.Surveys;

/// <summary>A unit surveyed and the number of respondents wanted from it.</summary>
public sealed record CampaignUnitInput(Guid? UnitId, int? Quota);

/// <summary>The index method (domain.md §9.1 marks it unverified, so it is the campaign's choice): <c>overall</c>
/// <c>Top2BoxMeanOfFactors</c> (default) or <c>Top2BoxOverallQuestion</c>; <c>factor</c> <c>MeanOfQuestionShares</c>
/// (default) or <c>PooledAnswers</c>; <c>minCellSize</c> 1–100 (default 5).</summary>
public sealed record CampaignMethodInput(
    [property: MaxLength(AppDbContext.EnumMaxLength)] string? Overall,
    [property: MaxLength(AppDbContext.EnumMaxLength)] string? Factor,
    int? MinCellSize);

/// <summary>A campaign as created or revised. <c>level</c>: <c>Province</c> or
/// <c>Commune</c> (a department campaign is a Province campaign of departments). <c>servedFrom</c>–<c>servedTo</c>:
/// the sampling frame (results returned on these dates); <c>collectFrom</c>–<c>collectTo</c>: the collection
/// period.</summary>
public sealed record CampaignRequest(
    int? Year,
    [property: MaxLength(SurveyCampaign.MaxNameLength)] string? Name,
    [property: MaxLength(AppDbContext.EnumMaxLength)] string? Level,
    Guid? QuestionnaireId,
    DateOnly? ServedFrom,
    DateOnly? ServedTo,
    DateOnly? CollectFrom,
    DateOnly? CollectTo,
    [property: MaxLength(SurveyCampaign.MaxUnits)] IReadOnlyList<CampaignUnitInput>? Units,
    [property: MaxLength(Questionnaire.MaxMethodDecisionLength)] string? MethodDecision = null,
    CampaignMethodInput? IndexMethod = null);

/// <summary>A draft campaign's new content, at the <c>version</c> the caller read.</summary>
public sealed record CampaignRevisionRequest(int? Version, CampaignRequest? Campaign);

/// <summary>A step of the campaign at the <c>version</c> read: <c>StartSampling</c> (with an optional <c>seed</c>,
/// e.g. drawn in public; otherwise a random one), <c>StartCollecting</c>, <c>Close</c>, <c>Publish</c>.</summary>
public sealed record CampaignTransitionRequest(
    [property: MaxLength(AppDbContext.EnumMaxLength)] string? Trigger, int? Version, long? Seed = null);

public sealed record CampaignMethodView(string Overall, string Factor, int MinCellSize);

/// <summary>A unit's progress: its quota, the invitations issued, the web responses and the paper ballots.</summary>
public sealed record CampaignUnitProgress(Guid UnitId, string UnitName, int Quota, int Invited, int WebResponses, int PaperResponses, int Responses);

/// <summary>A campaign with its progress per unit (sorted by name) and what the caller may do now.</summary>
public sealed record CampaignView(
    Guid Id, int Year, string Name, string Level, Guid QuestionnaireId, string QuestionnaireCode, int QuestionnaireVersion,
    string MethodDecision, DateOnly ServedFrom, DateOnly ServedTo, DateOnly CollectFrom, DateOnly CollectTo, CampaignMethodView IndexMethod,
    string Status, long? SamplingSeed, DateTime CreatedAt, DateTime? SamplingStartedAt, DateTime? CollectingStartedAt, DateTime? ClosedAt,
    DateTime? PublishedAt, int Version, IReadOnlyList<CampaignUnitProgress> Units, int Quota, int Invited, int Responses,
    bool MayManage, IReadOnlyList<string> AllowedActions);

public sealed record CampaignRow(
    Guid Id, int Year, string Name, string Level, string Status, int Units, int Quota, int Responses, DateTime CreatedAt, DateTime? PublishedAt);

internal static class CampaignMapping
{
    /// <summary>The actions offered besides the triggers: revising a draft, drawing the sample, re-issuing a lost
    /// invitation, typing in ballots.</summary>
    public const string Revise = "Revise";
    public const string Sample = "Sample";
    public const string Reissue = "Reissue";
    public const string EnterBallot = "EnterBallot";

    public static CampaignView ToView(
        SurveyCampaign c, IReadOnlyDictionary<Guid, string> names, IReadOnlyDictionary<Guid, int> invited, bool mayManage)
    {
        var units = c.Units
            .Select(u => new CampaignUnitProgress(u.UnitId, names.GetValueOrDefault(u.UnitId, ""), u.Quota, invited.GetValueOrDefault(u.UnitId),
                u.WebResponses, u.PaperResponses, u.Responses))
            .OrderBy(u => MotCua.Domain.Common.VietnameseText.Fold(u.UnitName), StringComparer.Ordinal)
            .ToList();
        return new CampaignView(
            c.Id, c.Year, c.Name, c.Level.ToString(), c.QuestionnaireId, c.QuestionnaireCode, c.QuestionnaireVersion, c.MethodDecision,
            c.ServedFrom, c.ServedTo, c.CollectFrom, c.CollectTo, new CampaignMethodView(c.OverallRule.ToString(), c.FactorRule.ToString(), c.MinCellSize),
            c.Status.ToString(), c.SamplingSeed, c.CreatedAt, c.SamplingStartedAt, c.CollectingStartedAt, c.ClosedAt, c.PublishedAt, c.Version,
            units, units.Sum(u => u.Quota), units.Sum(u => u.Invited), units.Sum(u => u.Responses), mayManage,
            mayManage ? Actions(c.Status) : []);
    }

    public static CampaignRow ToRow(SurveyCampaign c) => new(
        c.Id, c.Year, c.Name, c.Level.ToString(), c.Status.ToString(), c.Units.Count, c.Units.Sum(u => u.Quota), c.Units.Sum(u => u.Responses),
        c.CreatedAt, c.PublishedAt);

    private static List<string> Actions(SurveyCampaignStatus status)
    {
        var actions = SurveyCampaignWorkflow.Transitions.Keys.Where(k => k.From == status).Select(k => k.Trigger.ToString()).ToList();
        if (status == SurveyCampaignStatus.Draft)
        {
            actions.Add(Revise);
        }

        if (status is SurveyCampaignStatus.Sampling or SurveyCampaignStatus.Collecting)
        {
            actions.Add(Sample);
            actions.Add(Reissue);
        }

        if (status == SurveyCampaignStatus.Collecting)
        {
            actions.Add(EnterBallot);
        }

        return actions;
    }
}
