using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Administration;
using MotCua.Web.Access;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Administration;

/// <summary>Which units the caller administers today: their <see cref="StaffRole.Administrator"/> assignments applied
/// with <see cref="UnitAuthorization.MayAct"/> (the unit itself, and its subtree where the grant covers descendants).
/// Every administrator handler starts here (role AND unit).</summary>
/// <remarks>Read fresh on every call, not from <c>DossierAccess</c>'s cache: administration is rare, and a revoked
/// administrator must not keep granting roles for the cache's lifetime.</remarks>
public sealed class AdminScope(AppDbContext db, TimeProvider clock)
{
    /// <summary>The caller's administrator scope on <see cref="Today"/> (Vietnam date).</summary>
    public sealed class Scope(Guid userId, IReadOnlyList<StaffRoleAssignment> grants, IReadOnlyDictionary<Guid, Guid?> parentOf, DateOnly today)
    {
        public Guid UserId { get; } = userId;

        public DateOnly Today { get; } = today;

        public IReadOnlyDictionary<Guid, Guid?> ParentOf { get; } = parentOf;

        /// <summary>Whether the caller administers <paramref name="unitId"/> today.</summary>
        public bool Covers(Guid unitId) => UnitAuthorization.MayAct(grants, StaffRole.Administrator, unitId, Today, ParentOf);

        /// <summary>Whether the caller administers <paramref name="unitId"/> and every unit below it (needed to grant a
        /// role that covers descendants).</summary>
        public bool CoversSubtree(Guid unitId) => Covers(unitId) && DescendantsOf(unitId).All(Covers);

        /// <summary>Every unit the caller administers.</summary>
        public IReadOnlyList<Guid> Units() => [.. ParentOf.Keys.Where(Covers)];

        public IEnumerable<Guid> DescendantsOf(Guid unitId) => UnitAuthorization.SubtreeOf(unitId, ParentOf).Where(u => u != unitId);
    }

    /// <summary>The caller's scope, or 403 when they hold no administrator assignment today.</summary>
    public async Task<Result<Scope>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (Principals.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        var today = VietnamTime.Today(clock);
        var grants = await db.StaffRoleAssignments.AsNoTracking()
            .Where(a => a.UserId == userId && a.Role == StaffRole.Administrator).ToListAsync(ct);
        if (!grants.Any(a => a.IsValidOn(today)))
        {
            return new OutOfScope("chỉ quản trị hệ thống được dùng chức năng này");
        }

        var parentOf = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        return new Scope(userId, grants, parentOf, today);
    }

    /// <summary>The answer for a unit outside the caller's scope.</summary>
    public static Error UnitOutOfScope() => new OutOfScope("đơn vị nằm ngoài phạm vi quản trị của bạn");
}

/// <summary>Appends an <see cref="AdminAuditEntry"/> to the change being saved (same <c>SaveChanges</c>, so a change
/// is never saved without its audit row).</summary>
public sealed class AdminAuditLog(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records <paramref name="action"/> on <paramref name="targetId"/>, authorised on <paramref name="unitId"/>
    /// by the administrator of <paramref name="scope"/>, with <paramref name="detail"/> (the new values; never a person's
    /// name, e-mail or password).</summary>
    public void Add(AdminScope.Scope scope, string action, Guid targetId, Guid unitId, object detail)
    {
        ArgumentNullException.ThrowIfNull(scope);
        Add(scope.UserId, action, targetId, unitId, detail);
    }

    /// <summary>Records <paramref name="action"/> by <paramref name="actorUserId"/> outside the administrator area (the
    /// survey's paper ballots and sampling), on the same append-only trail.</summary>
    public void Add(Guid actorUserId, string action, Guid targetId, Guid unitId, object detail)
    {
        db.AdminAudit.Add(new AdminAuditEntry
        {
            Id = Guid.NewGuid(),
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            Action = action,
            TargetId = targetId,
            UnitId = unitId,
            Detail = JsonSerializer.Serialize(detail, Json),
        });
    }
}

/// <summary>An administrator rule refused the change (<c>admin.*</c>) → 422.</summary>
public sealed record AdminRuleViolated(string Rule, string Reason) : Error(Rule, Reason);
