using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Persistence;

namespace MotCua.Web.Access;

/// <summary>Loads a user's role assignments and the unit tree, then applies <see cref="UnitAuthorization"/>.</summary>
public sealed class UnitAccess(AppDbContext db, TimeProvider clock)
{
    /// <summary>Whether <paramref name="userId"/> may act as <paramref name="role"/> on <paramref name="unitId"/> on <paramref name="date"/>.</summary>
    public async Task<bool> MayActAsync(Guid userId, StaffRole role, Guid unitId, DateOnly date, CancellationToken ct)
    {
        var assignments = await db.StaffRoleAssignments.AsNoTracking()
            .Where(a => a.UserId == userId && a.Role == role)
            .ToListAsync(ct);
        if (assignments.Count == 0)
        {
            return false;
        }

        // A province has a few hundred units: loading the parent map is cheaper than a recursive query per provider.
        var parentOf = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        return UnitAuthorization.MayAct(assignments, role, unitId, date, parentOf);
    }

    /// <summary>Same as <see cref="MayActAsync(Guid, StaffRole, Guid, DateOnly, CancellationToken)"/> for the signed-in user, today in Vietnam.</summary>
    public Task<bool> MayActAsync(ClaimsPrincipal user, StaffRole role, Guid unitId, CancellationToken ct) =>
        UserId(user) is { } id ? MayActAsync(id, role, unitId, VietnamTime.Today(clock), ct) : Task.FromResult(false);

    /// <summary>The Identity user id of a signed-in principal.</summary>
    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
