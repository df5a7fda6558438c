namespace MotCua.Domain.Feedback.Surveys;

/// <summary>The optional questions about the respondent that a questionnaire may ask, for the breakdown by the groups
/// collectors must help to take part (ND 61/2018 Art. 29(4): women, the poor, ethnic minorities, people with
/// disabilities). Income is not asked: no source gives a poverty question for SIPAS.</summary>
public enum DemographicItem
{
    /// <summary>The respondent's age band (<see cref="AgeBand"/>).</summary>
    AgeBand = 1,

    /// <summary>The respondent's gender (<see cref="Gender"/>).</summary>
    Gender = 2,

    /// <summary>Whether the respondent belongs to an ethnic minority (dân tộc thiểu số).</summary>
    EthnicMinority = 3,

    /// <summary>Whether the respondent lives with a disability.</summary>
    Disability = 4,
}

/// <summary>Age bands of the breakdown. No source fixes them; these keep older people (60+) apart, as the
/// vulnerable-group breakdown needs.</summary>
public enum AgeBand
{
    /// <summary>Under 30.</summary>
    Under30 = 1,

    /// <summary>30 to 44.</summary>
    From30To44 = 2,

    /// <summary>45 to 59.</summary>
    From45To59 = 3,

    /// <summary>60 and over.</summary>
    From60 = 4,
}

/// <summary>The respondent's gender as they state it.</summary>
public enum Gender
{
    /// <summary>Nữ.</summary>
    Female = 1,

    /// <summary>Nam.</summary>
    Male = 2,
}

/// <summary>What the respondent chose to say about themselves; every item is optional and <see langword="null"/>
/// means "prefer not to say" (Không muốn trả lời) or not asked.</summary>
/// <param name="AgeBand">The age band.</param>
/// <param name="Gender">The gender.</param>
/// <param name="EthnicMinority">Whether they belong to an ethnic minority.</param>
/// <param name="Disability">Whether they live with a disability.</param>
public sealed record RespondentProfile(
    AgeBand? AgeBand = null, Gender? Gender = null, bool? EthnicMinority = null, bool? Disability = null)
{
    /// <summary>Nothing said.</summary>
    public static readonly RespondentProfile None = new();

    /// <summary>Whether <paramref name="item"/> was answered.</summary>
    public bool Says(DemographicItem item) => item switch
    {
        DemographicItem.AgeBand => AgeBand is not null,
        DemographicItem.Gender => Gender is not null,
        DemographicItem.EthnicMinority => EthnicMinority is not null,
        DemographicItem.Disability => Disability is not null,
        _ => false,
    };
}
