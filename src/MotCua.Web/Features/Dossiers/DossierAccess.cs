using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Access;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What the signed-in caller may do on dossiers: their staff roles by unit, applied with
/// <see cref="UnitAuthorization.MayAct"/> (role AND unit; a desk officer of commune A has no role at commune B).</summary>
/// <remarks>The desk role is checked on the receiving unit, the agency roles on the competent unit. Administrators and
/// Home Affairs appraisers may read dossiers in their scope but fire no trigger.
/// <para>The caller's assignments and the unit parent map are cached per node for <see cref="CacheSeconds"/>
/// (<c>Dossiers:AccessCacheSeconds</c>, default 30; 0 turns the cache off): they were loaded on every call and cost more
/// CPU than the rest of a transition. A granted or revoked role, or a moved unit, reaches every node within that
/// interval; validity dates are still judged on each call, so an assignment that ends today ends on time.</para></remarks>
public sealed class DossierAccess(AppDbContext db, TimeProvider clock, IMemoryCache cache, IConfiguration configuration)
{
    /// <summary>How long assignments and the unit tree are reused (seconds) unless configured.</summary>
    public const int CacheSeconds = 30;

    private const string ParentMapKey = "motcua.dossier-access.parents";
    private const string AssignmentsKey = "motcua.dossier-access.assignments";

    private static readonly StaffRole[] ReadRoles =
        [StaffRole.DeskOfficer, StaffRole.HandlingOfficer, StaffRole.AgencyHead, StaffRole.Administrator, StaffRole.HomeAffairsAppraiser];

    private List<StaffRoleAssignment>? _assignments;
    private Guid _assignmentsOf;
    private Dictionary<Guid, Guid?>? _parentOf;
    private (Guid UserId, bool IsCitizen)? _citizen;

    /// <summary>The caller's user id, or <see langword="null"/> when anonymous.</summary>
    public static Guid? UserId(ClaimsPrincipal user) => Principals.UserId(user);

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

    /// <summary>The caller's workflow roles on <paramref name="dossier"/>: the staff roles of its units, plus
    /// <see cref="DossierActorRole.Citizen"/> when the caller is its owner and holds the Citizen role today.</summary>
    public async Task<IReadOnlyList<DossierActorRole>> ActorRolesAsync(Guid userId, Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var roles = await ActorRolesAsync(userId, dossier.ReceivingUnitId, dossier.CompetentUnitId, ct);
        return await IsOwnerAsync(userId, dossier, ct) ? [.. roles, DossierActorRole.Citizen] : roles;
    }

    /// <summary>Whether the caller is the citizen who submitted <paramref name="dossier"/> (owner account with a valid
    /// Citizen role).</summary>
    public async Task<bool> IsOwnerAsync(Guid userId, Dossier dossier, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return await IsOwnerAsync(userId, dossier.OwnerUserId, ct);
    }

    /// <summary>Whether the caller is the owner <paramref name="ownerUserId"/> of a dossier (read without the
    /// aggregate) and holds a valid Citizen role.</summary>
    public async Task<bool> IsOwnerAsync(Guid userId, Guid? ownerUserId, CancellationToken ct) =>
        ownerUserId == userId && await HasRoleAsync(userId, StaffRole.Citizen, ct);

    /// <summary>The answer for a caller with no right on a dossier: a citizen gets "not found", so that the existence of
    /// other people's dossiers is not disclosed; staff keep the 403 that names the unit scope.</summary>
    public async Task<Error> DeniedAsync(Guid userId, Guid dossierId, CancellationToken ct) =>
        await HasRoleAsync(userId, StaffRole.Citizen, ct) && (await ReadableUnitsAsync(userId, ct)).Count == 0
            ? new NotFoundError($"hồ sơ {dossierId}")
            : new OutOfScope("hồ sơ không thuộc đơn vị của bạn");

    /// <summary>Whether the caller may read dossiers of these units (any staff role on either unit).</summary>
    public async Task<bool> MayReadAsync(Guid userId, Guid receivingUnitId, Guid competentUnitId, CancellationToken ct)
    {
        await LoadAsync(userId, ct);
        return ReadRoles.Any(r => MayAct(r, receivingUnitId) || MayAct(r, competentUnitId));
    }

    /// <summary>Whether the caller holds <paramref name="role"/> anywhere today; for <see cref="StaffRole.Citizen"/>,
    /// whether the account is in the Identity role <c>Citizen</c> (citizens have no unit assignment).</summary>
    public async Task<bool> HasRoleAsync(Guid userId, StaffRole role, CancellationToken ct)
    {
        if (role == StaffRole.Citizen)
        {
            // Citizens act for themselves and hold no unit assignment: the role is their Identity role membership.
            var name = nameof(StaffRole.Citizen).ToUpperInvariant();
            if (_citizen is not { } known || known.UserId != userId)
            {
                var isCitizen = await db.UserRoles.AsNoTracking()
                    .AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == name), ct);
                _citizen = known = (userId, isCitizen);
            }

