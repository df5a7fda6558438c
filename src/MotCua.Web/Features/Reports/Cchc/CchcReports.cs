using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Reports;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.ParIndex;

namespace MotCua.Web.Features.Reports.Cchc;

/// <summary><c>POST /api/v1/reports/cchc</c>: a unit's officer opens the unit's report for a period (quarter, 6 months,
/// 9 months or year, calendar or ND 09 cut-off).</summary>
public sealed record CreateCchcReportRequest(Guid? Unit, [property: MaxLength(40)] string? Period, int? Year, int? Quarter);

/// <summary><c>PUT /api/v1/reports/cchc/{id}/narrative</c>: the sections given replace theirs (keys of
/// <see cref="CchcReport.SectionKeys"/>), and the document number.</summary>
public sealed record SaveCchcNarrativeRequest(int? Revision, [property: MaxLength(CchcReport.MaxNumberLength)] string? Number, Dictionary<string, string?>? Sections);

/// <summary><c>POST …/refresh</c>: the figures again from the system.</summary>
public sealed record RefreshCchcReportRequest(int? Revision);

/// <summary><c>POST …/finalise</c>: the head finalises it, with <c>confirm: true</c>.</summary>
public sealed record FinaliseCchcReportRequest(int? Revision, bool? Confirm);

public sealed record CchcSectionView(string Key, string Text);

public sealed record CchcEventView(string Kind, Guid UserId, DateTime At, string? Detail);

/// <summary>A CCHC report: header, its Vietnamese title, state, what the caller may do, the narrative and the figures.</summary>
public sealed record CchcReportView(
    Guid Id, Guid UnitId, string UnitName, string? ParentName, string? ProvinceName, string PeriodRule, DateOnly From, DateOnly To, int Year, string Title,
    string Status, string? Number, int Revision, DateTime CreatedAt, DateTime FiguresAt, DateTime? FinalisedAt, bool MayEdit, bool MayFinalise,
    IReadOnlyList<CchcSectionView> Sections, CchcFigures Figures, IReadOnlyList<CchcEventView> Events);

public sealed record CchcReportRow(Guid Id, Guid UnitId, string UnitName, string PeriodRule, DateOnly From, DateOnly To, int Year, string Title, string Status,
    string? Number, DateTime CreatedAt, DateTime? FinalisedAt);

/// <summary>The reports the caller reads, newest period first, and the units they may open a report for.</summary>
public sealed record CchcReportList(IReadOnlyList<CchcReportRow> Reports, IReadOnlyList<CchcUnitOption> Units);

public sealed record CchcUnitOption(Guid Id, string Name);

