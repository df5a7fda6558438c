using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MotCua.Domain.Common;

namespace MotCua.Domain.ParIndex;

/// <summary>A total of an area or a criterion in a results table: points and the maximum that applied.</summary>
public sealed record ParTotalLine(string Code, decimal Points, decimal ApplicableMax);

/// <summary>A sub-criterion's points in a results table.</summary>
public sealed record ParSubLine(string Code, decimal Points, decimal MaxPoints, bool Applicable);

/// <summary>One unit's line of a results table (the scorer's figures, <see cref="ParResult"/>; the band by its code).
/// A unit without a submitted assessment has no figures and no rank (<c>Ranked</c> false).</summary>
public sealed record ParUnitResultLine(
    Guid UnitId, string UnitName, string UnitCode, bool Ranked, int? Rank, decimal? ScoredTotal, decimal? BonusPenalty, decimal? Total,
    decimal? ApplicableMax, decimal? Percentage, string? Band, IReadOnlyList<ParTotalLine> Areas, IReadOnlyList<ParTotalLine> Criteria,
    IReadOnlyList<ParSubLine> SubCriteria);

/// <summary>An area of the framework as the table names it, with its criteria (code, name).</summary>
public sealed record ParResultArea(string Code, string Name, bool BonusPenalty, IReadOnlyList<ParResultCriterion> Criteria);

/// <summary>A criterion of the framework as the table names it.</summary>
public sealed record ParResultCriterion(string Code, string Name);

/// <summary>A candidate for the table: a unit and its final result (<see cref="ParUnitAssessment.ScoreFinal"/>), or
/// none when it has no submitted assessment.</summary>
public sealed record ParResultCandidate(Guid UnitId, string UnitName, string UnitCode, ParResult? Result);

/// <summary>The results of one framework (domain.md §11.4 step 7): per unit its totals, bonus/penalty, percentage over
/// the applicable points, band, rank (standard competition ranking, <see cref="ParRanking"/>) and the per-area and
/// per-criterion totals; what a publication stores as its snapshot.</summary>
public sealed record ParResultsTable(
    Guid FrameworkId, string FrameworkCode, string FrameworkName, int Year, ParLevel Level, int FrameworkVersion,
    IReadOnlyList<ParBand> Bands, IReadOnlyList<ParResultArea> Areas, IReadOnlyList<ParUnitResultLine> Units)
{
    /// <summary>The units without a result (not submitted): listed, not ranked.</summary>
    public IReadOnlyList<ParUnitResultLine> NotRanked => [.. Units.Where(u => !u.Ranked)];

    /// <summary>The table of <paramref name="framework"/> for <paramref name="candidates"/>: ranked units best first, then
    /// the units without a result; equal ranks and the unranked keep the order given (the province's list order).</summary>
    public static ParResultsTable Build(ParFramework framework, IEnumerable<ParResultCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        var ranks = ParRanking.Rank(list.Select(c => (c.UnitId.ToString(), c.Result?.Percentage)))
            .ToDictionary(r => r.Unit, r => r.Rank, StringComparer.Ordinal);
        var lines = list.Select(c => Line(c, c.Result is { Percentage: not null } ? ranks[c.UnitId.ToString()] : null))
            .OrderBy(l => l.Rank is null).ThenBy(l => l.Rank).ToList();
        var areas = framework.Tree.Areas.Select(a => new ParResultArea(a.Code, a.Name, a.IsBonusPenalty,
            [.. a.Criteria.Select(c => new ParResultCriterion(c.Code, c.Name))])).ToList();
        return new ParResultsTable(framework.Id, framework.Code, framework.Name, framework.Year, framework.Level, framework.Version,
            framework.Tree.Bands, areas, lines);
    }

    private static ParUnitResultLine Line(ParResultCandidate c, int? rank)
    {
        if (c.Result is not { Percentage: not null } r)
        {
            return new ParUnitResultLine(c.UnitId, c.UnitName, c.UnitCode, false, null, null, null, null, null, null, null, [], [], []);
        }

        return new ParUnitResultLine(c.UnitId, c.UnitName, c.UnitCode, true, rank, r.ScoredTotal, r.BonusPenalty, r.Total, r.ApplicableMax,
            r.Percentage, r.Band?.Code,
            [.. r.Areas.Select(a => new ParTotalLine(a.Code, a.Points, a.ApplicableMax))],
            [.. r.Areas.SelectMany(a => a.Criteria).Select(k => new ParTotalLine(k.Code, k.Points, k.ApplicableMax))],
            [.. r.SubCriteria.Select(s => new ParSubLine(s.Code, s.Points, s.MaxPoints, s.Applicable))]);
    }
}

