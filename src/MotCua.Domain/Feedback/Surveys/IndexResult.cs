namespace MotCua.Domain.Feedback.Surveys;

/// <summary>A group of respondents by what they said about themselves (ND 61/2018 Art. 29(4)).</summary>
/// <param name="Dimension">The item.</param>
/// <param name="Value">The answer: the <see cref="Surveys.AgeBand"/> or <see cref="Surveys.Gender"/> name, or
/// <c>Yes</c> / <c>No</c>.</param>
public sealed record RespondentGroup(DemographicItem Dimension, string Value)
{
    /// <summary>Respondents in <paramref name="band"/>.</summary>
    public static RespondentGroup Of(AgeBand band) => new(DemographicItem.AgeBand, band.ToString());

    /// <summary>Respondents of <paramref name="gender"/>.</summary>
    public static RespondentGroup Of(Gender gender) => new(DemographicItem.Gender, gender.ToString());

    /// <summary>Respondents who said they do (or do not) belong to an ethnic minority.</summary>
    public static RespondentGroup EthnicMinority(bool yes) => new(DemographicItem.EthnicMinority, YesNo(yes));

    /// <summary>Respondents who said they do (or do not) live with a disability.</summary>
    public static RespondentGroup Disability(bool yes) => new(DemographicItem.Disability, YesNo(yes));

    /// <summary>Every group of <paramref name="dimension"/>, in a fixed order.</summary>
    public static IReadOnlyList<RespondentGroup> All(DemographicItem dimension) => dimension switch
    {
        DemographicItem.AgeBand => [.. Enum.GetValues<AgeBand>().Select(Of)],
        DemographicItem.Gender => [.. Enum.GetValues<Gender>().Select(Of)],
        DemographicItem.EthnicMinority => [EthnicMinority(true), EthnicMinority(false)],
        DemographicItem.Disability => [Disability(true), Disability(false)],
        _ => [],
    };

    /// <summary>Whether <paramref name="profile"/> falls in this group; an item not said falls in none.</summary>
    public bool Contains(RespondentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Dimension switch
        {
            DemographicItem.AgeBand => profile.AgeBand?.ToString() == Value,
            DemographicItem.Gender => profile.Gender?.ToString() == Value,
            DemographicItem.EthnicMinority => profile.EthnicMinority is { } e && YesNo(e) == Value,
            DemographicItem.Disability => profile.Disability is { } d && YesNo(d) == Value,
            _ => false,
        };
    }

    private static string YesNo(bool yes) => yes ? "Yes" : "No";
}

/// <summary>One published figure: a factor's index, or the overall index, for a unit or the whole campaign, for all
/// respondents or one group.</summary>
/// <param name="UnitId">The unit, or <see langword="null"/> for the whole campaign.</param>
/// <param name="Group">The group, or <see langword="null"/> for all respondents.</param>
/// <param name="Factor">The factor, or <see cref="SurveyFactor.Overall"/> for the overall index.</param>
/// <param name="N">The respondents the figure rests on; <see langword="null"/> when the cell is suppressed.</param>
/// <param name="Value">The index in percent (2 decimals); <see langword="null"/> when suppressed or without answers.</param>
/// <param name="Lower">The lower end of the 95 % interval, in percent.</param>
/// <param name="Upper">The upper end of the 95 % interval, in percent.</param>
public sealed record IndexResult(
    Guid? UnitId, RespondentGroup? Group, SurveyFactor Factor, int? N, decimal? Value, decimal? Lower, decimal? Upper)
{
    /// <summary>Whether the figure is withheld to protect the respondents' anonymity.</summary>
    public bool IsSuppressed => N is null;
}

/// <summary>A campaign's computed indices.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Method">The method used.</param>
/// <param name="Responses">The responses counted.</param>
/// <param name="Results">Campaign-wide figures first, then per unit in the campaign's order; within each, all
/// respondents then the groups; within each, the factors then the overall index.</param>
public sealed record SurveyIndexReport(
    Guid CampaignId, SurveyIndexMethod Method, int Responses, IReadOnlyList<IndexResult> Results)
{
    /// <summary>The figure of <paramref name="factor"/> for <paramref name="unitId"/> (null: the campaign) and
    /// <paramref name="group"/> (null: everyone), or <see langword="null"/> if not computed.</summary>
    public IndexResult? Find(Guid? unitId, SurveyFactor factor, RespondentGroup? group = null) =>
        Results.FirstOrDefault(r => r.UnitId == unitId && r.Factor == factor && r.Group == group);
}
