using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.ReferenceData;

namespace MotCua.Web.Features.Administration;

/// <summary>The one-stop desks of the units an administrator manages: create, change (name, same-day cut-off, weekly
/// sessions) and close (domain.md §2.2). The list is the public one (<see cref="UnitDesks"/>) behind the scope check.</summary>
/// <remarks>A desk is closed, never deleted: its register book and the dossiers it received keep pointing at it.</remarks>
public static class AdminDesks
{
    public sealed record CreateDeskRequest(string? Name, OneStopDeskKind? Kind, TimeOnly? SameDayCutoff, DateOnly? ValidFrom, IReadOnlyList<UnitDesks.Session>? Sessions);

    /// <summary>The kind and first day of a desk do not change; a new kind is a new desk.</summary>
    public sealed record UpdateDeskRequest(string? Name, TimeOnly? SameDayCutoff, IReadOnlyList<UnitDesks.Session>? Sessions);

    public sealed record CloseDeskRequest(DateOnly? LastDay);

    public static RouteGroupBuilder Map(RouteGroupBuilder group)
    {
        group.MapGet("/units/{id:guid}/desks", async (Guid id, ClaimsPrincipal user, ListHandler handler, CancellationToken ct) =>
                (await handler.Handle(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminListDesks").WithSummary("Every desk a managed unit has had, with its sessions")
            .Produces<IReadOnlyList<UnitDesks.Desk>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/units/{id:guid}/desks", async (Guid id, CreateDeskRequest request, ClaimsPrincipal user, ChangeHandler handler, CancellationToken ct) =>
                (await handler.Create(id, request, user, ct)).ToHttpResult(d => TypedResults.Created($"/api/v1/admin/desks/{d.Id}", d)))
            .WithName("AdminCreateDesk").WithSummary("Creates a desk of a managed unit (default sessions: Monday–Friday 07:30–11:30, 13:00–17:00)")
            .Produces<UnitDesks.Desk>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/desks/{id:guid}", async (Guid id, UpdateDeskRequest request, ClaimsPrincipal user, ChangeHandler handler, CancellationToken ct) =>
                (await handler.Update(id, request, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminUpdateDesk").WithSummary("Changes a desk's name, same-day cut-off and weekly sessions")
            .Produces<UnitDesks.Desk>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/desks/{id:guid}/close", async (Guid id, CloseDeskRequest request, ClaimsPrincipal user, ChangeHandler handler, CancellationToken ct) =>
                (await handler.Close(id, request, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminCloseDesk").WithSummary("Closes a desk after its last day")
            .Produces<UnitDesks.Desk>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public sealed class ListHandler(AdminScope scopes, UnitDesks.Handler desks)
    {
        public async Task<Result<IReadOnlyList<UnitDesks.Desk>>> Handle(Guid unitId, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await scopes.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            if (!scope.Value.Covers(unitId))
            {
                return scope.Value.ParentOf.ContainsKey(unitId) ? AdminScope.UnitOutOfScope() : new NotFoundError($"đơn vị {unitId}");
            }

            return await desks.Handle(unitId, null, ct);
        }
    }

    public sealed class ChangeHandler(AppDbContext db, AdminScope scopes, AdminAuditLog audit)
    {
        public async Task<Result<UnitDesks.Desk>> Create(Guid unitId, CreateDeskRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var scope = await scopes.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            if (!scope.Value.Covers(unitId))
            {
                return scope.Value.ParentOf.ContainsKey(unitId) ? AdminScope.UnitOutOfScope() : new NotFoundError($"đơn vị {unitId}");
            }

            var errors = Validate(request.Name, request.Sessions, out var sessions);
            if (request.Kind is null)
            {
                errors["kind"] = [new FieldMessage("admin.desk_kind_required", "Chọn loại bộ phận một cửa.")];
            }

            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            var desk = OneStopDesk.Create(Guid.NewGuid(), unitId, request.Name!, request.Kind!.Value, request.ValidFrom ?? scope.Value.Today, null,
                sessions.Count > 0 ? sessions : null, request.SameDayCutoff);
            db.OneStopDesks.Add(desk);
            audit.Add(scope.Value, "desk.create", desk.Id, unitId, Snapshot(desk));
            await db.SaveChangesAsync(ct);
            return View(desk);
        }

        public async Task<Result<UnitDesks.Desk>> Update(Guid deskId, UpdateDeskRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var found = await LoadAsync(deskId, user, ct);
            if (found.IsFailure)
            {
                return found.Error;
            }

            var (scope, desk) = found.Value;
            var errors = Validate(request.Name, request.Sessions, out var sessions);
            if (sessions.Count == 0 && request.Sessions is not null)
            {
                errors["sessions"] = [new FieldMessage("admin.desk_sessions_required", "Nhập ít nhất một buổi làm việc.")];
            }

            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            desk.Change(request.Name!, request.SameDayCutoff ?? desk.SameDayCutoff);
            if (sessions.Count > 0)
            {
                desk.ReplaceWorkSessions(sessions);
            }

            audit.Add(scope, "desk.update", desk.Id, desk.UnitId, Snapshot(desk));
            await db.SaveChangesAsync(ct);
            return View(desk);
        }

        public async Task<Result<UnitDesks.Desk>> Close(Guid deskId, CloseDeskRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var found = await LoadAsync(deskId, user, ct);
            if (found.IsFailure)
            {
                return found.Error;
            }

            var (scope, desk) = found.Value;
            if (request.LastDay is not { } lastDay || lastDay < desk.ValidFrom)
            {
                return ValidationFailed.One("lastDay", new FieldMessage("admin.desk_last_day",
                    "Nhập ngày cuối cùng hoạt động, không trước ngày {0:dd/MM/yyyy}.", desk.ValidFrom));
            }

            if (desk.ValidTo is { } closed)
            {
                return new AdminRuleViolated("admin.desk_already_closed", $"Bộ phận một cửa đã ngừng hoạt động từ ngày {closed:dd/MM/yyyy}.");
            }

            desk.Close(lastDay);
            audit.Add(scope, "desk.close", desk.Id, desk.UnitId, new { desk.ValidTo });
            await db.SaveChangesAsync(ct);
            return View(desk);
        }

        private async Task<Result<(AdminScope.Scope Scope, OneStopDesk Desk)>> LoadAsync(Guid deskId, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await scopes.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var desk = await db.OneStopDesks.SingleOrDefaultAsync(d => d.Id == deskId, ct);
            if (desk is null || !scope.Value.Covers(desk.UnitId))
            {
                return new NotFoundError($"bộ phận một cửa {deskId}");
            }

            return (scope.Value, desk);
        }

        private static Dictionary<string, FieldMessage[]> Validate(string? name, IReadOnlyList<UnitDesks.Session>? input, out List<DeskWorkSession> sessions)
        {
            var errors = new Dictionary<string, FieldMessage[]>();
            if (string.IsNullOrWhiteSpace(name))
            {
                errors["name"] = [new FieldMessage("admin.desk_name_required", "Nhập tên bộ phận một cửa.")];
            }
            else if (name.Trim().Length > 300)
            {
                errors["name"] = [new FieldMessage("admin.desk_name_too_long", "Tên không quá 300 ký tự.")];
            }

            sessions = [.. (input ?? []).Select(s => new DeskWorkSession(s.DayOfWeek, s.Start, s.End))];
            var ordered = sessions.OrderBy(s => s.DayOfWeek).ThenBy(s => s.Start).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].End <= ordered[i].Start)
                {
                    errors["sessions"] = [new FieldMessage("admin.desk_session_order", "Giờ kết thúc của mỗi buổi phải sau giờ bắt đầu.")];
                }
                else if (i > 0 && ordered[i - 1].DayOfWeek == ordered[i].DayOfWeek && ordered[i - 1].End > ordered[i].Start)
                {
                    errors["sessions"] = [new FieldMessage("admin.desk_session_overlap", "Hai buổi làm việc trong cùng một ngày không được chồng lên nhau.")];
                }
            }

            return errors;
        }

        private static object Snapshot(OneStopDesk d) =>
            new { d.Name, d.Kind, d.SameDayCutoff, d.ValidFrom, d.ValidTo, sessions = d.WorkSessions.Select(s => $"{s.DayOfWeek} {s.Start:HH\\:mm}-{s.End:HH\\:mm}") };

        private static UnitDesks.Desk View(OneStopDesk d) =>
            new(d.Id, d.Name, d.Kind, d.SameDayCutoff, d.ValidFrom, d.ValidTo, [.. d.WorkSessions.Select(s => new UnitDesks.Session(s.DayOfWeek, s.Start, s.End))]);
    }
}