/// <summary>The stored form of a <see cref="ParResultsTable"/> (a publication's snapshot): camelCase JSON, enums by name.</summary>
public static class ParResultsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(ParResultsTable table) => JsonSerializer.Serialize(table, Options);

    public static ParResultsTable Read(string json) =>
        JsonSerializer.Deserialize<ParResultsTable>(json, Options) ?? throw new InvalidOperationException("Empty results snapshot.");
}

/// <summary>A publication that does not fit (<c>par.publication_*</c>), each problem under its field.</summary>
public sealed record ParPublicationInvalid(IReadOnlyList<ParProblem> Problems)
    : Error("par.publication_invalid", "Không công bố được kết quả: " + string.Join("; ", Problems.Select(p => p.Message.Text)));

/// <summary>The published results of one framework (domain.md §11.4 step 8, QĐ công bố Chỉ số CCHC): an immutable
/// snapshot of the <see cref="ParResultsTable"/> at publication, with who and when. A correction is a new publication
/// (<see cref="Number"/> + 1) with a reason; the earlier ones stay as they were. Nothing here changes after creation.</summary>
public sealed class ParPublication
{
    /// <summary>Longest correction reason.</summary>
    public const int MaxReasonLength = 1000;

#pragma warning disable CS8618 // Set by Publish or by EF Core.
    private ParPublication()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }

    public Guid FrameworkId { get; private set; }

    /// <summary>The province whose framework it is (the public page lists by province, year and level).</summary>
    public Guid ProvinceUnitId { get; private set; }

    public int Year { get; private set; }

    public ParLevel Level { get; private set; }

    /// <summary>1 for the first publication of the framework's results, then one more per correction.</summary>
    public int Number { get; private set; }

    public DateTime PublishedAt { get; private set; }

    public Guid PublishedBy { get; private set; }

    /// <summary>Why a correction was published (none for the first).</summary>
    public string? Reason { get; private set; }

    /// <summary>The results as published (<see cref="ParResultsJson"/>).</summary>
    public string Snapshot { get; private set; }

    /// <summary>The published table, read from <see cref="Snapshot"/>.</summary>
    public ParResultsTable Table => ParResultsJson.Read(Snapshot);

    /// <summary>Publishes <paramref name="table"/> of an issued <paramref name="framework"/>; after
    /// <paramref name="previous"/> (the framework's latest publication) it is a correction and needs a reason.</summary>
    public static Result<ParPublication> Publish(Guid id, ParFramework framework, ParResultsTable table, ParPublication? previous, Guid userId,
        DateTime at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(table);
        if (framework.Status != ParFrameworkStatus.Issued)
        {
            return new ParFrameworkNotIssued();
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (previous is not null && trimmed is null)
        {
            return new ParPublicationInvalid([new("reason", new FieldMessage("par.publication_reason",
                "Kết quả đã công bố: công bố lại (đính chính) phải nêu lý do."))]);
        }

        if (trimmed is { Length: > MaxReasonLength })
        {
            return new ParPublicationInvalid([new("reason", new FieldMessage("par.publication_reason_length",
                "Lý do không quá {0} ký tự.", MaxReasonLength))]);
        }

        return new ParPublication
        {
            Id = id,
            FrameworkId = framework.Id,
            ProvinceUnitId = framework.ProvinceUnitId,
            Year = framework.Year,
            Level = framework.Level,
            Number = (previous?.Number ?? 0) + 1,
            PublishedAt = at,
            PublishedBy = userId,
            Reason = trimmed,
            Snapshot = ParResultsJson.Write(table),
        };
    }
}
