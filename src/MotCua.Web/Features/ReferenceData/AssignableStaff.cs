using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ReferenceData;

/// <summary>GET /api/v1/units/{id}/assignable-staff?role=HandlingOfficer: the accounts a dossier of this competent unit
/// may be assigned to, for a picker (no one ever types an id). Each candidate passes the very check the <c>Assign</c>
/// trigger makes (<see cref="DossierAccess.AssigneeErrorAsync"/>), so the list and the trigger cannot disagree.</summary>
/// <remarks>Only staff who hold a role on the unit may ask (role AND unit). The answer carries the account id and the
/// display name, nothing else about the person. <c>HandlingOfficer</c> is the only role the engine assigns
/// (ND 61/2018 Art. 19(1)); any other role is refused with 400.</remarks>
public static class AssignableStaff
{
    public sealed record Person(Guid Id, string DisplayName);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/units/{id:guid}/assignable-staff", async (Guid id, string? role, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(id, role, user, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(ApiAuth.Policy)
            .WithName("ListAssignableStaff")
            .WithSummary("Staff a dossier of this competent unit may be assigned to (the Assign trigger's rule)")
            .Produces<IReadOnlyList<Person>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public sealed class Handler(AppDbContext db, TimeProvider clock, DossierAccess access)
    {
        public async Task<Result<IReadOnlyList<Person>>> Handle(Guid unitId, string? role, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            if (role is not null && role != nameof(StaffRole.HandlingOfficer))
            {
                return ValidationFailed.One("role", new FieldMessage("staff.role_handling_officer", "Chỉ giao hồ sơ cho chuyên viên xử lý (role=HandlingOfficer)."));
            }

            if (!await db.OrganisationalUnits.AnyAsync(u => u.Id == unitId, ct))
            {
                return new NotFoundError($"đơn vị {unitId}");
            }

            if (!await access.MayReadAsync(userId, unitId, unitId, ct))
            {
                return new OutOfScope("đơn vị không thuộc phạm vi của bạn");
            }

            // Candidates: a current handling-officer grant on the unit or, covering descendants, on an ancestor; the
            // trigger's own check then decides each one (lockout, exact scope, today's date).
            var scope = await UnitAndAncestorsAsync(unitId, ct);
            var today = VietnamTime.Today(clock);
            var candidates = await db.StaffRoleAssignments.AsNoTracking()
                .Where(a => a.Role == StaffRole.HandlingOfficer && scope.Contains(a.UnitId) && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
                .Select(a => a.UserId).Distinct().ToListAsync(ct);
            var eligible = new List<Guid>();
            foreach (var candidate in candidates)
            {
                if (await access.AssigneeErrorAsync(candidate, unitId, ct) is null)
                {
                    eligible.Add(candidate);
                }
            }

            var people = await db.Users.AsNoTracking().Where(u => eligible.Contains(u.Id))
                .Select(u => new Person(u.Id, u.FullName)).ToListAsync(ct);
            return Result.Success<IReadOnlyList<Person>>([.. people.OrderBy(p => VietnameseText.Fold(p.DisplayName), StringComparer.Ordinal).ThenBy(p => p.Id)]);
        }

        private async Task<List<Guid>> UnitAndAncestorsAsync(Guid unitId, CancellationToken ct)
        {
            var parentOf = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
            return [unitId, .. UnitAuthorization.AncestorsOf(unitId, parentOf)];
        }
    }
}
