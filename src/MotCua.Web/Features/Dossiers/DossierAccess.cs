using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Access;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What the signed-in caller may do on dossiers: their staff roles by unit, applied with
/// <see cref="UnitAuthorization.MayAct"/> (role AND unit; a desk officer of commune A has no role at commune B).</summary>
/// <remarks>The desk role is checked on the receiving unit, the agency roles on the competent unit. Administrators and
/// Home Affairs appraisers may read dossiers in their scope but fire no trigger.</remarks>
public sealed class DossierAccess(AppDbContext db, TimeProvider clock)
{
    private static readonly StaffRole[] ReadRoles =
        [StaffRole.DeskOfficer, StaffRole.HandlingOfficer, StaffRole.AgencyHead, StaffRole.Administrator, StaffRole.HomeAffairsAppraiser];

    private List<StaffRoleAssignment>? _assignments;
    private Dictionary<Guid, Guid?>? _parentOf;

    /// <summary>The caller's user id, or <see langword="null"/> when anonymous.</summary>
    public static Guid? UserId(ClaimsPrincipal user) => UnitAccess.UserId(user);

    /// <summary>The workflow roles the caller holds on a dossier with these units, today (Vietnam time).</summary>
    public async Task<IReadOnlyList<DossierActorRole>> ActorRolesAsync(Guid userId, Guid receivingUnitId, Guid competentUnitId, CancellationToken ct)
    {
        await LoadAsync(userId, ct);
        var roles = new List<DossierActorRole>();
        if (MayAct(StaffRole.DeskOfficer, receivingUnitId))
        {
            roles.Add(DossierActorRole.DeskOfficer);
        }

        if (MayAct(StaffRole.HandlingOfficer, competentUnitId))
        {
            roles.Add(DossierActorRole.HandlingOfficer);
        }

        if (MayAct(StaffRole.AgencyHead, competentUnitId))
        {
            roles.Add(DossierActorRole.AgencyHead);
        }

        return roles;
    }

    /// <summary>Whether the caller may read dossiers of these units (any staff role on either unit).</summary>
    public async Task<bool> MayReadAsync(Guid userId, Guid receivingUnitId, Guid competentUnitId, CancellationToken ct)
    {
        await LoadAsync(userId, ct);
        return ReadRoles.Any(r => MayAct(r, receivingUnitId) || MayAct(r, competentUnitId));
    }

    /// <summary>Whether the caller holds <paramref name="role"/> anywhere (e.g. a citizen account).</summary>
    public async Task<bool> HasRoleAsync(Guid userId, StaffRole role, CancellationToken ct)
    {
        await LoadAsync(userId, ct);
        return _assignments!.Any(a => a.Role == role && a.IsValidOn(VietnamTime.Today(clock)));
    }

    /// <summary>Every unit the caller may read dossiers of (assignments and, where granted, their descendants).</summary>
    public async Task<HashSet<Guid>> ReadableUnitsAsync(Guid userId, CancellationToken ct)
    {
        await LoadAsync(userId, ct);
        return [.. _parentOf!.Keys.Where(unit => ReadRoles.Any(r => MayAct(r, unit)))];
    }

    private bool MayAct(StaffRole role, Guid unitId) =>
        UnitAuthorization.MayAct(_assignments!, role, unitId, VietnamTime.Today(clock), _parentOf!);

    private async Task LoadAsync(Guid userId, CancellationToken ct)
    {
        _assignments ??= await db.StaffRoleAssignments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        // A province has a few hundred units: loading the parent map is cheaper than a recursive query per provider.
        _parentOf ??= await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
    }
}
