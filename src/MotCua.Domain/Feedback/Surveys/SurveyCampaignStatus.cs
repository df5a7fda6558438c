namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The life of a survey campaign (<see cref="SurveyCampaignWorkflow"/>).</summary>
public enum SurveyCampaignStatus
{
    /// <summary>Being prepared: scope, quotas, questionnaire and method may change.</summary>
    Draft = 1,

    /// <summary>Scope frozen and seed fixed: the sample is drawn and invitations are issued.</summary>
    Sampling = 2,

    /// <summary>Responses are taken (web by invitation, paper entered by staff).</summary>
    Collecting = 3,

    /// <summary>No more responses; results are computed and reviewed.</summary>
    Closed = 4,

    /// <summary>Results announced (ND 61/2018 Art. 29(2): published on the provincial portal).</summary>
    Published = 5,
}

/// <summary>The steps that move a campaign.</summary>
public enum SurveyCampaignTrigger
{
    /// <summary>Freeze the scope and fix the seed.</summary>
    StartSampling = 1,

    /// <summary>Open the responses.</summary>
    StartCollecting = 2,

    /// <summary>Stop the responses.</summary>
    Close = 3,

    /// <summary>Announce the results.</summary>
    Publish = 4,
}
