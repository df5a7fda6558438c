using MotCua.Domain.ParIndex;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ParIndex;

/// <summary>A framework in a list.</summary>
public sealed record ParFrameworkRow(
    Guid Id, Guid ProvinceUnitId, string Code, string Name, int Year, string Level, int Version, string Status,
    string? DecisionNumber, DateOnly? DecisionDate, int SubCriteria, decimal ScoredMax, DateOnly? SelfAssessmentDeadline);

/// <summary>One problem of a framework, as the API says it.</summary>
public sealed record ParProblemView(string Path, string Code, string Message, bool IssueOnly);

/// <summary>A framework with its tree (the documented format's areas), its problems and what the caller may do.</summary>
public sealed record ParFrameworkView(
    Guid Id,
    Guid ProvinceUnitId,
    string Code,
    string Name,
    int Year,
    string Level,
    int Version,
    string Status,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    Guid? CopiedFromId,
    DateTime CreatedAt,
    DateTime? IssuedAt,
    int Revision,
    bool MayEdit,
    DateOnly? SelfAssessmentDeadline,
    decimal? MaxPoints,
    decimal ScoredMax,
    IReadOnlyList<ParBandDocument> Bands,
    IReadOnlyList<ParAreaDocument> Areas,
    IReadOnlyList<ParProblemView> Problems);

/// <summary>POST /parindex/frameworks: a framework in the documented JSON, imported as a draft of
/// <see cref="Unit"/> (the province).</summary>
public sealed record ImportFrameworkRequest(Guid? Unit, ParFrameworkDocument? Framework);

/// <summary>POST /parindex/frameworks/{id}/copy.</summary>
public sealed record CopyFrameworkRequest(int? Year);

/// <summary>PUT /parindex/frameworks/{id}/subcriteria/{code}: the fields given replace the sub-criterion's (its code stays).</summary>
public sealed record EditSubCriterionRequest(int? Revision, ParSubCriterionDocument? SubCriterion);

/// <summary>PUT /parindex/frameworks/{id}/deadline: the last day units submit their self-assessment by (none clears it).</summary>
public sealed record SetDeadlineRequest(int? Revision, DateOnly? Deadline);

/// <summary>POST /parindex/frameworks/{id}/issue.</summary>
public sealed record IssueFrameworkRequest(int? Revision, string? DecisionNumber, DateOnly? DecisionDate);

internal static class ParFrameworkMapping
{
    public static ParFrameworkRow ToRow(ParFramework f) => new(
        f.Id, f.ProvinceUnitId, f.Code, f.Name, f.Year, f.Level.ToString(), f.Version, f.Status.ToString(), f.DecisionNumber, f.DecisionDate,
        f.Tree.SubCriteria.Count(), ScoredMax(f.Tree), f.SelfAssessmentDeadline);

    public static ParFrameworkView ToView(ParFramework f, bool mayWrite)
    {
        var document = ParFrameworkJson.ToDocument(f.Definition);
        return new ParFrameworkView(
            f.Id, f.ProvinceUnitId, f.Code, f.Name, f.Year, f.Level.ToString(), f.Version, f.Status.ToString(), f.DecisionNumber, f.DecisionDate,
            f.CopiedFromId, f.CreatedAt, f.IssuedAt, f.Revision, mayWrite && f.Status == ParFrameworkStatus.Draft, f.SelfAssessmentDeadline, f.Tree.MaxPoints, ScoredMax(f.Tree),
            document.Bands ?? [], document.Areas ?? [],
            [.. f.Problems.Select(p => new ParProblemView(p.Path, p.Message.Code, p.Message.Text, p.IssueOnly))]);
    }

    public static decimal ScoredMax(ParFrameworkTree tree) =>
        tree.SubCriteria.Where(x => !x.Area.IsBonusPenalty).Sum(x => x.Sub.MaxPoints);

    /// <summary>Problems as a 400 with one entry per path.</summary>
    public static ValidationFailed Failed(IEnumerable<ParProblem> problems) =>
        new(problems.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal));
}