            return known.IsCitizen;
        }

        await LoadAsync(userId, ct);
        return _assignments!.Any(a => a.Role == role && a.IsValidOn(VietnamTime.Today(clock)));
    }

    /// <summary>Why <paramref name="officerId"/> may not be assigned a dossier whose competent unit is
    /// <paramref name="competentUnitId"/>, or <see langword="null"/> when they may: the account exists, is not locked out
    /// (the way an account is disabled), and holds <see cref="StaffRole.HandlingOfficer"/> on that unit today.</summary>
    /// <remarks>Read fresh, not from the cache: an assignment is rare, and it must not go to someone removed a moment ago.</remarks>
    public async Task<AssigneeNotEligible?> AssigneeErrorAsync(Guid officerId, Guid competentUnitId, CancellationToken ct)
    {
        // One round trip: the account's lockout and its handling-officer assignments.
        var account = await AssigneeOf.For(db)(db, officerId, ct);
        if (account is null)
        {
            return new AssigneeNotEligible("tài khoản được chọn không tồn tại");
        }

        if (account.LockoutEnabled && account.LockoutEnd is { } end && end > clock.GetUtcNow())
        {
            return new AssigneeNotEligible("tài khoản được chọn đang bị khóa");
        }

        var ttl = TimeSpan.FromSeconds(configuration.GetValue("Dossiers:AccessCacheSeconds", CacheSeconds));
        var parentOf = _parentOf ?? await CachedAsync(ParentMapKey,
            () => db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct), ttl);
        return UnitAuthorization.MayAct(account.Assignments, StaffRole.HandlingOfficer, competentUnitId, VietnamTime.Today(clock), parentOf)
            ? null
            : new AssigneeNotEligible("tài khoản được chọn không giữ vai trò chuyên viên xử lý tại cơ quan có thẩm quyền của hồ sơ");
    }

    // Compiled once: every assignment runs it (EF's per-call query lookup was measurable on the transition path).
    private static readonly CompiledQuery<Func<AppDbContext, Guid, CancellationToken, Task<Assignee?>>> AssigneeOf =
        new(() => EF.CompileAsyncQuery((AppDbContext db, Guid officerId, CancellationToken ct) => db.Users.AsNoTracking()
            .Where(u => u.Id == officerId)
            .Select(u => new Assignee(
                u.LockoutEnabled,
                u.LockoutEnd,
                db.StaffRoleAssignments.Where(a => a.UserId == u.Id && a.Role == StaffRole.HandlingOfficer).ToList()))
            .SingleOrDefault()));

    private sealed record Assignee(bool LockoutEnabled, DateTimeOffset? LockoutEnd, List<StaffRoleAssignment> Assignments);

    /// <summary>Every unit the caller may read dossiers of (assignments and, where granted, their descendants).</summary>
    public async Task<HashSet<Guid>> ReadableUnitsAsync(Guid userId, CancellationToken ct)
    {
        await LoadAsync(userId, ct);
        return [.. _parentOf!.Keys.Where(unit => ReadRoles.Any(r => MayAct(r, unit)))];
    }

    /// <summary>Every unit on which the caller holds <paramref name="role"/> today (directly or through a grant that covers
    /// descendants): for a desk officer, the units whose desks they serve.</summary>
    public async Task<HashSet<Guid>> UnitsWithRoleAsync(Guid userId, StaffRole role, CancellationToken ct)
    {
        await LoadAsync(userId, ct);
        return [.. _parentOf!.Keys.Where(unit => MayAct(role, unit))];
    }

    /// <summary>Forgets this node's cached assignments of <paramref name="userId"/> (a role was just granted here).</summary>
    public void EvictAssignments(Guid userId) => cache.Remove((AssignmentsKey, userId));

    /// <summary>Forgets this node's cached unit tree (a unit was just created or moved here).</summary>
    public void EvictUnits() => cache.Remove(ParentMapKey);

    private bool MayAct(StaffRole role, Guid unitId) =>
        UnitAuthorization.MayAct(_assignments!, role, unitId, VietnamTime.Today(clock), _parentOf!);

    private async Task LoadAsync(Guid userId, CancellationToken ct)
    {
        // One scope normally serves one caller; asking about another user reloads instead of answering with the first.
        if (_assignments is not null && _assignmentsOf == userId && _parentOf is not null)
        {
            return;
        }

        var ttl = TimeSpan.FromSeconds(configuration.GetValue("Dossiers:AccessCacheSeconds", CacheSeconds));
        if (_assignments is null || _assignmentsOf != userId)
        {
            _assignments = await CachedAsync((AssignmentsKey, userId),
                () => db.StaffRoleAssignments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct), ttl);
            _assignmentsOf = userId;
        }

        // A province has a few hundred units: loading the parent map is cheaper than a recursive query per provider.
        _parentOf ??= await CachedAsync(ParentMapKey,
            () => db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct), ttl);
    }

    // The cached values are never mutated after loading, so requests may share them.
    private async Task<T> CachedAsync<T>(object key, Func<Task<T>> load, TimeSpan ttl)
        where T : class
    {
        if (ttl > TimeSpan.Zero && cache.TryGetValue(key, out T? hit) && hit is not null)
        {
            return hit;
        }

        var value = await load();
        if (ttl > TimeSpan.Zero)
        {
            cache.Set(key, value, ttl);
        }

        return value;
    }
}
