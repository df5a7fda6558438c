using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace MotCua.Persistence.Catalogue;

/// <summary>
/// Numbers the rows of an owned child list in the order EF starts tracking them, which is the list's order, so that
/// loading ordered by (owner, position) gives the list back as written on both providers.
/// </summary>
/// <remarks>
/// The numbers only need to be ascending within one owner: a procedure version and its children are inserted in one
/// <c>SaveChanges</c> and never appended to later (the aggregate has no mutators). Database-generated identities were
/// not used because PostgreSQL batches may assign them in another order than the list's.
/// </remarks>
internal sealed class ListPositionGenerator : ValueGenerator<int>
{
    private static int _next;

    public override bool GeneratesTemporaryValues => false;

    public override int Next(EntityEntry entry)
    {
        // Wraps after 2^31 rows in one process; then a list being tracked at that moment could lose its order.
        var value = Interlocked.Increment(ref _next);
        return value & int.MaxValue;
    }
}
