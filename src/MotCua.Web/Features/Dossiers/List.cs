using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
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

    /// <summary>Sort orders: newest submission first (default), or soonest appointment first (<c>due</c>: only dossiers
    /// with an appointment).</summary>
    public const string SortByDue = "due";

    /// <summary>The read-log purpose of a list with applicant names.</summary>
    public const string AuditPurpose = "api.dossier.list";

    /// <summary>One row. <c>ApplicantName</c> only with <c>withApplicant=true</c>, which logs the read of each listed
    /// dossier like a dossier read (no other personal data is ever listed). <c>Deadline</c>: <c>NotDue</c>,
    /// <c>DueSoon</c>, <c>Overdue</c> or <c>Paused</c> (waiting for the applicant) for an open dossier
    /// (<see cref="DeadlineWatch.StatusAt"/>), absent otherwise.</summary>
    public sealed record Row(
        Guid Id, string? Code, string Status, Guid ProcedureId, Guid ReceivingUnitId, Guid CompetentUnitId, DateTime SubmittedAt,
        DateTime? ReceivedAt, DateTime? CurrentAppointmentAt, DateTime? ProcessingEndedAt, int Version, Guid? AssignedOfficerId = null,
        string? ApplicantName = null, string? Deadline = null);

    /// <summary>How many open dossiers of the caller's units (or of <c>unit</c>) are due soon, overdue, or waiting for the
    /// applicant, by the one rule the filters use (<see cref="DeadlineWatch"/>).</summary>
    public sealed record Counts(int DueSoon, int Overdue, int WaitingForApplicant);

    public sealed record Page(IReadOnlyList<Row> Items, string? Next);

    public sealed record Query(
        Guid? Unit, string? Status, Guid? Procedure, bool Overdue, bool DueSoon, DateTime? ReceivedFrom, DateTime? ReceivedTo,
        string? After, int? Limit, bool AssignedToMe = false, bool Waiting = false, string? Sort = null, bool WithApplicant = false);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (
                [AsParameters] ListParameters p, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(new Query(p.Unit, p.Status, p.Procedure, p.Overdue ?? false, p.DueSoon ?? false, p.ReceivedFrom, p.ReceivedTo,
                    p.After, p.Limit, p.AssignedToMe ?? false, p.Waiting ?? false, p.Sort, p.WithApplicant ?? false), user, ct))
                .ToHttpResult(TypedResults.Ok))
            .WithName("ListDossiers")
            .Produces<Page>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>GET /api/v1/dossiers/counts?unit: the work list's counters.</summary>
    public static RouteHandlerBuilder MapCounts(RouteGroupBuilder group) =>
        group.MapGet("/counts", async (Guid? unit, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.CountsAsync(unit, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("CountDossiers")
            .WithSummary("Open dossiers of the caller's units that are due soon, overdue, or waiting for the applicant")
            .Produces<Counts>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The query string of the list.</summary>
    public sealed record ListParameters(
        Guid? Unit, string? Status, Guid? Procedure, bool? Overdue, bool? DueSoon, DateTime? ReceivedFrom, DateTime? ReceivedTo,
        string? After, int? Limit, bool? AssignedToMe, bool? Waiting, string? Sort, bool? WithApplicant);

    public sealed class Handler(AppDbContext db, TimeProvider clock, DossierAccess access, DossierDeadlineWatch deadlines, WorkCountsCache kept)
    {
        /// <summary>The counters of <see cref="Counts"/>: three counts over the open dossiers of the units, each on the
        /// (unit, status) indexes, so no count runs over the whole table; kept a short while per scope
        /// (<see cref="WorkCountsCache"/>).</summary>
        public async Task<Result<Counts>> CountsAsync(Guid? unit, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var scope = await ScopeAsync(userId, unit, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            return await kept.GetOrCountAsync(scope.Value, () => CountAsync(scope.Value, ct));
        }

        private async Task<Counts> CountAsync(HashSet<Guid> units, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var counted = CountsOf(await deadlines.DueSoonAsync(units, now, ct), DeadlineWatch.OverdueAt(now), DeadlineWatch.Paused());
            var (byReceiving, byCompetent) = Sides(units);
            // A dossier received and decided in the scope is counted once, on the receiving side.
            var competentOnly = units.Count == 1 ? units.Single() : (Guid?)null;
            byCompetent = competentOnly is { } only
                ? byCompetent.Where(d => d.ReceivingUnitId != only)
                : byCompetent.Where(d => !units.Contains(d.ReceivingUnitId));
            var received = await CountSideAsync(byReceiving, counted, ct);
            var decided = await CountSideAsync(byCompetent, counted, ct);
            return new Counts(received.DueSoon + decided.DueSoon, received.Overdue + decided.Overdue,
                received.WaitingForApplicant + decided.WaitingForApplicant);
        }

        // One pass over a side's dossiers with a standing (on the (unit, status) index), the three standings counted by
        // conditional aggregates (COUNT … FILTER), where three separate counts read the same rows three times.
        private static async Task<Counts> CountSideAsync(
            IQueryable<Dossier> side, Expression<Func<IGrouping<int, Dossier>, Counts>> counted, CancellationToken ct) =>
            await side.Where(DeadlineWatch.WithStanding()).GroupBy(d => 1).Select(counted).SingleOrDefaultAsync(ct) ?? new Counts(0, 0, 0);

        // g => new Counts(g.Count(dueSoon), g.Count(overdue), g.Count(paused)), built from the predicates' trees.
        private static Expression<Func<IGrouping<int, Dossier>, Counts>> CountsOf(params Expression<Func<Dossier, bool>>[] predicates)
        {
            var group = Expression.Parameter(typeof(IGrouping<int, Dossier>), "g");
            var counts = predicates.Select(p => (Expression)Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(Dossier)], group, p));
            var constructor = typeof(Counts).GetConstructor([typeof(int), typeof(int), typeof(int)])!;
            return Expression.Lambda<Func<IGrouping<int, Dossier>, Counts>>(Expression.New(constructor, counts), group);
        }

        // The units the caller reads, or only "unit" when it is one of them.
        private async Task<Result<HashSet<Guid>>> ScopeAsync(Guid userId, Guid? unit, CancellationToken ct)
        {
            var units = await access.ReadableUnitsAsync(userId, ct);
            if (unit is { } only)
            {
                return units.Contains(only) ? new HashSet<Guid> { only } : new OutOfScope("đơn vị không thuộc phạm vi của bạn");
            }

            return units;
        }

        // Two branches (received by / competent in the units) joined by UNION instead of one OR: each branch can walk
        // an index on (unit, status, SubmittedAt, Id) backwards and stop after one page, where the OR made
        // PostgreSQL sort every matching dossier (300 ms at 1M dossiers, docs/benchmarks.md). A single unit is
        // compared with "=", because "= ANY(array)" does not give an ordered index scan.
        private (IQueryable<Dossier> ByReceiving, IQueryable<Dossier> ByCompetent) Sides(HashSet<Guid> units)
        {
            if (units.Count == 1)
            {
                var only = units.Single();
                return (db.Dossiers.AsNoTracking().Where(d => d.ReceivingUnitId == only), db.Dossiers.AsNoTracking().Where(d => d.CompetentUnitId == only));
            }

            return (db.Dossiers.AsNoTracking().Where(d => units.Contains(d.ReceivingUnitId)), db.Dossiers.AsNoTracking().Where(d => units.Contains(d.CompetentUnitId)));
        }

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
                return ValidationFailed.One("limit", new FieldMessage("list.limit_range", "limit phải từ 1 đến {0}.", MaxLimit));
            }

            if (q.Sort is not null and not SortByDue)
            {
                return ValidationFailed.One("sort", new FieldMessage("list.unknown_sort", "Thứ tự '{0}' không tồn tại (bỏ trống hoặc '{1}').", q.Sort, SortByDue));
            }

            DossierStatus? status = null;
            if (q.Status is not null)
            {
                status = q.Status == "Submitted" ? DossierStatus.OnlineSubmitted
                    : Enum.TryParse<DossierStatus>(q.Status, out var parsed) && !int.TryParse(q.Status, out _) ? parsed : null;
                if (status is null)
                {
                    return ValidationFailed.One("status", new FieldMessage("list.unknown_status", "Trạng thái '{0}' không tồn tại.", q.Status));
                }
            }

            (DateTime At, Guid Id)? cursor = null;
            if (q.After is not null)
            {
                cursor = ParseCursor(q.After, q.Sort);
                if (cursor is null)
                {
                    return ValidationFailed.One("after", new FieldMessage("list.invalid_cursor", "Con trỏ phân trang không hợp lệ."));
                }
            }

            var readable = await access.ReadableUnitsAsync(userId, ct);
            if (readable.Count == 0 && await access.HasRoleAsync(userId, StaffRole.Citizen, ct))
            {
                return await OwnPageAsync(userId, status, q, cursor, limit, ct);
            }

            var scope = await ScopeAsync(userId, q.Unit, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var units = scope.Value;
            var (byReceiving, byCompetent) = Sides(units);
            return await PageAsync(
                await FiltersAsync(byReceiving, status, q, cursor, units, userId, ct), await FiltersAsync(byCompetent, status, q, cursor, units, userId, ct),
                q, limit, userId, ct);
        }

        // A citizen (no staff role) sees exactly the dossiers they submitted, with the same filters and paging.
        private async Task<Result<Page>> OwnPageAsync(Guid userId, DossierStatus? status, Query q, (DateTime At, Guid Id)? cursor, int limit, CancellationToken ct)
        {
            var own = db.Dossiers.AsNoTracking().Where(d => d.OwnerUserId == userId);
            if (q.Unit is { } unit)
            {
                own = own.Where(d => d.ReceivingUnitId == unit || d.CompetentUnitId == unit);
            }

            return await PageAsync(await FiltersAsync(own, status, q, cursor, q.Unit is { } u ? [u] : [], userId, ct), null, q, limit, userId, ct);
        }

        // One page in the requested order from one query or the union of two (each ordered and cut first, so each side
        // can stop after one page of its index).
        private async Task<Page> PageAsync(IQueryable<Dossier> first, IQueryable<Dossier>? second, Query q, int limit, Guid userId, CancellationToken ct)
        {
            var byDue = q.Sort == SortByDue;
            var rows = second is null
                ? await Ordered(Project(Ordered(first, byDue).Take(limit + 1), q.WithApplicant), byDue).Take(limit + 1).ToListAsync(ct)
                : await Ordered(
                        Project(Ordered(first, byDue).Take(limit + 1), q.WithApplicant)
                            .Union(Project(Ordered(second, byDue).Take(limit + 1), q.WithApplicant)), byDue)
                    .Take(limit + 1).ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var items = new List<Row>(Math.Min(rows.Count, limit));
            foreach (var d in rows.Take(limit))
            {
                var deadline = await deadlines.StatusAtAsync(d.ReceivingUnitId, d.Status, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.FinancialObligationPausesClock, now, ct);
                items.Add(new Row(d.Id, d.Code?.Format(), DossierWorkflow.ApiName(d.Status), d.ProcedureId, d.ReceivingUnitId,
                    d.CompetentUnitId, d.SubmittedAt, d.ReceivedAt, d.CurrentAppointmentAt, d.ProcessingEndedAt, d.Version, d.AssignedOfficerId,
                    d.ApplicantName, deadline?.ToString()));
            }

            if (q.WithApplicant && items.Count > 0)
            {
                // Names are personal data: the page's dossiers are logged as read, in one insert (as the register book); the
                // rows join their dossiers' hash chains a few seconds later (PersonalDataReadLog.EnqueueAsync).
                await PersonalDataReadLog.EnqueueAsync(db, [.. items.Select(i => new PersonalDataAccess
                {
                    UserId = userId, DossierId = i.Id, At = now, Purpose = AuditPurpose,
                })], ct);
            }

            var next = rows.Count <= limit ? null
                : byDue ? FormatCursor(DueCursorPrefix, items[^1].CurrentAppointmentAt!.Value, items[^1].Id)
                : FormatCursor("", items[^1].SubmittedAt, items[^1].Id);
            return new Page(items, next);
        }

        private static IQueryable<Dossier> Ordered(IQueryable<Dossier> query, bool byDue) => byDue
            ? query.OrderBy(d => d.CurrentAppointmentAt).ThenBy(d => d.Id)
            : query.OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Id);

        private static IQueryable<Raw> Ordered(IQueryable<Raw> query, bool byDue) => byDue
            ? query.OrderBy(d => d.CurrentAppointmentAt).ThenBy(d => d.Id)
            : query.OrderByDescending(d => d.SubmittedAt).ThenByDescending(d => d.Id);

        private static IQueryable<Raw> Project(IQueryable<Dossier> query, bool withApplicant) => query.Select(d => new Raw
        {
            Id = d.Id,
            Code = d.Code,
            Status = d.Status,
            ProcedureId = d.ProcedureId,
            ReceivingUnitId = d.ReceivingUnitId,
            CompetentUnitId = d.CompetentUnitId,
            SubmittedAt = d.SubmittedAt,
            ReceivedAt = d.ReceivedAt,
            CurrentAppointmentAt = d.CurrentAppointmentAt,
            ProcessingEndedAt = d.ProcessingEndedAt,
            Version = d.Version,
            AssignedOfficerId = d.AssignedOfficerId,
            FinancialObligationPausesClock = d.FinancialObligationPausesClock,
            ApplicantName = withApplicant ? d.Applicant.FullName : null,
        });

        // receivingUnits: the units whose desks' calendars measure "due soon" (the caller's); others use the default hours.
        private async Task<IQueryable<Dossier>> FiltersAsync(
            IQueryable<Dossier> query, DossierStatus? status, Query q, (DateTime At, Guid Id)? cursor, IReadOnlyCollection<Guid> receivingUnits,
            Guid userId, CancellationToken ct)
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

            if (q.Waiting)
            {
                query = query.Where(DeadlineWatch.Paused());
            }

            if (q.AssignedToMe)
            {
                query = query.Where(d => d.AssignedOfficerId == userId);
            }

            if (q.Sort == SortByDue)
            {
                query = query.Where(d => d.CurrentAppointmentAt != null);
                if (cursor is { } due)
                {
                    DateTime? at = due.At;
                    query = query.Where(d => d.CurrentAppointmentAt >= at && (d.CurrentAppointmentAt > at || d.Id.CompareTo(due.Id) > 0));
                }
            }
            else if (cursor is { } c)
            {
                // "SubmittedAt <= c" first: a range condition the index can seek on; the OR only filters the boundary.
                query = query.Where(d => d.SubmittedAt <= c.At && (d.SubmittedAt < c.At || d.Id.CompareTo(c.Id) < 0));
            }

            return query;
        }

        // The edge refuses an instant without an offset (RequestValidation), so the value is UTC or local here.
        private static DateTime Utc(DateTime value) => Domain.Calendar.VietnamTime.AsUtc(value);

        // The due order's cursor is marked, so a cursor of one order is refused by the other.
        private const string DueCursorPrefix = "due:";

        private static string FormatCursor(string prefix, DateTime at, Guid id) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{prefix}{at.Ticks}:{id:D}")));

        private static (DateTime, Guid)? ParseCursor(string text, string? sort)
        {
            try
            {
                var plain = Encoding.UTF8.GetString(Convert.FromBase64String(text));
                var prefix = sort == SortByDue ? DueCursorPrefix : "";
                if (!plain.StartsWith(prefix, StringComparison.Ordinal) || (prefix.Length == 0 && plain.StartsWith(DueCursorPrefix, StringComparison.Ordinal)))
                {
                    return null;
                }

                var parts = plain[prefix.Length..].Split(':');
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

    // A row as read, before the code and status are formatted; a class with settable members so that both sides of
    // the union project the same shape.
    private sealed class Raw
    {
        public Guid Id { get; init; }

        public DossierCode? Code { get; init; }

        public DossierStatus Status { get; init; }

        public Guid ProcedureId { get; init; }

        public Guid ReceivingUnitId { get; init; }

        public Guid CompetentUnitId { get; init; }

        public DateTime SubmittedAt { get; init; }

        public DateTime? ReceivedAt { get; init; }

        public DateTime? CurrentAppointmentAt { get; init; }

        public DateTime? ProcessingEndedAt { get; init; }

        public int Version { get; init; }

        public Guid? AssignedOfficerId { get; init; }

        public bool FinancialObligationPausesClock { get; init; }

        public string? ApplicantName { get; init; }
    }
}
