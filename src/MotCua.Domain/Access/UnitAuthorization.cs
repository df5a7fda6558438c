namespace MotCua.Domain.Access;

/// <summary>Decides whether a user's role assignments let them act in a role on a unit on a date.</summary>
public static class UnitAuthorization
{
    /// <summary>
    /// Whether any assignment grants <paramref name="role"/> on <paramref name="unitId"/> on <paramref name="date"/>,
    /// directly or through an ancestor assignment with <see cref="StaffRoleAssignment.IncludeDescendants"/>.
    /// </summary>
    /// <param name="assignments">The user's assignments (any dates; expired ones are ignored).</param>
    /// <param name="role">The role the user wants to act in.</param>
    /// <param name="unitId">The unit acted on.</param>
    /// <param name="date">The Vietnam civil date of the action.</param>
    /// <param name="parentOf">Parent of each known unit (<see langword="null"/> at the top); units missing from the map have no parent.</param>
    /// <exception cref="InvalidOperationException">The parent map contains a cycle.</exception>
    public static bool MayAct(IEnumerable<StaffRoleAssignment> assignments, StaffRole role, Guid unitId, DateOnly date, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(parentOf);

        var active = assignments.Where(a => a.Role == role && a.IsValidOn(date)).ToList();
        if (active.Count == 0)
        {
            return false;
        }

        if (active.Any(a => a.UnitId == unitId))
        {
            return true;
        }

        var inherited = active.Where(a => a.IncludeDescendants).Select(a => a.UnitId).ToHashSet();
        return inherited.Count > 0 && AncestorsOf(unitId, parentOf).Any(inherited.Contains);
    }

    /// <summary>The ancestors of <paramref name="unitId"/>, nearest first (not including the unit itself).</summary>
    /// <exception cref="InvalidOperationException">The parent map contains a cycle.</exception>
    public static IEnumerable<Guid> AncestorsOf(Guid unitId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        var seen = new HashSet<Guid> { unitId };
        var current = unitId;
        while (parentOf.TryGetValue(current, out var parent) && parent is { } next)
        {
            if (!seen.Add(next))
            {
                throw new InvalidOperationException($"The unit hierarchy has a cycle through {next}.");
            }

            yield return next;
            current = next;
        }
    }

    /// <summary>The unit and every unit below it. Breadth-first over the children, so a cycle in the map ends the walk
    /// instead of looping (<see cref="AncestorsOf"/> is where a cycle is reported).</summary>
    public static IReadOnlySet<Guid> SubtreeOf(Guid unitId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        var children = parentOf.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
        var subtree = new HashSet<Guid> { unitId };
        var queue = new Queue<Guid>([unitId]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children[next].Where(subtree.Add))
            {
                queue.Enqueue(child);
            }
        }

        return subtree;
    }
}