/// <summary>The CCHC report (báo cáo kết quả công tác CCHC; issue 11 item 7; README.md in this folder), under
/// <c>/api/v1/reports/cchc</c>: a unit's officers draft it (figures from the system, narrative by hand), the head finalises
/// it (figures frozen), Home Affairs and administrators of the province read every unit's.</summary>
public static class CchcReports
{
    /// <summary>The period rules a CCHC report takes: quarter, 6 months, 9 months and year, calendar or ND 09.</summary>
    public static readonly IReadOnlyList<PeriodRule> Rules =
    [
        PeriodRule.Nd09Quarter, PeriodRule.Nd09SixMonths, PeriodRule.Nd09NineMonths, PeriodRule.Nd09Year,
        PeriodRule.CalendarQuarter, PeriodRule.CalendarSixMonths, PeriodRule.CalendarNineMonths, PeriodRule.CalendarYear,
    ];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/reports/cchc").RequireAuthorization(ApiAuth.Policy).WithTags("Reports");
        group.MapGet("", async (Guid? unit, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(unit, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListCchcReports")
            .Produces<CchcReportList>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", async (CreateCchcReportRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.CreateAsync(body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("CreateCchcReport")
            .Produces<CchcReportView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetCchcReport")
            .Produces<CchcReportView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapChange(group.MapPut("/{id:guid}/narrative", async (Guid id, SaveCchcNarrativeRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
            (await handler.SaveNarrativeAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "SaveCchcReportNarrative");
        MapChange(group.MapPost("/{id:guid}/refresh", async (Guid id, RefreshCchcReportRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
            (await handler.RefreshAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "RefreshCchcReport");
        MapChange(group.MapPost("/{id:guid}/finalise", async (Guid id, FinaliseCchcReportRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
            (await handler.FinaliseAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "FinaliseCchcReport");
        CchcReportExports.Map(group);
    }

    private static void MapChange(RouteHandlerBuilder route, string name) =>
        route.WithName(name)
            .Produces<CchcReportView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static readonly StaffRole[] Officers = [StaffRole.DeskOfficer, StaffRole.HandlingOfficer, StaffRole.AgencyHead];

    /// <summary>The caller's standing: the units they are an officer of, those they head, the provinces they oversee (their
    /// Home Affairs appraiser or administrator, as <see cref="ParIndexAccess"/> decides), and the unit tree.</summary>
    private sealed record Standing(Guid UserId, IReadOnlySet<Guid> Officer, IReadOnlySet<Guid> Head, IReadOnlySet<Guid> Oversee,
        IReadOnlyDictionary<Guid, (Guid? ParentId, UnitLevel Level, string Name)> Units)
    {
        public Guid ProvinceOf(Guid unit) =>
            Units.TryGetValue(unit, out var u) && u.Level == UnitLevel.Province ? unit
            : UnitAuthorization.AncestorsOf(unit, Units.ToDictionary(x => x.Key, x => x.Value.ParentId))
                .FirstOrDefault(a => Units.TryGetValue(a, out var p) && p.Level == UnitLevel.Province);

        public bool Reads(Guid unit) => Officer.Contains(unit) || Oversee.Contains(ProvinceOf(unit));
    }

    public sealed class Handler(AppDbContext db, DossierAccess access, ParIndexAccess parAccess, CchcFigureReader figures, TimeProvider clock)
    {
        public async Task<Result<CchcReportList>> ListAsync(Guid? unit, ClaimsPrincipal user, CancellationToken ct)
        {
            var standing = await StandingAsync(user, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            var s = standing.Value;
            if (s.Officer.Count == 0 && s.Oversee.Count == 0)
            {
                return new OutOfScope("chỉ cán bộ của đơn vị, Sở Nội vụ và quản trị của tỉnh được xem báo cáo công tác cải cách hành chính");
            }

            if (unit is { } asked && !s.Reads(asked))
            {
                return new OutOfScope("báo cáo của đơn vị khác: chỉ cán bộ của đơn vị, Sở Nội vụ và quản trị của tỉnh được xem");
            }

            var reports = await db.CchcReports.AsNoTracking().Where(r => unit == null || r.UnitId == unit).ToListAsync(ct);
            var rows = reports.Where(r => s.Reads(r.UnitId))
                .OrderByDescending(r => r.To).ThenBy(r => s.Units[r.UnitId].Name, StringComparer.Ordinal)
                .Select(r => new CchcReportRow(r.Id, r.UnitId, s.Units[r.UnitId].Name, r.PeriodRule, r.From, r.To, r.Year, CchcDocument.TitleOf(r), r.Status.ToString(),
                    r.Number, r.CreatedAt, r.FinalisedAt))
                .ToList();
            var units = s.Officer.Where(s.Units.ContainsKey).Select(u => new CchcUnitOption(u, s.Units[u].Name)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
            return new CchcReportList(rows, units);
        }

        public async Task<Result<CchcReportView>> CreateAsync(CreateCchcReportRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (body.Unit is not { } unitId)
            {
                return ParUnitRecords.Missing("unit");
            }

            if (ReportPeriod.RuleOf(body.Period) is not { } rule || !Rules.Contains(rule))
            {
                return ValidationFailed.One("period", new FieldMessage("cchc.period_kind", "Chọn kỳ báo cáo: quý, 6 tháng, 9 tháng hoặc năm."));
            }

            var period = ReportPeriod.Of(rule, body.Year ?? VietnamTime.Today(clock).Year, body.Quarter);
            if (period.IsFailure)
            {
                return period.Error is InvalidReportPeriod invalid ? ValidationFailed.One(invalid.Field, invalid.Detail) : period.Error;
            }

            var standing = await StandingAsync(user, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            if (!standing.Value.Units.ContainsKey(unitId))
            {
                return new NotFoundError($"đơn vị {unitId}");
            }

            if (!standing.Value.Officer.Contains(unitId))
            {
                return new OutOfScope("chỉ cán bộ của đơn vị được lập báo cáo công tác cải cách hành chính của đơn vị");
            }

            var p = period.Value;
            var existing = await db.CchcReports.AsNoTracking().Include(r => r.Events)
                .SingleOrDefaultAsync(r => r.UnitId == unitId && r.PeriodRule == p.Code && r.From == p.From && r.To == p.To, ct);
            if (existing is not null)
            {
                return View(existing, standing.Value);
            }

            var read = await figures.ReadAsync(unitId, p, ct);
            var report = CchcReport.Create(Guid.NewGuid(), unitId, p, read.ToJson(), standing.Value.UserId, Now);
            db.CchcReports.Add(report);
            return await ParUnitRecords.SaveAsync(db, () => Task.FromResult(View(report, standing.Value)), () => new StaleVersion(0, 1), ct);
        }

        public async Task<Result<CchcReportView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, tracking: false, user, ct);
            return loaded.IsFailure ? loaded.Error : View(loaded.Value.Report, loaded.Value.Standing);
        }

        public async Task<Result<CchcReportView>> SaveNarrativeAsync(Guid id, SaveCchcNarrativeRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, r) => s.Officer.Contains(r.UnitId),
                "chỉ cán bộ của đơn vị được soạn báo cáo của đơn vị", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (report, standing) = loaded.Value;
            return await ApplyAsync(report, standing, body.Revision!.Value,
                report.SaveNarrative(body.Sections ?? [], body.Number, standing.UserId, Now), ct);
        }

        public async Task<Result<CchcReportView>> RefreshAsync(Guid id, RefreshCchcReportRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, r) => s.Officer.Contains(r.UnitId),
                "chỉ cán bộ của đơn vị được cập nhật số liệu báo cáo của đơn vị", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (report, standing) = loaded.Value;
            if (report.Status != CchcReportStatus.Draft)
            {
                return new CchcReportFinal();
            }

            var read = await ReadAsync(report, ct);
            return await ApplyAsync(report, standing, body.Revision!.Value, report.RefreshFigures(read, standing.UserId, Now), ct);
        }

        public async Task<Result<CchcReportView>> FinaliseAsync(Guid id, FinaliseCchcReportRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, r) => s.Head.Contains(r.UnitId),
                "chỉ lãnh đạo đơn vị được ký ban hành báo cáo", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            if (body.Confirm != true)
            {
                return ValidationFailed.One("confirm", new FieldMessage("cchc.finalise_confirm",
                    "Phải xác nhận đã rà soát số liệu và nội dung trước khi ký ban hành báo cáo."));
            }

            var (report, standing) = loaded.Value;
            if (report.Status != CchcReportStatus.Draft)
            {
                return new CchcReportFinal();
            }

            var read = await ReadAsync(report, ct);
            return await ApplyAsync(report, standing, body.Revision!.Value, report.Finalise(read, standing.UserId, Now), ct);
        }

        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        private async Task<string> ReadAsync(CchcReport report, CancellationToken ct)
        {
            var period = ReportPeriod.RuleOf(report.PeriodRule) is { } rule ? new ReportPeriod(rule, report.From, report.To) : new ReportPeriod(PeriodRule.Range, report.From, report.To);
            return (await figures.ReadAsync(report.UnitId, period, ct)).ToJson();
        }

        private async Task<Result<Standing>> StandingAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var officer = new HashSet<Guid>();
            foreach (var role in Officers)
            {
                officer.UnionWith(await access.UnitsWithRoleAsync(userId, role, ct));
            }

            var head = await access.UnitsWithRoleAsync(userId, StaffRole.AgencyHead, ct);
            var scope = await parAccess.ForAsync(user, ct);
            var units = await db.OrganisationalUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Level, u.Name }).ToListAsync(ct);
            return new Standing(userId, officer, head, scope.IsSuccess ? scope.Value.Writable : new HashSet<Guid>(),
                units.ToDictionary(u => u.Id, u => (u.ParentId, u.Level, u.Name)));
        }

        private async Task<Result<(CchcReport Report, Standing Standing)>> LoadAsync(Guid id, bool tracking, ClaimsPrincipal user, CancellationToken ct)
        {
            var query = db.CchcReports.Include(r => r.Events).AsQueryable();
            var report = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, ct);
            if (report is null)
            {
                return new NotFoundError($"báo cáo {id}");
            }

            var standing = await StandingAsync(user, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            return standing.Value.Reads(report.UnitId)
                ? (report, standing.Value)
                : new OutOfScope("báo cáo của đơn vị khác: chỉ cán bộ của đơn vị, Sở Nội vụ và quản trị của tỉnh được xem");
        }

        private async Task<Result<(CchcReport Report, Standing Standing)>> LoadForChangeAsync(
            Guid id, int? revision, Func<Standing, CchcReport, bool> allowed, string denied, ClaimsPrincipal user, CancellationToken ct)
        {
            if (revision is not { } expected)
            {
                return ParUnitRecords.RevisionMissing();
            }

            var loaded = await LoadAsync(id, tracking: true, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            if (!allowed(loaded.Value.Standing, loaded.Value.Report))
            {
                return new OutOfScope(denied);
            }

            var actual = loaded.Value.Report.Revision;
            return actual != expected ? new StaleVersion(expected, actual) : loaded;
        }

        private async Task<Result<CchcReportView>> ApplyAsync(CchcReport report, Standing standing, int revision, Result<CchcReport> changed, CancellationToken ct)
        {
            if (changed.IsFailure)
            {
                return changed.Error is CchcReportInvalid invalid ? ValidationFailed.One(invalid.Field, invalid.Detail) : changed.Error;
            }

            return await ParUnitRecords.SaveAsync(db, () => Task.FromResult(View(report, standing)), () => new StaleVersion(revision, revision + 1), ct);
        }

        private static CchcReportView View(CchcReport r, Standing s)
        {
            var unit = s.Units[r.UnitId];
            string? NameOf(Guid? id) => id is { } x && s.Units.TryGetValue(x, out var u) ? u.Name : null;
            var province = s.ProvinceOf(r.UnitId);
            var draft = r.Status == CchcReportStatus.Draft;
            return new CchcReportView(r.Id, r.UnitId, unit.Name, NameOf(unit.ParentId), NameOf(province == Guid.Empty ? null : province), r.PeriodRule, r.From, r.To,
                r.Year, CchcDocument.TitleOf(r), r.Status.ToString(), r.Number, r.Revision, r.CreatedAt, r.FiguresAt, r.FinalisedAt,
                draft && s.Officer.Contains(r.UnitId), draft && s.Head.Contains(r.UnitId),
                [.. r.Sections.Select(x => new CchcSectionView(x.Key, x.Text))], CchcFigures.FromJson(r.Figures),
                [.. r.Events.OrderBy(e => e.At).Select(e => new CchcEventView(e.Kind.ToString(), e.UserId, e.At, e.Detail))]);
        }
    }
}
