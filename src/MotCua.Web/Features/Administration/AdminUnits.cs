using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Administration;

/// <summary>The units an administrator manages: the tree of their scope, a new unit under one of them, and the closure
/// of a unit (dissolved, or merged into a successor that takes over its work, domain.md §2.1).</summary>
/// <remarks>Units are versioned data (domain.md §0.3): nothing is renamed or deleted in place. A unit that changes from a
/// date (new name, merger) is closed on the day before and names its successor, possibly a unit created for the
/// purpose, so that dossiers received before the change keep resolving to the unit that received them. Dossiers are
/// not moved to the successor: the domain has no such rule (an online dossier of a closed unit is refused or redirected
/// by the desk, domain.md §2.1).</remarks>
public static class AdminUnits
{
    public sealed record UnitRow(
        Guid Id, string Name, string? ShortName, UnitLevel Level, string IdentifierCode, Guid? ParentId, int Depth, DateOnly ValidFrom,
        DateOnly? ValidTo, Guid? SuccessorUnitId, string? SuccessorName, bool Current);

    public sealed record CreateUnitRequest(string? Name, string? ShortName, UnitLevel? Level, string? IdentifierCode, Guid? ParentId, DateOnly? ValidFrom);

    public sealed record CloseUnitRequest(DateOnly? LastDay, Guid? SuccessorUnitId);

