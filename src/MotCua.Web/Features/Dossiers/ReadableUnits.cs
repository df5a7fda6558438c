using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The units the signed-in caller may read dossiers of (<see cref="DossierAccess.ReadableUnitsAsync"/>), in tree
/// order for a unit picker: depth first from the units whose parent the caller cannot read (a province first, with its
/// departments and communes under it), siblings by name ignoring diacritics. The dashboard, the 766 scorecard and the
/// report builder offer these (<c>Pages/Shared/_UnitPicker.cshtml</c>), never a typed id; their handlers check the right
/// again.</summary>
public sealed class ReadableUnits(AppDbContext db, DossierAccess access)
{
    /// <summary>One unit of the picker; <see cref="Depth"/> is 0 for a top unit, 1 for its children and so on.</summary>
    public sealed record Unit(Guid Id, string Name, int Depth);

    /// <summary>The caller's readable units in tree order; empty for an anonymous caller or one with no read right.</summary>
    public async Task<IReadOnlyList<Unit>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return [];
        }

        var readable = await access.ReadableUnitsAsync(userId, ct);
        if (readable.Count == 0)
        {
            return [];
        }

        var units = await db.OrganisationalUnits.AsNoTracking().Where(u => readable.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        return [.. TreeOrder(units, u => u.Id, u => u.ParentId, u => u.Name).Select(u => new Unit(u.Item.Id, u.Item.Name, u.Depth))];
    }

    /// <summary>Units depth first, each after its parent, siblings by name ignoring diacritics; a unit whose parent is not
    /// among them starts a tree (depth 0).</summary>
    public static List<(T Item, int Depth)> TreeOrder<T>(IReadOnlyCollection<T> units, Func<T, Guid> id, Func<T, Guid?> parentId, Func<T, string> name)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ids = units.Select(id).ToHashSet();
        var children = units.ToLookup(u => parentId(u) is { } p && ids.Contains(p) ? p : (Guid?)null);
        var ordered = new List<(T, int)>(units.Count);
        void Visit(Guid? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(u => VietnameseText.Fold(name(u)), StringComparer.Ordinal).ThenBy(id))
            {
                ordered.Add((unit, depth));
                Visit(id(unit), depth + 1);
            }
        }

        Visit(null, 0);
        return ordered;
    }
}

/// <summary>What <c>Pages/Shared/_UnitPicker.cshtml</c> renders: a labelled <c>&lt;select&gt;</c> of
/// <see cref="ReadableUnits"/>, each option indented by its depth.</summary>
/// <param name="Id">The element id (the label's <c>for</c>).</param>
/// <param name="Name">The form field's name.</param>
/// <param name="Label">The label's text.</param>
/// <param name="Units">The units, in tree order.</param>
/// <param name="Selected">The chosen unit.</param>
/// <param name="Error">The field's error message, shown under it and tied to it by <c>aria-describedby</c>.</param>
/// <param name="Placeholder">The text of an empty first option, when the choice may be left empty.</param>
public sealed record UnitPicker(
    string Id, string Name, string Label, IReadOnlyList<ReadableUnits.Unit> Units, Guid? Selected, string? Error = null, string? Placeholder = null);
