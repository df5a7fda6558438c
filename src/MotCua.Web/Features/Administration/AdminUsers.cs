using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Identity;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Administration;

/// <summary>Staff accounts and their unit-scoped role assignments, within the administrator's units.</summary>
/// <remarks>An account is in scope when its home unit (<see cref="AppUser.HomeUnitId"/>) or one of its role
/// assignments is on a unit the administrator manages; citizens never are (they are not unit staff). Ending a right
/// (disable, role removed) ends the account's sessions and tokens at the same save, through
/// <see cref="Access.SessionRevocationInterceptor"/>. Passwords are generated, shown once to the administrator and
/// never stored or logged in clear.</remarks>
public static class AdminUsers
{
    public sealed record UserRow(Guid Id, string FullName, string Email, Guid? HomeUnitId, string? HomeUnitName, bool Disabled, IReadOnlyList<StaffRole> CurrentRoles);

    public sealed record Assignment(Guid Id, StaffRole Role, Guid UnitId, string UnitName, bool IncludeDescendants, DateOnly ValidFrom, DateOnly? ValidTo, bool Current, bool Manageable);

    public sealed record UserDetail(UserRow User, IReadOnlyList<Assignment> Assignments);

    public sealed record CreateUserRequest(string? FullName, string? Email, Guid? HomeUnitId);

    /// <summary>A new account or a reset password: the password is in this answer only.</summary>
    public sealed record Credentials(Guid UserId, string Email, string Password);

    public sealed record GrantRequest(StaffRole? Role, Guid? UnitId, bool IncludeDescendants, DateOnly? ValidFrom, DateOnly? ValidTo);

