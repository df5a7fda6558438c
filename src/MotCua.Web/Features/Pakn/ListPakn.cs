using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Pakn;

/// <summary>GET /api/v1/pakn?unit&amp;status&amp;due&amp;skip: the PAKN work list of the caller's units (received there or
/// handled there), open cases first by handling deadline, with a due badge: <c>overdue</c>, <c>dueSoon</c> (within
/// <see cref="DueSoonWorkingDays"/> working days), <c>waiting</c> (for the submitter's supplement), <c>notDue</c>, or
/// <c>closed</c>.</summary>
public static class ListPakn
{
    public const int PageSize = 50;

    /// <summary>How close the handling deadline must be for the "due soon" badge.</summary>
    public const int DueSoonWorkingDays = 2;

    /// <summary>The states in which the case still needs someone's work.</summary>
    public static readonly IReadOnlyList<PaknStatus> Open =
        [PaknStatus.Received, PaknStatus.Classified, PaknStatus.SupplementRequested, PaknStatus.InProgress, PaknStatus.Decided, PaknStatus.AwaitingPublication];

    public sealed record PaknPage(IReadOnlyList<PaknRow> Rows, int Total, int Skip);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (Guid? unit, string? status, string? due, int? skip, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(unit, status, due, skip ?? 0, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListPakn")
            .Produces<PaknPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public sealed class Handler(AppDbContext db, PaknAccess access, PaknContexts contexts)
    {
        public async Task<Result<PaknPage>> ListAsync(Guid? unit, string? status, string? due, int skip, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var units = await access.ReadableUnitsAsync(userId, ct);
            if (unit is { } only)
            {
                if (!units.Contains(only))
                {
                    return new OutOfScope("đơn vị không thuộc phạm vi của bạn");
                }

                units = [only];
            }
            else if (units.Count == 0)
            {
                return new OutOfScope("chỉ cán bộ của cơ quan xem được danh sách phản ánh, kiến nghị");
            }

            if (skip is < 0 or > 100_000)
            {
                return ValidationFailed.One("skip", new FieldMessage("list.skip_range", "Vị trí bắt đầu phải từ 0 đến 100000."));
            }

            var query = db.PaknCases.AsNoTracking().Where(c => units.Contains(c.HandlingUnitId) || units.Contains(c.ReceivingUnitId));
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<PaknStatus>(status, ignoreCase: false, out var wanted) || !Enum.IsDefined(wanted))
                {
                    return ValidationFailed.One("status", new FieldMessage("pakn.unknown_status", "Trạng thái không tồn tại."));
                }

                query = query.Where(c => c.Status == wanted);
            }

            var now = contexts.Now;
            var calculator = await contexts.CalculatorAsync(unit ?? units.First(), ct);
            var dueSoon = calculator.ComputeDue(now, DueSoonWorkingDays, ProcessingTimeUnit.WorkingDay, DeadlinePolicy.CalendarDayEnd);
            if (dueSoon.IsFailure)
            {
                return dueSoon.Error;
            }

            var soon = dueSoon.Value;
            var active = new[] { PaknStatus.Received, PaknStatus.Classified, PaknStatus.InProgress, PaknStatus.Decided };
            switch (due)
            {
                case null or "":
                    break;
                case "overdue":
                    query = query.Where(c => active.Contains(c.Status) && c.Deadlines.HandlingDueAtUtc < now);
                    break;
                case "dueSoon":
                    query = query.Where(c => active.Contains(c.Status) && c.Deadlines.HandlingDueAtUtc >= now && c.Deadlines.HandlingDueAtUtc <= soon);
                    break;
                case "waiting":
                    query = query.Where(c => c.Status == PaknStatus.SupplementRequested);
                    break;
                case "open":
                    query = query.Where(c => Open.Contains(c.Status));
                    break;
                default:
                    return ValidationFailed.One("due", new FieldMessage("pakn.unknown_due", "Chọn overdue, dueSoon, waiting hoặc open."));
            }

            var total = await query.CountAsync(ct);
            var cases = await query
                .OrderBy(c => Open.Contains(c.Status) ? 0 : 1).ThenBy(c => c.Deadlines.HandlingDueAtUtc).ThenBy(c => c.Id)
                .Skip(skip).Take(PageSize)
                .Select(c => new { c.Id, c.TrackingCode, c.Kind, c.Status, c.Subject, c.HandlingUnitId, c.SubmittedAt, c.Deadlines.HandlingDueAtUtc, c.PublicationDueAt, c.Classification })
                .ToListAsync(ct);
            var rows = cases.Select(c => new PaknRow(
                c.Id, c.TrackingCode.Format(), c.Kind.ToString(), c.Status.ToString(), c.Subject, c.HandlingUnitId, c.SubmittedAt, c.HandlingDueAtUtc,
                Badge(c.Status, c.Status == PaknStatus.AwaitingPublication ? c.PublicationDueAt ?? c.HandlingDueAtUtc : c.HandlingDueAtUtc, now, soon),
                c.Classification?.ToString())).ToList();
            return new PaknPage(rows, total, skip);
        }

        private static string Badge(PaknStatus status, DateTime due, DateTime now, DateTime soon) => status switch
        {
            PaknStatus.SupplementRequested => "waiting",
            _ when !Open.Contains(status) => "closed",
            _ when due < now => "overdue",
            _ when due <= soon => "dueSoon",
            _ => "notDue",
        };
    }
}
