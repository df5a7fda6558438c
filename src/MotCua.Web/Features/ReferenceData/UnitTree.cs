using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Units;
using MotCua.Persistence;

namespace MotCua.Web.Features.ReferenceData;

/// <summary>GET /api/v1/units: the organisational units as a tree, with each unit's validity and, for a unit that has
/// ceased (the 2025 mergers), the unit that took over its work; the units it took over are its predecessors. Public:
/// the state's agencies and their changes are published (domain.md §2.1).</summary>
/// <remarks>With <c>on</c>, only the units that exist on that date (a picker for a receipt); without it, every unit ever
/// recorded (history). A province has a few hundred units, so the whole table is read and arranged in memory.</remarks>
public static class UnitTree
{
    public sealed record Node(
        Guid Id, string Name, string? ShortName, UnitLevel Level, string IdentifierCode, Guid? ParentId, DateOnly ValidFrom,
        DateOnly? ValidTo, Guid? SuccessorUnitId, string? SuccessorName, IReadOnlyList<Guid> PredecessorIds, IReadOnlyList<Node> Children);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/units", async (DateOnly? on, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.Handle(on, ct)))
            .AllowAnonymous()
            .WithName("ListUnits")
            .WithSummary("The organisational units as a tree, with validity dates, successors and predecessors")
            .Produces<IReadOnlyList<Node>>();

    /// <summary>The tree as a list in display order with each unit's depth, for an indented picker.</summary>
    public static IReadOnlyList<(Guid Id, string Name, int Depth)> Flatten(IEnumerable<Node> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var list = new List<(Guid, string, int)>();
        void Walk(IEnumerable<Node> nodes, int depth)
        {
            foreach (var node in nodes)
            {
                list.Add((node.Id, node.Name, depth));
                Walk(node.Children, depth + 1);
            }
        }

        Walk(roots, 0);
        return list;
    }

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Node>> Handle(DateOnly? on, CancellationToken ct)
        {
            var all = await db.OrganisationalUnits.AsNoTracking().ToListAsync(ct);
            var names = all.ToDictionary(u => u.Id, u => u.Name);
            var predecessors = all.Where(u => u.SuccessorUnitId is not null).ToLookup(u => u.SuccessorUnitId!.Value, u => u.Id);
            var shown = on is { } date ? all.Where(u => u.IsValidOn(date)).ToList() : all;
            var shownIds = shown.Select(u => u.Id).ToHashSet();
            // A unit whose parent is not shown (ceased, or outside the date) is a root, so nothing disappears from the tree.
            var byParent = shown.ToLookup(u => u.ParentId is { } p && shownIds.Contains(p) ? p : (Guid?)null);

            IReadOnlyList<Node> Build(Guid? parent) =>
            [
                .. byParent[parent].OrderBy(u => u.Level).ThenBy(u => VietnameseText.Fold(u.Name), StringComparer.Ordinal).Select(u => new Node(
                    u.Id, u.Name, u.ShortName, u.Level, u.IdentifierCode, u.ParentId, u.ValidFrom, u.ValidTo, u.SuccessorUnitId,
                    u.SuccessorUnitId is { } s ? names.GetValueOrDefault(s) : null, [.. predecessors[u.Id]], Build(u.Id))),
            ];

            return Build(null);
        }
    }
}
