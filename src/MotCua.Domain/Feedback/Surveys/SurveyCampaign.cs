using System.Security.Cryptography;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Common;

namespace MotCua.Domain.Feedback.Surveys;

/// <summary>A SIPAS survey campaign (đợt khảo sát): a year, a tier, the units surveyed with their quotas, a published
/// questionnaire version, the method decision and the index method (domain.md §9.1 data model).</summary>
/// <remarks>
/// <para>States move only through <see cref="SurveyCampaignWorkflow.Transitions"/>: Draft → Sampling → Collecting →
/// Closed → Published. Only a draft may be revised; <see cref="StartSampling"/> freezes the scope and fixes the seed
/// that makes the sample reproducible (<see cref="SurveySampler"/>).</para>
/// <para>The campaign counts responses per unit (<see cref="SurveyCampaignUnit"/>) so that paper ballots stop at the
/// quota; every response therefore changes the campaign, and <see cref="Version"/> is its concurrency token.</para>
/// </remarks>
public sealed class SurveyCampaign
{
    /// <summary>The first SIPAS year (QĐ 2640/QĐ-BNV of 10/10/2017, domain.md §9.1).</summary>
    public const int FirstYear = 2017;

    /// <summary>The last year accepted.</summary>
    public const int LastYear = 2100;

    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 300;

    /// <summary>Most units in one campaign.</summary>
    public const int MaxUnits = 5000;

    /// <summary>Largest quota of one unit (Bình Dương 2018's whole province sample was 3,200, domain.md §9.1).</summary>
    public const int MaxQuota = 100_000;

    private readonly List<SurveyCampaignUnit> _units = [];

