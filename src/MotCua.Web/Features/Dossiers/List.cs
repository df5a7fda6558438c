using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>GET /api/v1/dossiers: the dossiers of the caller's units (a citizen without a staff role: the dossiers they
/// submitted), newest first, with filters and keyset paging.</summary>
/// <remarks>Rows carry no personal data (no applicant), so listing is not logged as a personal-data read. Paging is by
/// (<c>SubmittedAt</c>, <c>Id</c>) descending, which every dossier has (an online dossier has no reception time yet);
/// the <c>after</c> cursor is the last row's pair, opaque to clients.</remarks>
public static class ListDossiers
{
    public const int MaxLimit = 200;

    public sealed record Row(
        Guid Id, string? Code, string Status, Guid ProcedureId, Guid ReceivingUnitId, Guid CompetentUnitId, DateTime SubmittedAt,
        DateTime? ReceivedAt, DateTime? CurrentAppointmentAt, DateTime? ProcessingEndedAt, int Version);

    public sealed record Page(IReadOnlyList<Row> Items, string? Next);

    public sealed record Query(
        Guid? Unit, string? Status, Guid? Procedure, bool Overdue, bool DueSoon, DateTime? ReceivedFrom, DateTime? ReceivedTo,
        string? After, int? Limit);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (
                Guid? unit, string? status, Guid? procedure, bool? overdue, bool? dueSoon, DateTime? receivedFrom, DateTime? receivedTo,
                string? after, int? limit, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(new Query(unit, status, procedure, overdue ?? false, dueSoon ?? false, receivedFrom, receivedTo, after, limit), user, ct))
                .ToHttpResult(TypedResults.Ok))
            .WithName("ListDossiers")
            .Produces<Page>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public sealed class Handler(AppDbContext db, TimeProvider clock, DossierAccess access, DossierDeadlineWatch deadlines)
    {
        public async Task<Result<Page>> Handle(Query q, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(q);
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var limit = q.Limit ?? 50;
            if (limit is < 1 or > MaxLimit)
            {
                return ValidationFailed.One("limit", $"limit phải từ 1 đến {MaxLimit}.");
            }

            DossierStatus? status = null;
            if (q.Status is not null)
            {
                status = q.Status == "Submitted" ? DossierStatus.OnlineSubmitted
                    : Enum.TryParse<DossierStatus>(q.Status, out var parsed) && !int.TryParse(q.Status, out _) ? parsed : null;
                if (status is null)
                {
                    return ValidationFailed.One("status", $"Trạng thái '{q.Status}' không tồn tại.");
                }
            }

            (DateTime At, Guid Id)? cursor = null;
            if (q.After is not null)
            {
                cursor = ParseCursor(q.After);
                if (cursor is null)
                {
                    return ValidationFailed.One("after", "Con trỏ phân trang không hợp lệ.");
                }
            }

            var units = await access.ReadableUnitsAsync(userId, ct);
            if (units.Count == 0 && await access.HasRoleAsync(userId, StaffRole.Citizen, ct))
            {
                return await OwnPageAsync(userId, status, q, cursor, limit, ct);
            }

            if (q.Unit is { } unit)
            {
                if (!units.Contains(unit))
                {
                    return new OutOfScope("đơn vị không thuộc phạm vi của bạn");
                }

                units = [unit];
            }

            // Two branches (received by / competent in the units) joined by UNION instead of one OR: each branch can walk
            // an index on (unit, status, SubmittedAt, Id) backwards and stop after one page, where the OR made
            // PostgreSQL sort every matching dossier (300 ms at 1M dossiers, docs/benchmarks.md). A single unit is
            // compared with "=", because "= ANY(array)" does not give an ordered index scan.
            IQueryable<Dossier> byReceiving, byCompetent;
            if (units.Count == 1)
            {
                var only = units.Single();
                byReceiving = db.Dossiers.AsNoTracking().Where(d => d.ReceivingUnitId == only);
                byCompetent = db.Dossiers.AsNoTracking().Where(d => d.CompetentUnitId == only);
            }
            else
            {
                byReceiving = db.Dossiers.AsNoTracking().Where(d => units.Contains(d.ReceivingUnitId));
                byCompetent = db.Dossiers.AsNoTracking().Where(d => units.Contains(d.CompetentUnitId));
            }

            var receiving = (await FiltersAsync(byReceiving, status, q, cursor, units, ct))
                .OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Id).Take(limit + 1)
                .Select(d => new { d.Id, d.Code, d.Status, d.ProcedureId, d.ReceivingUnitId, d.CompetentUnitId, d.SubmittedAt, d.ReceivedAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.Version });
            var competent = (await FiltersAsync(byCompetent, status, q, cursor, units, ct))
                .OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Id).Take(limit + 1)
                .Select(d => new { d.Id, d.Code, d.Status, d.ProcedureId, d.ReceivingUnitId, d.CompetentUnitId, d.SubmittedAt, d.ReceivedAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.Version });
            var rows = await receiving.Union(competent)
                .OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Id)
                .Take(limit + 1)
                .ToListAsync(ct);
            var items = rows.Take(limit).Select(d => new Row(d.Id, d.Code?.Format(), DossierWorkflow.ApiName(d.Status), d.ProcedureId, d.ReceivingUnitId,
                d.CompetentUnitId, d.SubmittedAt, d.ReceivedAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.Version)).ToList();
            var next = rows.Count > limit ? FormatCursor(items[^1].SubmittedAt, items[^1].Id) : null;
            return new Page(items, next);
        }

        // A citizen (no staff role) sees exactly the dossiers they submitted, with the same filters and paging.
        private async Task<Result<Page>> OwnPageAsync(Guid userId, DossierStatus? status, Query q, (DateTime At, Guid Id)? cursor, int limit, CancellationToken ct)
        {
            var own = db.Dossiers.AsNoTracking().Where(d => d.OwnerUserId == userId);
            if (q.Unit is { } unit)
            {
                own = own.Where(d => d.ReceivingUnitId == unit || d.CompetentUnitId == unit);
            }

            var rows = await (await FiltersAsync(own, status, q, cursor, q.Unit is { } u ? [u] : [], ct))
                .OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Id)
                .Take(limit + 1)
                .Select(d => new { d.Id, d.Code, d.Status, d.ProcedureId, d.ReceivingUnitId, d.CompetentUnitId, d.SubmittedAt, d.ReceivedAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.Version })
                .ToListAsync(ct);
            var items = rows.Take(limit).Select(d => new Row(d.Id, d.Code?.Format(), DossierWorkflow.ApiName(d.Status), d.ProcedureId, d.ReceivingUnitId,
                d.CompetentUnitId, d.SubmittedAt, d.ReceivedAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.Version)).ToList();
            return new Page(items, rows.Count > limit ? FormatCursor(items[^1].SubmittedAt, items[^1].Id) : null);
        }

        // receivingUnits: the units whose desks' calendars measure "due soon" (the caller's); others use the default hours.
        private async Task<IQueryable<Dossier>> FiltersAsync(
            IQueryable<Dossier> query, DossierStatus? status, Query q, (DateTime At, Guid Id)? cursor, IReadOnlyCollection<Guid> receivingUnits, CancellationToken ct)
        {
            if (status is { } s)
            {
                query = query.Where(d => d.Status == s);
            }

            if (q.Procedure is { } procedure)
            {
                query = query.Where(d => d.ProcedureId == procedure);
            }

            if (q.ReceivedFrom is { } from)
            {
                var fromUtc = Utc(from);
                query = query.Where(d => d.ReceivedAt >= fromUtc);
            }

            if (q.ReceivedTo is { } to)
            {
                var toUtc = Utc(to);
                query = query.Where(d => d.ReceivedAt < toUtc);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            // One rule with the digest and the reports (DeadlineWatch): a dossier waiting for the applicant is neither.
            if (q.Overdue)
            {
                query = query.Where(DeadlineWatch.OverdueAt(now));
            }

            if (q.DueSoon)
            {
                query = query.Where(await deadlines.DueSoonAsync(receivingUnits, now, ct));
            }

            if (cursor is { } c)
            {
                // "SubmittedAt <= c" first: a range condition the index can seek on; the OR only filters the boundary.
                query = query.Where(d => d.SubmittedAt <= c.At && (d.SubmittedAt < c.At || d.Id.CompareTo(c.Id) < 0));
            }

            return query;
        }

        // The edge refuses an instant without an offset (RequestValidation), so the value is UTC or local here.
        private static DateTime Utc(DateTime value) => Domain.Calendar.VietnamTime.AsUtc(value);

        private static string FormatCursor(DateTime at, Guid id) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{at.Ticks}:{id:D}")));

        private static (DateTime, Guid)? ParseCursor(string text)
        {
            try
            {
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split(':');
                return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                       && ticks is >= 0 and <= 3155378975999999999 && Guid.TryParse(parts[1], out var id)
                    ? (new DateTime(ticks, DateTimeKind.Utc), id)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
