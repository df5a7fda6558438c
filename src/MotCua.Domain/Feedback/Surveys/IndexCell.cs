namespace MotCua.Domain.Feedback.Surveys;

/// <summary>A figure while it is computed and checked for disclosure; shares are 0 … 1, unrounded.</summary>
internal sealed class IndexCell(Guid? unitId, RespondentGroup? group, SurveyFactor factor, int n, double? share, double? lower, double? upper)
{
    public Guid? UnitId { get; } = unitId;

    public RespondentGroup? Group { get; } = group;

    public SurveyFactor Factor { get; } = factor;

    public int N { get; } = n;

    public double? Share { get; } = share;

    public double? Lower { get; } = lower;

    public double? Upper { get; } = upper;

    public bool Suppressed { get; set; }

    /// <summary>Whether the cell is shown with a value: it has respondents and is not suppressed.</summary>
    public bool IsPublished => N > 0 && !Suppressed;

    public (Guid?, RespondentGroup?, SurveyFactor) Key => (UnitId, Group, Factor);

    public IndexResult ToResult() => Suppressed
        ? new IndexResult(UnitId, Group, Factor, null, null, null, null)
        : new IndexResult(UnitId, Group, Factor, N, Percent(Share), Percent(Lower), Percent(Upper));

    // Rounded half away from zero, as a percentage is read on a printed report.
    private static decimal? Percent(double? share) =>
        share is { } s ? Math.Round((decimal)(s * 100), 2, MidpointRounding.AwayFromZero) : null;
}
