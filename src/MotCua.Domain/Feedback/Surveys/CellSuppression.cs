namespace MotCua.Domain.Feedback.Surveys;

/// <summary>Withholds figures that rest on too few respondents, and the figures they could be recovered from
/// (ND 61/2018 Art. 27(3): evaluators' identities are confidential).</summary>
/// <remarks>
/// <para>Primary: a cell with 1 ≤ n &lt; <see cref="SurveyIndexMethod.MinCellSize"/> is suppressed.</para>
/// <para>Secondary, because a total minus its published parts gives the rest away: the campaign cell is the sum of the
/// unit cells, and a unit (or the campaign) is the sum of its groups of one item plus those who did not say. For each
/// such relation: when the total is published, what it holds beyond the published parts must be 0 or at least the
/// minimum; when the total is suppressed, it must not equal the sum of its parts all published. Otherwise the
/// smallest published part is suppressed too, and the relations are checked again until nothing changes. This
/// protects each relation on its own; it is not an optimal table-wide protection.</para>
/// <para>An overall index that is the mean of the factor indices is suppressed whenever one of its factors is, as it
/// would give that factor away.</para>
/// </remarks>
internal static class CellSuppression
{
    public static void Apply(
        Dictionary<(Guid?, RespondentGroup?, SurveyFactor), IndexCell> cells, IReadOnlyList<Guid> units,
        IReadOnlyList<DemographicItem> dimensions, IReadOnlyList<SurveyFactor> factors, SurveyIndexMethod method)
    {
        foreach (var cell in cells.Values)
        {
            cell.Suppressed = cell.N >= 1 && cell.N < method.MinCellSize;
        }

        // Counts add up over units and groups for the factor cells and for the overall question's cell, not for a
        // mean of factors.
        IReadOnlyList<SurveyFactor> additive = method.Overall == OverallIndexRule.Top2BoxOverallQuestion
            ? [.. factors, SurveyFactor.Overall]
            : factors;
        var relations = Relations(cells, units, dimensions, additive);
        bool changed;
        do
        {
            changed = false;
            foreach (var (total, parts) in relations)
            {
                changed |= Protect(total, parts, method.MinCellSize);
            }
        }
        while (changed);

        if (method.Overall == OverallIndexRule.Top2BoxMeanOfFactors)
        {
            foreach (var overall in cells.Values.Where(c => c.Factor == SurveyFactor.Overall))
            {
                overall.Suppressed |= factors.Any(f => cells[(overall.UnitId, overall.Group, f)] is { N: > 0, Suppressed: true });
            }
        }
    }

    private static List<(IndexCell Total, IndexCell[] Parts)> Relations(
        Dictionary<(Guid?, RespondentGroup?, SurveyFactor), IndexCell> cells, IReadOnlyList<Guid> units,
        IReadOnlyList<DemographicItem> dimensions, IReadOnlyList<SurveyFactor> additive)
    {
        var groups = dimensions.SelectMany(RespondentGroup.All).ToList();
        var scopes = new List<Guid?> { null };
        scopes.AddRange(units.Select(u => (Guid?)u));
        var relations = new List<(IndexCell, IndexCell[])>();
        foreach (var factor in additive)
        {
            foreach (var group in groups.Prepend(null))
            {
                relations.Add((cells[(null, group, factor)], [.. units.Select(u => cells[(u, group, factor)])]));
            }

            foreach (var scope in scopes)
            {
                foreach (var dimension in dimensions)
                {
                    relations.Add((cells[(scope, null, factor)],
                        [.. RespondentGroup.All(dimension).Select(g => cells[(scope, g, factor)])]));
                }
            }
        }

        return relations;
    }

    /// <summary>Suppresses parts of one relation until it gives nothing away; whether anything changed.</summary>
    private static bool Protect(IndexCell total, IndexCell[] parts, int min)
    {
        var changed = false;
        while (true)
        {
            var published = parts.Where(p => p.IsPublished).ToList();
            if (published.Count == 0)
            {
                return changed;
            }

            var hidden = total.N - published.Sum(p => p.N);
            var leaks = total.IsPublished
                ? hidden >= 1 && hidden < min
                : total.N > 0 && hidden == 0;
            if (!leaks)
            {
                return changed;
            }

            // The smallest part costs the least information; ties go to the first in report order.
            published.MinBy(p => p.N)!.Suppressed = true;
            changed = true;
        }
    }
}