    private SurveyCampaign()
    {
        Name = string.Empty;
        QuestionnaireCode = string.Empty;
        MethodDecision = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The survey year.</summary>
    public int Year { get; private set; }

    /// <summary>The display name.</summary>
    public string Name { get; private set; }

    /// <summary>The tier surveyed.</summary>
    public ProcedureLevel Level { get; private set; }

    /// <summary>The questionnaire version's id.</summary>
    public Guid QuestionnaireId { get; private set; }

    /// <summary>The questionnaire's code.</summary>
    public string QuestionnaireCode { get; private set; }

    /// <summary>The questionnaire's version number.</summary>
    public int QuestionnaireVersion { get; private set; }

    /// <summary>The decision setting the method.</summary>
    public string MethodDecision { get; private set; }

    /// <summary>First day of the sampling frame (results returned from).</summary>
    public DateOnly ServedFrom { get; private set; }

    /// <summary>Last day of the sampling frame.</summary>
    public DateOnly ServedTo { get; private set; }

    /// <summary>First day responses are taken.</summary>
    public DateOnly CollectFrom { get; private set; }

    /// <summary>Last day responses are taken.</summary>
    public DateOnly CollectTo { get; private set; }

    /// <summary>How the overall index is formed.</summary>
    public OverallIndexRule OverallRule { get; private set; }

    /// <summary>How a factor index is formed.</summary>
    public FactorIndexRule FactorRule { get; private set; }

    /// <summary>The smallest published cell.</summary>
    public int MinCellSize { get; private set; }

    /// <summary>The state.</summary>
    public SurveyCampaignStatus Status { get; private set; }

    /// <summary>The sampling seed, fixed by <see cref="StartSampling"/>; publishing it with the frame lets anyone redraw
    /// the sample.</summary>
    public long? SamplingSeed { get; private set; }

    /// <summary>When the campaign was created (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>When sampling started (UTC).</summary>
    public DateTime? SamplingStartedAt { get; private set; }

    /// <summary>When collection started (UTC).</summary>
    public DateTime? CollectingStartedAt { get; private set; }

    /// <summary>When collection closed (UTC).</summary>
    public DateTime? ClosedAt { get; private set; }

    /// <summary>When results were published (UTC).</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>Optimistic-concurrency token, incremented by every change, response counts included.</summary>
    public int Version { get; private set; }

    /// <summary>The units in scope, in the order given.</summary>
    public IReadOnlyList<SurveyCampaignUnit> Units => _units;

    /// <summary>The sampling frame.</summary>
    public SurveyPeriod ServedPeriod => new(ServedFrom, ServedTo);

    /// <summary>The collection period.</summary>
    public SurveyPeriod CollectionPeriod => new(CollectFrom, CollectTo);

    /// <summary>The index method.</summary>
    public SurveyIndexMethod IndexMethod => new(OverallRule, FactorRule, MinCellSize);

    /// <summary>The unit in scope with <paramref name="unitId"/>, or <see langword="null"/>.</summary>
    public SurveyCampaignUnit? Unit(Guid unitId) => _units.Find(u => u.UnitId == unitId);

    /// <summary>A seed from the operating system's cryptographic generator, for <see cref="StartSampling"/> when the
    /// campaign does not draw one in public.</summary>
    public static long NewSeed() => BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));

    /// <summary>A draft campaign, or why the input is refused.</summary>
    public static Result<SurveyCampaign> Create(Guid id, SurveyCampaignSpec spec, Questionnaire questionnaire, DateTime nowUtc)
    {
        var campaign = new SurveyCampaign { Id = id, Status = SurveyCampaignStatus.Draft, CreatedAt = nowUtc, Version = 1 };
        var applied = campaign.Apply(spec, questionnaire);
        return applied is null ? campaign : applied;
    }

    /// <summary>Replaces a draft's content.</summary>
    public Result<SurveyCampaign> Revise(SurveyCampaignSpec spec, Questionnaire questionnaire)
    {
        if (Status != SurveyCampaignStatus.Draft)
        {
            return new CampaignNotEditable(Status);
        }

        var applied = Apply(spec, questionnaire);
        if (applied is not null)
        {
            return applied;
        }

        Version++;
        return this;
    }

    /// <summary>Draft → Sampling: freezes the scope and fixes <paramref name="seed"/>.</summary>
    public Result<SurveyCampaign> StartSampling(long seed, DateTime nowUtc)
    {
        var moved = Move(SurveyCampaignTrigger.StartSampling);
        if (moved is not null)
        {
            return moved;
        }

        SamplingSeed = seed;
        SamplingStartedAt = nowUtc;
        return this;
    }

    /// <summary>Sampling → Collecting.</summary>
    public Result<SurveyCampaign> StartCollecting(DateTime nowUtc)
    {
        var moved = Move(SurveyCampaignTrigger.StartCollecting);
        if (moved is not null)
        {
            return moved;
        }

        CollectingStartedAt = nowUtc;
        return this;
    }

    /// <summary>Collecting → Closed: no more responses, web or paper.</summary>
    public Result<SurveyCampaign> Close(DateTime nowUtc)
    {
        var moved = Move(SurveyCampaignTrigger.Close);
        if (moved is not null)
        {
            return moved;
        }

        ClosedAt = nowUtc;
        return this;
    }

    /// <summary>Closed → Published.</summary>
    public Result<SurveyCampaign> Publish(DateTime nowUtc)
    {
        var moved = Move(SurveyCampaignTrigger.Publish);
        if (moved is not null)
        {
            return moved;
        }

        PublishedAt = nowUtc;
        return this;
    }

    /// <summary>Draws the sample from <paramref name="candidates"/> with the campaign's seed, scope and frame
    /// (<see cref="SurveySampler.Draw"/>); while sampling, or while collecting to resume issuing invitations.</summary>
    public Result<SurveySample> DrawSample(IEnumerable<SamplingCandidate> candidates)
    {
        if (Status is not (SurveyCampaignStatus.Sampling or SurveyCampaignStatus.Collecting) || SamplingSeed is not { } seed)
        {
            return new CampaignNotSampling(Status);
        }

        return SurveySampler.Draw(seed, [.. _units.Select(u => (u.UnitId, u.Quota))], ServedPeriod, candidates);
    }

    internal void CountResponse(Guid unitId, ResponseChannel channel)
    {
        var unit = Unit(unitId) ?? throw new InvalidOperationException($"Unit {unitId} is not in campaign {Id}.");
        unit.Count(channel);
        Version++;
    }

    private CampaignTransitionNotAllowed? Move(SurveyCampaignTrigger trigger)
    {
        if (SurveyCampaignWorkflow.Next(Status, trigger) is not { } to)
        {
            return new CampaignTransitionNotAllowed(Status, trigger);
        }

        Status = to;
        Version++;
        return null;
    }

    private Error? Apply(SurveyCampaignSpec spec, Questionnaire questionnaire)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(questionnaire);
        var valid = SurveyCampaignRules.Validate(spec, questionnaire);
        if (valid.IsFailure)
        {
            return valid.Error;
        }

        var method = spec.IndexMethod ?? SurveyIndexMethod.Default;
        Year = spec.Year;
        Name = spec.Name.Trim();
        Level = spec.Level;
        QuestionnaireId = questionnaire.Id;
        QuestionnaireCode = questionnaire.Code;
        QuestionnaireVersion = questionnaire.Version;
        MethodDecision = valid.Value;
        ServedFrom = spec.ServedPeriod.From;
        ServedTo = spec.ServedPeriod.To;
        CollectFrom = spec.CollectionPeriod.From;
        CollectTo = spec.CollectionPeriod.To;
        OverallRule = method.Overall;
        FactorRule = method.Factor;
        MinCellSize = method.MinCellSize;
        _units.Clear();
        _units.AddRange(spec.Units.Select(u => new SurveyCampaignUnit(u.Unit.Id, u.Quota)));
        return null;
    }
}