    public static RouteGroupBuilder Map(RouteGroupBuilder group)
    {
        group.MapGet("/users", async (string? q, ClaimsPrincipal user, ListHandler handler, CancellationToken ct) =>
                (await handler.Handle(q, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminListUsers").WithSummary("Staff accounts in the administrator's units, searched by name or e-mail")
            .Produces<IReadOnlyList<UserRow>>().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/users/{id:guid}", async (Guid id, ClaimsPrincipal user, GetHandler handler, CancellationToken ct) =>
                (await handler.Handle(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminGetUser").WithSummary("A staff account with its role assignments")
            .Produces<UserDetail>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/users", async (CreateUserRequest request, ClaimsPrincipal user, CreateHandler handler, CancellationToken ct) =>
                (await handler.Handle(request, user, ct)).ToHttpResult(c => TypedResults.Created($"/api/v1/admin/users/{c.UserId}", c)))
            .WithName("AdminCreateUser").WithSummary("Creates a staff account in a unit; the initial password is returned once")
            .Produces<Credentials>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/users/{id:guid}/disable", async (Guid id, ClaimsPrincipal user, AccountHandler handler, CancellationToken ct) =>
                (await handler.SetDisabled(id, true, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminDisableUser").WithSummary("Disables an account and ends its sessions and tokens")
            .Produces<UserRow>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/users/{id:guid}/enable", async (Guid id, ClaimsPrincipal user, AccountHandler handler, CancellationToken ct) =>
                (await handler.SetDisabled(id, false, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminEnableUser").WithSummary("Enables a disabled account")
            .Produces<UserRow>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/users/{id:guid}/password", async (Guid id, ClaimsPrincipal user, AccountHandler handler, CancellationToken ct) =>
                (await handler.ResetPassword(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminResetPassword").WithSummary("Sets a new generated password (returned once) and ends the account's sessions")
            .Produces<Credentials>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/users/{id:guid}/roles", async (Guid id, GrantRequest request, ClaimsPrincipal user, RoleHandler handler, CancellationToken ct) =>
                (await handler.Grant(id, request, user, ct)).ToHttpResult(a => TypedResults.Created($"/api/v1/admin/users/{id}", a)))
            .WithName("AdminGrantRole").WithSummary("Grants a staff role on a unit the administrator manages")
            .Produces<Assignment>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/users/{id:guid}/roles/{assignmentId:guid}", async (Guid id, Guid assignmentId, ClaimsPrincipal user, RoleHandler handler, CancellationToken ct) =>
                (await handler.Revoke(id, assignmentId, user, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithName("AdminRevokeRole").WithSummary("Ends a role assignment today (kept as history) and the account's sessions")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    /// <summary>Loads accounts and checks that they are in the administrator's scope.</summary>
    public sealed class Accounts(AppDbContext db, TimeProvider clock, AdminScope scopes)
    {
        /// <summary>The caller's administrator scope and the account <paramref name="userId"/> in it: 403 for a caller who
        /// administers nothing, 404 for an account outside the scope (<see cref="InScopeAsync"/>).</summary>
        public async Task<Result<(AdminScope.Scope Scope, AppUser Account)>> ForCallerAsync(Guid userId, ClaimsPrincipal caller, CancellationToken ct)
        {
            var scope = await scopes.ForAsync(caller, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var account = await InScopeAsync(userId, scope.Value, ct);
            return account.IsFailure ? account.Error : (scope.Value, account.Value);
        }

        /// <summary>The account <paramref name="userId"/> when the scope covers it; 404 otherwise (whether it exists
        /// elsewhere is not disclosed).</summary>
        public async Task<Result<AppUser>> InScopeAsync(Guid userId, AdminScope.Scope scope, CancellationToken ct)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null || !await CoversAsync(user, scope, ct))
            {
                return new NotFoundError($"tài khoản {userId}");
            }

            return user;
        }

        private async Task<bool> CoversAsync(AppUser user, AdminScope.Scope scope, CancellationToken ct)
        {
            if (user.HomeUnitId is { } home && scope.Covers(home))
            {
                return true;
            }

            var units = await db.StaffRoleAssignments.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => a.UnitId).ToListAsync(ct);
            return units.Any(scope.Covers);
        }

        public async Task<UserRow> RowAsync(AppUser user, CancellationToken ct)
        {
            var today = Domain.Calendar.VietnamTime.Today(clock);
            var roles = await db.StaffRoleAssignments.AsNoTracking().Where(a => a.UserId == user.Id).ToListAsync(ct);
            var home = user.HomeUnitId is { } h ? await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == h).Select(u => u.Name).SingleOrDefaultAsync(ct) : null;
            return new UserRow(user.Id, user.FullName, user.Email ?? "", user.HomeUnitId, home, IsDisabled(user.LockoutEnd),
                [.. roles.Where(a => a.IsValidOn(today)).Select(a => a.Role).Distinct().Order()]);
        }

        public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd == DateTimeOffset.MaxValue;
    }

    public sealed class ListHandler(AppDbContext db, AdminScope scopes)
    {
        public const int Limit = 200;

        public async Task<Result<IReadOnlyList<UserRow>>> Handle(string? query, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await scopes.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var units = scope.Value.Units();
            var today = scope.Value.Today;
            var assigned = db.StaffRoleAssignments.Where(a => units.Contains(a.UnitId)).Select(a => a.UserId);
            // A province has a few thousand staff at most: the search (without diacritics) runs in memory.
            var inScope = await db.Users.AsNoTracking().Where(u => (u.HomeUnitId != null && units.Contains(u.HomeUnitId.Value)) || assigned.Contains(u.Id))
                .Select(u => new { u.Id, u.FullName, u.Email, u.HomeUnitId, u.LockoutEnd }).ToListAsync(ct);
            var text = VietnameseText.Fold(query?.Trim() ?? "");
            var found = inScope
                .Where(u => text.Length == 0 || VietnameseText.Fold(u.FullName).Contains(text, StringComparison.Ordinal)
                    || VietnameseText.Fold(u.Email ?? "").Contains(text, StringComparison.Ordinal))
                .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).Take(Limit).ToList();
            var ids = found.Select(u => u.Id).ToList();
            var roles = (await db.StaffRoleAssignments.AsNoTracking().Where(a => ids.Contains(a.UserId)).ToListAsync(ct))
                .Where(a => a.IsValidOn(today)).ToLookup(a => a.UserId, a => a.Role);
            var names = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            return Result.Success<IReadOnlyList<UserRow>>([
                .. found.Select(u => new UserRow(u.Id, u.FullName, u.Email ?? "", u.HomeUnitId, u.HomeUnitId is { } h ? names.GetValueOrDefault(h) : null,
                    Accounts.IsDisabled(u.LockoutEnd), [.. roles[u.Id].Distinct().Order()])),
            ]);
        }
    }

    public sealed class GetHandler(AppDbContext db, Accounts accounts)
    {
        public async Task<Result<UserDetail>> Handle(Guid userId, ClaimsPrincipal user, CancellationToken ct)
        {
            var found = await accounts.ForCallerAsync(userId, user, ct);
            if (found.IsFailure)
            {
                return found.Error;
            }

            var (scope, account) = found.Value;

            var names = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var assignments = await db.StaffRoleAssignments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
            return new UserDetail(await accounts.RowAsync(account, ct), [
                .. assignments.OrderByDescending(a => a.IsValidOn(scope.Today)).ThenBy(a => a.Role).ThenBy(a => a.ValidFrom)
                    .Select(a => new Assignment(a.Id, a.Role, a.UnitId, names.GetValueOrDefault(a.UnitId, ""), a.IncludeDescendants, a.ValidFrom, a.ValidTo,
                        a.IsValidOn(scope.Today), scope.Covers(a.UnitId))),
            ]);
        }
    }

    public sealed class CreateHandler(AppDbContext db, AdminScope scopes, AdminAuditLog audit, UserManager<AppUser> users)
    {
        public async Task<Result<Credentials>> Handle(CreateUserRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var scope = await scopes.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var errors = new Dictionary<string, FieldMessage[]>();
            var fullName = request.FullName?.Trim() ?? "";
            var email = request.Email?.Trim() ?? "";
            if (fullName.Length == 0)
            {
                errors["fullName"] = [new FieldMessage("admin.user_name_required", "Nhập họ và tên.")];
            }
            else if (fullName.Length > 200)
            {
                errors["fullName"] = [new FieldMessage("admin.user_name_too_long", "Họ và tên không quá 200 ký tự.")];
            }

            if (request.HomeUnitId is null)
            {
                errors["homeUnitId"] = [new FieldMessage("admin.home_unit_required", "Chọn đơn vị công tác.")];
            }

            var account = new AppUser
            {
                Id = Guid.NewGuid(),
                FullName = fullName,
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                LockoutEnabled = true,
                HomeUnitId = request.HomeUnitId,
                SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            account.NormalizedUserName = users.NormalizeName(email);
            account.NormalizedEmail = users.NormalizeEmail(email);
            // Identity's own validators (e-mail shape and uniqueness, user name), with the Vietnamese error describer.
            foreach (var validator in users.UserValidators)
            {
                var result = await validator.ValidateAsync(users, account);
                if (!result.Succeeded)
                {
                    errors["email"] = [.. result.Errors.Select(VietnameseIdentityErrorDescriber.Detail).Distinct()];
                }
            }

            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            if (!scope.Value.Covers(request.HomeUnitId!.Value))
            {
                return AdminScope.UnitOutOfScope();
            }

            var password = Passwords.Generate();
            account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
            db.Users.Add(account);
            audit.Add(scope.Value, "user.create", account.Id, request.HomeUnitId.Value, new { account.HomeUnitId });
            await db.SaveChangesAsync(ct);
            return new Credentials(account.Id, email, password);
        }
    }

    public sealed class AccountHandler(AppDbContext db, Accounts accounts, AdminAuditLog audit, UserManager<AppUser> users)
    {
        public async Task<Result<UserRow>> SetDisabled(Guid userId, bool disabled, ClaimsPrincipal user, CancellationToken ct)
        {
            var found = await accounts.ForCallerAsync(userId, user, ct);
            if (found.IsFailure)
            {
                return found.Error;
            }

            var (scope, account) = found.Value;

            if (disabled && userId == scope.UserId)
            {
                return new AdminRuleViolated("admin.self_lockout", "Không thể tự khóa tài khoản của chính mình.");
            }

            // A lockout that never ends is how an account is disabled: sign-in refuses it, and the session check
            // (SessionStamps) refuses every cookie and token at once; the interceptor also renews the stamp.
            account.LockoutEnabled = true;
            account.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
            account.AccessFailedCount = 0;
            audit.Add(scope, disabled ? "user.disable" : "user.enable", userId, account.HomeUnitId ?? Guid.Empty, new { disabled });
            await db.SaveChangesAsync(ct);
            return await accounts.RowAsync(account, ct);
        }

        public async Task<Result<Credentials>> ResetPassword(Guid userId, ClaimsPrincipal user, CancellationToken ct)
        {
            var found = await accounts.ForCallerAsync(userId, user, ct);
            if (found.IsFailure)
            {
                return found.Error;
            }

            var (scope, account) = found.Value;

            var password = Passwords.Generate();
            account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
            // A new stamp, as Identity's own password change does: every session of the old password ends.
            account.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            audit.Add(scope, "user.password_reset", userId, account.HomeUnitId ?? Guid.Empty, new { });
            await db.SaveChangesAsync(ct);
            return new Credentials(userId, account.Email ?? "", password);
        }
    }

    public sealed class RoleHandler(AppDbContext db, Accounts accounts, AdminAuditLog audit, DossierAccess access)
    {
        public async Task<Result<Assignment>> Grant(Guid userId, GrantRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var found = await accounts.ForCallerAsync(userId, user, ct);
            if (found.IsFailure)
            {
                return found.Error;
            }

            var (scope, account) = found.Value;

            var errors = new Dictionary<string, FieldMessage[]>();
            if (request.Role is not { } role || role == StaffRole.Citizen)
            {
                errors["role"] = [new FieldMessage("admin.role_required", "Chọn một vai trò cán bộ.")];
            }

            if (request.UnitId is null || !scope.ParentOf.ContainsKey(request.UnitId.Value))
            {
                errors["unitId"] = [new FieldMessage("admin.role_unit_required", "Chọn đơn vị.")];
            }

            var validFrom = request.ValidFrom ?? scope.Today;
            if (request.ValidTo is { } to && to < validFrom)
            {
                errors["validTo"] = [new FieldMessage("admin.valid_to_before_from", "Ngày kết thúc không được trước ngày bắt đầu.")];
            }

            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            var unitId = request.UnitId!.Value;
            // A grant may reach no further than the administrator's own: the unit, and its subtree if it covers descendants.
            if (!(request.IncludeDescendants ? scope.CoversSubtree(unitId) : scope.Covers(unitId)))
            {
                return AdminScope.UnitOutOfScope();
            }

            var assignment = StaffRoleAssignment.Create(Guid.NewGuid(), userId, request.Role!.Value, unitId, request.IncludeDescendants, validFrom, request.ValidTo);
            db.StaffRoleAssignments.Add(assignment);
            // The Identity role drives the menu (the layout); what the account may do is still decided by the assignment.
            var roleId = await IdentityRoleIdAsync(assignment.Role, ct);
            if (roleId is { } id && !await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == id, ct))
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = id });
            }

            audit.Add(scope, "role.grant", assignment.Id, unitId,
                new { userId, assignment.Role, assignment.UnitId, assignment.IncludeDescendants, assignment.ValidFrom, assignment.ValidTo });
            await db.SaveChangesAsync(ct);
            // A grant takes effect at once on this node (other nodes within DossierAccess's cache interval); a removal
            // needs no eviction: it ends the account's sessions.
            access.EvictAssignments(userId);
            var unitName = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
            return new Assignment(assignment.Id, assignment.Role, unitId, unitName, assignment.IncludeDescendants, assignment.ValidFrom, assignment.ValidTo,
                assignment.IsValidOn(scope.Today), true);
        }

        public async Task<Result<bool>> Revoke(Guid userId, Guid assignmentId, ClaimsPrincipal user, CancellationToken ct)
        {
            var found = await accounts.ForCallerAsync(userId, user, ct);
            if (found.IsFailure)
            {
                return found.Error;
            }

            var (scope, account) = found.Value;

            var assignment = await db.StaffRoleAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.UserId == userId, ct);
            if (assignment is null)
            {
                return new NotFoundError($"phân quyền {assignmentId}");
            }

            if (!scope.Covers(assignment.UnitId))
            {
                return AdminScope.UnitOutOfScope();
            }

            var today = scope.Today;
            if (assignment.ValidTo is { } ended && ended < today)
            {
                return new AdminRuleViolated("admin.assignment_ended", $"Phân quyền này đã kết thúc ngày {ended:dd/MM/yyyy}.");
            }

            if (assignment.Role == StaffRole.Administrator && await LastAdministratorAsync(assignment, scope, ct))
            {
                return new AdminRuleViolated("admin.last_administrator",
                    userId == scope.UserId
                        ? "Không thể gỡ quyền quản trị cuối cùng của chính mình."
                        : "Không thể gỡ quyền quản trị cuối cùng của hệ thống.");
            }

            // Kept as history ("who could act on this unit in March"): it ends yesterday, so it no longer applies today.
            // One that has not started yet is simply removed. Either way the interceptor ends the account's sessions.
            if (assignment.ValidFrom < today)
            {
                assignment.End(today.AddDays(-1));
            }
            else
            {
                db.StaffRoleAssignments.Remove(assignment);
            }

            var remaining = await db.StaffRoleAssignments.AsNoTracking()
                .Where(a => a.UserId == userId && a.Role == assignment.Role && a.Id != assignment.Id).ToListAsync(ct);
            if (!remaining.Any(a => a.ValidTo == null || a.ValidTo >= today) && await IdentityRoleIdAsync(assignment.Role, ct) is { } roleId
                && await db.UserRoles.SingleOrDefaultAsync(r => r.UserId == userId && r.RoleId == roleId, ct) is { } membership)
            {
                db.UserRoles.Remove(membership);
            }

            audit.Add(scope, "role.revoke", assignment.Id, assignment.UnitId, new { userId, assignment.Role, assignment.UnitId, endedOn = today.AddDays(-1) });
            await db.SaveChangesAsync(ct);
            return true;
        }

        // Removing this grant must leave the caller, and the system, at least one current administrator grant of an
        // account that is not disabled, so that no one locks the administrator area out of itself.
        private async Task<bool> LastAdministratorAsync(StaffRoleAssignment assignment, AdminScope.Scope scope, CancellationToken ct)
        {
            var today = scope.Today;
            var others = (await db.StaffRoleAssignments.AsNoTracking()
                    .Where(a => a.Role == StaffRole.Administrator && a.Id != assignment.Id && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
                    .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.UserId, u.LockoutEnd })
                    .ToListAsync(ct))
                .Where(a => a.LockoutEnd != DateTimeOffset.MaxValue).Select(a => a.UserId).ToHashSet();
            return others.Count == 0 || (assignment.UserId == scope.UserId && !others.Contains(scope.UserId));
        }

        private Task<Guid?> IdentityRoleIdAsync(StaffRole role, CancellationToken ct)
        {
            var name = role.ToString().ToUpperInvariant();
            return db.Roles.AsNoTracking().Where(r => r.NormalizedName == name).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        }
    }

    /// <summary>Generated passwords that meet the Identity policy (10+ characters, upper, lower, digit).</summary>
    public static class Passwords
    {
        // No look-alikes (0/O, 1/l/I) so that the password can be read out or copied by hand.
        private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        private const string Lower = "abcdefghijkmnopqrstuvwxyz";
        private const string Digits = "23456789";

        public static string Generate()
        {
            var all = Upper + Lower + Digits;
            var chars = new char[14];
            chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
            chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
            chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
            for (var i = 3; i < chars.Length; i++)
            {
                chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
            }

            RandomNumberGenerator.Shuffle(chars.AsSpan());
            return new string(chars);
        }
    }
}
