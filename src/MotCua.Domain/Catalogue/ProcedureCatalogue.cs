using MotCua.Domain.Common;

namespace MotCua.Domain.Catalogue;

/// <summary>An in-memory set of procedure versions with effective-date look-up.</summary>
/// <remarks>
/// Guarantees that versions of one code have distinct numbers and non-overlapping validity periods, so that
/// <see cref="VersionOn(ProcedureCode, DateOnly)"/> is unambiguous (domain spec §0.3: every rule set is versioned).
/// </remarks>
public sealed class ProcedureCatalogue
{
    private readonly Dictionary<ProcedureCode, Procedure[]> _byCode;

    private ProcedureCatalogue(Dictionary<ProcedureCode, Procedure[]> byCode)
    {
        _byCode = byCode;
        All = byCode.Values.SelectMany(v => v).ToArray();
    }

    /// <summary>Every version of every procedure.</summary>
    public IReadOnlyList<Procedure> All { get; }

    /// <summary>Distinct procedure codes.</summary>
    public IReadOnlyCollection<ProcedureCode> Codes => _byCode.Keys;

    /// <summary>Builds a catalogue, or returns <see cref="CatalogueRejected"/> for duplicate or overlapping versions.</summary>
    public static Result<ProcedureCatalogue> Create(IEnumerable<Procedure> procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        var list = procedures.ToList();
        var errors = CheckVersions(list);
        if (errors.Count > 0)
        {
            return new CatalogueRejected(errors);
        }

        var byCode = list
            .GroupBy(p => p.Code)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.ValidFrom).ToArray());
        return new ProcedureCatalogue(byCode);
    }

    /// <summary>Finds duplicate version numbers and overlapping validity periods among versions of the same code.</summary>
    public static IReadOnlyList<CatalogueError> CheckVersions(IEnumerable<Procedure> procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        var errors = new List<CatalogueError>();
        foreach (var group in procedures.GroupBy(p => p.Code))
        {
            var versions = group.ToList();
            foreach (var duplicate in versions.GroupBy(p => p.Version).Where(g => g.Count() > 1))
            {
                errors.Add(new DuplicateVersion(group.Key.Value, duplicate.Key));
            }

            for (var i = 0; i < versions.Count; i++)
            {
                for (var j = i + 1; j < versions.Count; j++)
                {
                    if (Overlap(versions[i], versions[j]))
                    {
                        errors.Add(new OverlappingVersions(group.Key.Value, versions[i].Version, versions[j].Version));
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>All versions of a code, oldest first; empty when the code is unknown.</summary>
    public IReadOnlyList<Procedure> Versions(ProcedureCode code) =>
        _byCode.TryGetValue(code, out var versions) ? versions : [];

    /// <summary>The version of <paramref name="code"/> in force on <paramref name="date"/>, or <see langword="null"/>.</summary>
    public Procedure? VersionOn(ProcedureCode code, DateOnly date) => VersionOn(Versions(code), date);

    /// <summary>The version in force on <paramref name="date"/> among <paramref name="versions"/> of one code.</summary>
    public static Procedure? VersionOn(IEnumerable<Procedure> versions, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.FirstOrDefault(p => p.IsInForceOn(date));
    }

    /// <summary>All procedures in force on <paramref name="date"/>.</summary>
    public IEnumerable<Procedure> InForceOn(DateOnly date) => All.Where(p => p.IsInForceOn(date));

    /// <summary>Procedures in force on <paramref name="date"/> whose search key contains every word of <paramref name="query"/>.</summary>
    public IEnumerable<Procedure> Search(string? query, DateOnly date) =>
        InForceOn(date).Where(p => ProcedureSearch.Matches(p.SearchKey, query));

    private static bool Overlap(Procedure a, Procedure b) =>
        a.ValidFrom <= (b.ValidTo ?? DateOnly.MaxValue) && b.ValidFrom <= (a.ValidTo ?? DateOnly.MaxValue);
}
