namespace MotCua.Domain.Feedback.Surveys;

/// <summary>How a response arrived.</summary>
public enum ResponseChannel
{
    /// <summary>Answered by the respondent on the web, with an invitation token.</summary>
    Web = 1,

    /// <summary>A paper ballot typed in by staff (ND 61/2018 Art. 29(1)(a); the way in for respondents without a phone
    /// or internet, Art. 29(4)).</summary>
    Paper = 2,
}

/// <summary>One answer of a response, validated against its question.</summary>
/// <param name="QuestionCode">The question's code as the questionnaire spells it.</param>
/// <param name="Value">1 … 5 on the five-point scale, or the 1-based option of a single-choice question.</param>
/// <param name="Text">The typed text of a free-text question.</param>
public sealed record SurveyAnswer(string QuestionCode, int? Value, string? Text);

/// <summary>One respondent's answers in a campaign: anonymous by construction.</summary>
/// <remarks>
/// <para>It keeps the campaign, the unit, the questionnaire version, the channel, the collection date, what the
/// respondent chose to say about themselves and the answers. It keeps no invitation id, no dossier and, for paper,
/// no staff id: the entering account is logged by the web layer's audit trail without the response's id (ND 61/2018
/// Art. 27(3)). The date is a date, not an instant, so that it cannot be matched against an invitation's use or a
/// log line; create the id with <see cref="Guid.NewGuid"/>, not a time-ordered version-7 id, for the same reason.</para>
/// </remarks>
public sealed class SurveyResponse
{
    private readonly List<SurveyAnswer> _answers = [];

    private SurveyResponse()
    {
    }

    /// <summary>Identifier (random, not time-ordered).</summary>
    public Guid Id { get; private set; }

    /// <summary>The campaign.</summary>
    public Guid CampaignId { get; private set; }

    /// <summary>The unit the response counts for.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The questionnaire version answered.</summary>
    public Guid QuestionnaireId { get; private set; }

    /// <summary>Web or paper.</summary>
    public ResponseChannel Channel { get; private set; }

    /// <summary>The Vietnam date the response was given (web) or the ballot filled in (paper).</summary>
    public DateOnly CollectedOn { get; private set; }

    /// <summary>The respondent's age band, if said.</summary>
    public AgeBand? AgeBand { get; private set; }

    /// <summary>The respondent's gender, if said.</summary>
    public Gender? Gender { get; private set; }

    /// <summary>Whether the respondent belongs to an ethnic minority, if said.</summary>
    public bool? EthnicMinority { get; private set; }

    /// <summary>Whether the respondent lives with a disability, if said.</summary>
    public bool? Disability { get; private set; }

    /// <summary>The answers, in questionnaire order; unanswered questions are absent.</summary>
    public IReadOnlyList<SurveyAnswer> Answers => _answers;

    /// <summary>What the respondent said about themselves.</summary>
    public RespondentProfile Profile => new(AgeBand, Gender, EthnicMinority, Disability);

    /// <summary>The value answered to <paramref name="questionCode"/>, or <see langword="null"/>.</summary>
    public int? ValueOf(string questionCode) =>
        _answers.Find(a => string.Equals(a.QuestionCode, questionCode, StringComparison.OrdinalIgnoreCase))?.Value;

    internal static SurveyResponse Create(
        Guid id, SurveyCampaign campaign, Guid unitId, ResponseChannel channel, DateOnly collectedOn,
        RespondentProfile profile, IEnumerable<SurveyAnswer> answers)
    {
        var response = new SurveyResponse
        {
            Id = id,
            CampaignId = campaign.Id,
            UnitId = unitId,
            QuestionnaireId = campaign.QuestionnaireId,
            Channel = channel,
            CollectedOn = collectedOn,
            AgeBand = profile.AgeBand,
            Gender = profile.Gender,
            EthnicMinority = profile.EthnicMinority,
            Disability = profile.Disability,
        };
        response._answers.AddRange(answers);
        return response;
    }
}