    public static RouteGroupBuilder Map(RouteGroupBuilder group)
    {
        group.MapGet("/units", async (ClaimsPrincipal user, ListHandler handler, CancellationToken ct) =>
                (await handler.Handle(user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminListUnits")
            .WithSummary("The units the administrator manages, as a depth-first list with history and successors")
            .Produces<IReadOnlyList<UnitRow>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/units", async (CreateUnitRequest request, ClaimsPrincipal user, CreateHandler handler, CancellationToken ct) =>
                (await handler.Handle(request, user, ct)).ToHttpResult(u => TypedResults.Created($"/api/v1/admin/units/{u.Id}", u)))
            .WithName("AdminCreateUnit")
            .WithSummary("Creates a unit under a unit the administrator manages")
            .Produces<UnitRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/units/{id:guid}/close", async (Guid id, CloseUnitRequest request, ClaimsPrincipal user, CloseHandler handler, CancellationToken ct) =>
                (await handler.Handle(id, request, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminCloseUnit")
            .WithSummary("Ends a unit on a last day, naming the unit that takes over its work (merger) or none (dissolution)")
            .Produces<UnitRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public sealed class ListHandler(AppDbContext db, AdminScope scopes)
    {
        public async Task<Result<IReadOnlyList<UnitRow>>> Handle(ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await scopes.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var covered = scope.Value.Units().ToHashSet();
            var units = await db.OrganisationalUnits.AsNoTracking().ToListAsync(ct);
            var names = units.ToDictionary(u => u.Id, u => u.Name);
            var shown = units.Where(u => covered.Contains(u.Id)).ToList();
            var byParent = shown.ToLookup(u => u.ParentId is { } p && covered.Contains(p) ? p : (Guid?)null);
            var rows = new List<UnitRow>();

            void Walk(Guid? parent, int depth)
            {
                foreach (var u in byParent[parent].OrderBy(u => u.Level).ThenBy(u => VietnameseText.Fold(u.Name), StringComparer.Ordinal))
                {
                    rows.Add(Row(u, depth, names, scope.Value.Today));
                    Walk(u.Id, depth + 1);
                }
            }

            Walk(null, 0);
            return rows;
        }
    }

    public sealed class CreateHandler(AppDbContext db, AdminScope scopes, AdminAuditLog audit, DossierAccess access)
    {
        public async Task<Result<UnitRow>> Handle(CreateUnitRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var scope = await scopes.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var errors = new Dictionary<string, FieldMessage[]>();
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                errors["name"] = [new FieldMessage("admin.unit_name_required", "Nhập tên đơn vị.")];
            }

            if (request.Level is not { } level)
            {
                errors["level"] = [new FieldMessage("admin.unit_level_required", "Chọn cấp của đơn vị.")];
            }
            else if (level == UnitLevel.District)
            {
                // Two-tier local government since 1 July 2025 (domain.md §0.3): no new district.
                errors["level"] = [new FieldMessage("admin.no_district", "Từ ngày 01/07/2025 không còn cấp huyện; không tạo được đơn vị cấp huyện mới.")];
            }

            if (!UnitIdentifierCode.TryParse(request.IdentifierCode, out var code))
            {
                errors["identifierCode"] = [new FieldMessage("admin.identifier_code_format", "Mã định danh phải có dạng 000.00.00.X00 (ví dụ 000.00.41.H56).")];
            }
            else if (await db.OrganisationalUnits.AnyAsync(u => u.IdentifierCode == code.Value, ct))
            {
                errors["identifierCode"] = [new FieldMessage("admin.identifier_code_taken", "Mã định danh này đã được dùng cho một đơn vị khác.")];
            }

            if (request.ParentId is not { } parentId)
            {
                errors["parentId"] = [new FieldMessage("admin.parent_required", "Chọn đơn vị cấp trên.")];
            }

            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            if (!scope.Value.Covers(request.ParentId!.Value))
            {
                return AdminScope.UnitOutOfScope();
            }

            var validFrom = request.ValidFrom ?? scope.Value.Today;
            var unit = OrganisationalUnit.Create(Guid.NewGuid(), request.Name!, request.ShortName, request.Level!.Value, code.Value, request.ParentId, validFrom);
            db.OrganisationalUnits.Add(unit);
            audit.Add(scope.Value, "unit.create", unit.Id, unit.Id, new { unit.Name, unit.ShortName, unit.Level, unit.IdentifierCode, unit.ParentId, unit.ValidFrom });
            await db.SaveChangesAsync(ct);
            access.EvictUnits();
            return Row(unit, 0, new Dictionary<Guid, string>(), scope.Value.Today);
        }
    }

    public sealed class CloseHandler(AppDbContext db, AdminScope scopes, AdminAuditLog audit)
    {
        public async Task<Result<UnitRow>> Handle(Guid unitId, CloseUnitRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var scope = await scopes.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var unit = await db.OrganisationalUnits.SingleOrDefaultAsync(u => u.Id == unitId, ct);
            if (unit is null || !scope.Value.Covers(unitId))
            {
                return unit is null ? new NotFoundError($"đơn vị {unitId}") : AdminScope.UnitOutOfScope();
            }

            if (request.LastDay is not { } lastDay)
            {
                return ValidationFailed.One("lastDay", new FieldMessage("admin.unit_last_day_required", "Nhập ngày cuối cùng đơn vị hoạt động."));
            }

            if (unit.ValidTo is not null)
            {
                return new AdminRuleViolated("admin.unit_already_closed", $"Đơn vị đã kết thúc hoạt động từ ngày {unit.ValidTo:dd/MM/yyyy}.");
            }

            if (lastDay < unit.ValidFrom)
            {
                return ValidationFailed.One("lastDay", new FieldMessage("admin.unit_last_day_before_start",
                    "Ngày cuối cùng không được trước ngày đơn vị bắt đầu hoạt động ({0:dd/MM/yyyy}).", unit.ValidFrom));
            }

            string? successorName = null;
            if (request.SuccessorUnitId is { } successorId)
            {
                var successor = await db.OrganisationalUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == successorId, ct);
                if (successor is null || successorId == unitId)
                {
                    return ValidationFailed.One("successorUnitId", new FieldMessage("admin.successor_other", "Chọn một đơn vị khác làm đơn vị tiếp nhận công việc."));
                }

                if (!scope.Value.Covers(successorId))
                {
                    return AdminScope.UnitOutOfScope();
                }

                // The successor takes over from the next day, so it must exist then.
                if (!successor.IsValidOn(lastDay.AddDays(1)))
                {
                    return ValidationFailed.One("successorUnitId", new FieldMessage("admin.successor_not_in_operation",
                        "Đơn vị tiếp nhận không hoạt động vào ngày {0:dd/MM/yyyy}.", lastDay.AddDays(1)));
                }

                successorName = successor.Name;
            }

            unit.Close(lastDay, request.SuccessorUnitId);
            audit.Add(scope.Value, "unit.close", unit.Id, unit.Id, new { unit.ValidTo, unit.SuccessorUnitId });
            await db.SaveChangesAsync(ct);
            return Row(unit, 0, successorName is null ? new Dictionary<Guid, string>() : new() { [request.SuccessorUnitId!.Value] = successorName }, scope.Value.Today);
        }
    }

    private static UnitRow Row(OrganisationalUnit u, int depth, IReadOnlyDictionary<Guid, string> names, DateOnly today) =>
        new(u.Id, u.Name, u.ShortName, u.Level, u.IdentifierCode, u.ParentId, depth, u.ValidFrom, u.ValidTo, u.SuccessorUnitId,
            u.SuccessorUnitId is { } s ? names.GetValueOrDefault(s) : null, u.IsValidOn(today));
}
