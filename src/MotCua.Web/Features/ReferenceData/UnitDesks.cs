using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ReferenceData;

/// <summary>GET /api/v1/units/{id}/desks: the one-stop desks a unit hosts, with their kind, opening sessions and
/// same-day cut-off. Public: a desk's address and hours are published to applicants (ND 61/2018 Art. 8).</summary>
/// <remarks>With <c>on</c>, only the desks operating on that date; without it, every desk the unit has had.</remarks>
public static class UnitDesks
{
    public sealed record Session(DayOfWeek DayOfWeek, TimeOnly Start, TimeOnly End);

    public sealed record Desk(
        Guid Id, string Name, OneStopDeskKind Kind, TimeOnly SameDayCutoff, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<Session> Sessions);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/units/{id:guid}/desks", async (Guid id, DateOnly? on, Handler handler, CancellationToken ct) =>
                (await handler.Handle(id, on, ct)).ToHttpResult(TypedResults.Ok))
            .AllowAnonymous()
            .WithName("ListUnitDesks")
            .WithSummary("The one-stop desks of a unit, with opening sessions and cut-off")
            .Produces<IReadOnlyList<Desk>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<IReadOnlyList<Desk>>> Handle(Guid unitId, DateOnly? on, CancellationToken ct)
        {
            if (!await db.OrganisationalUnits.AnyAsync(u => u.Id == unitId, ct))
            {
                return new NotFoundError($"đơn vị {unitId}");
            }

            var desks = await db.OneStopDesks.AsNoTracking().Where(d => d.UnitId == unitId).ToListAsync(ct);
            return Result.Success<IReadOnlyList<Desk>>([
                .. desks.Where(d => on is not { } date || d.IsValidOn(date))
                    .OrderBy(d => d.ValidFrom).ThenBy(d => VietnameseText.Fold(d.Name), StringComparer.Ordinal)
                    .Select(d => new Desk(d.Id, d.Name, d.Kind, d.SameDayCutoff, d.ValidFrom, d.ValidTo,
                        [.. d.WorkSessions.Select(s => new Session(s.DayOfWeek, s.Start, s.End))])),
            ]);
        }
    }
}
