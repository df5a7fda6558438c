using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Desk;

/// <summary>GET /api/v1/desk/queue: the desk officer's work, for the units whose desks they serve: online and postal
/// dossiers waiting for acceptance, those resubmitted after the desk's completion request, results ready to hand over,
/// and today's receipts (Vietnam date). Counts and the first rows of each; no personal data, so not a logged read.</summary>
public static class DeskWork
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public sealed record Row(
        Guid Id, string? Code, string Status, string Channel, string ProcedureCode, string ProcedureName, Guid ReceivingUnitId,
        DateTime SubmittedAt, DateTime? ReceivedAt, DateTime? AppointmentAt, string ReturnMethod, int Version);

    public sealed record Section(int Count, IReadOnlyList<Row> Items);

    public sealed record WorkList(
        IReadOnlyList<Guid> Units, Section AwaitingAcceptance, Section Resubmitted, Section ResultsReady, Section ReceivedToday);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/queue", async (Guid? unit, int? limit, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(unit, limit, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetDeskQueue")
            .Produces<WorkList>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public sealed class Handler(AppDbContext db, TimeProvider clock, DossierAccess access)
    {
        public async Task<Result<WorkList>> Handle(Guid? unit, int? limit, ClaimsPrincipal user, CancellationToken ct)
        {
            var take = limit ?? DefaultLimit;
            if (take is < 1 or > MaxLimit)
            {
                return ValidationFailed.One("limit", new FieldMessage("list.limit_range", "limit phải từ 1 đến {0}.", MaxLimit));
            }

            var units = await DeskUnits.OfAsync(access, user, unit, ct);
            if (units.IsFailure)
            {
                return units.Error;
            }

            var scope = units.Value;
            var mine = db.Dossiers.AsNoTracking().Where(d => scope.Contains(d.ReceivingUnitId));
            var waiting = mine.Where(d => d.Status == DossierStatus.OnlineSubmitted);
            // ND 61/2018 Art. 17(2): an online or postal dossier waits for the desk's check; one the applicant completed
            // after the desk's request comes back to the same check, shown apart.
            var fresh = waiting.Where(d => !d.Supplements.Any(s => s.Stage == SupplementStage.Desk)).OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id);
            var resubmitted = waiting.Where(d => d.Supplements.Any(s => s.Stage == SupplementStage.Desk)).OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id);
            var ready = mine.Where(d => d.Status == DossierStatus.ResultAtDesk).OrderBy(d => d.ProcessingEndedAt).ThenBy(d => d.Id);
            var now = clock.GetUtcNow().UtcDateTime;
            var today = VietnamTime.BusinessDate(now);
            var from = VietnamTime.StartOfDayUtc(today);
            var to = from.AddDays(1);
            var received = mine.Where(d => d.ReceivedAt >= from && d.ReceivedAt < to).OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id);
            return new WorkList(
                [.. scope],
                await SectionAsync(fresh, take, ct),
                await SectionAsync(resubmitted, take, ct),
                await SectionAsync(ready, take, ct),
                await SectionAsync(received, take, ct));
        }

        private async Task<Section> SectionAsync(IQueryable<Dossier> query, int take, CancellationToken ct)
        {
            var count = await query.CountAsync(ct);
            var rows = await query.Take(take)
                .Select(d => new
                {
                    d.Id,
                    d.Code,
                    d.Status,
                    d.Channel,
                    d.ProcedureId,
                    d.ReceivingUnitId,
                    d.SubmittedAt,
                    d.ReceivedAt,
                    d.CurrentAppointmentAt,
                    d.ReturnMethod,
                    d.Version,
                })
                .ToListAsync(ct);
            var ids = rows.Select(r => r.ProcedureId).Distinct().ToList();
            var procedures = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Code, p.Name }).ToDictionaryAsync(p => p.Id, ct);
            return new Section(count, [.. rows.Select(r => new Row(
                r.Id, r.Code?.Format(), DossierWorkflow.ApiName(r.Status), r.Channel.ToString(), procedures[r.ProcedureId].Code.Value,
                procedures[r.ProcedureId].Name, r.ReceivingUnitId,
                r.SubmittedAt, r.ReceivedAt, r.CurrentAppointmentAt, r.ReturnMethod.ToString(), r.Version))]);
        }
    }
}

/// <summary>The units whose desks the caller serves (role <see cref="StaffRole.DeskOfficer"/> today), narrowed to one
/// when asked: 403 for a caller without the desk role or a unit outside it.</summary>
internal static class DeskUnits
{
    public static async Task<Result<IReadOnlyList<Guid>>> OfAsync(DossierAccess access, ClaimsPrincipal user, Guid? unit, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        var units = await access.UnitsWithRoleAsync(userId, StaffRole.DeskOfficer, ct);
        if (units.Count == 0)
        {
            return new OutOfScope("chỉ cán bộ một cửa");
        }

        if (unit is { } one)
        {
            return units.Contains(one) ? new[] { one } : new OutOfScope("đơn vị không thuộc phạm vi của bạn");
        }

        return units.Order().ToList();
    }
}
