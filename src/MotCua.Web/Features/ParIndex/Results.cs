using System.Globalization;
using System.Resources;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Reports.Exports;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Results of the PAR Index (issue 11 §4; domain.md §11.4 steps 7–8; README.md beside this file): the live results
/// and ranking of a framework from each unit's <see cref="ParUnitAssessment.ScoreFinal"/>, publication (an immutable
/// snapshot, corrections as new versions with a reason), the public read of published results with a CSV export and the
/// comparison with last year, and the simulator of recovered points.</summary>
public static class ParIndexResults
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/results", async (Guid? framework, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ResultsAsync(framework, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetParResults")
            .Produces<ParResultsView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/results/{framework:guid}/publish", async (Guid framework, PublishResultsRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.PublishAsync(framework, body, user, ct)).ToHttpResult(v => TypedResults.Created($"/api/v1/parindex/published/{framework}?version={v.Number}", v)))
            .WithName("PublishParResults")
            .Produces<ParPublishedView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/results/{framework:guid}/simulator", async (Guid framework, Guid? unit, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SimulateAsync(framework, unit, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SimulateParResult")
            .Produces<ParSimulatorView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The public reads (no login): published results only.</summary>
    public static void MapPublic(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", async (Guid? province, int? year, string? level, Handler handler, CancellationToken ct) =>
                (await handler.PublishedListAsync(province, year, level, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListParPublished")
            .Produces<IReadOnlyList<ParPublishedListRow>>()
            .ProducesValidationProblem();
        group.MapGet("/{framework:guid}", async (Guid framework, int? version, Handler handler, CancellationToken ct) =>
                (await handler.PublishedAsync(framework, version, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetParPublished")
            .Produces<ParPublishedView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{framework:guid}/export", async (Guid framework, int? version, Handler handler, CancellationToken ct) =>
                (await handler.PublishedAsync(framework, version, ct)).ToHttpResult(v =>
                    TypedResults.File(Csv(v), "text/csv; charset=utf-8", FileName(v))))
            .WithName("ExportParPublished")
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{framework:guid}/comparison", async (Guid framework, Handler handler, CancellationToken ct) =>
                (await handler.ComparisonAsync(framework, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("CompareParPublished")
            .Produces<ParComparisonView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static readonly ResourceManager Resources = new("MotCua.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The published results as CSV (the reports' form, <see cref="ReportCsv"/>; always in Vietnamese): one line per
    /// unit with rank, unit, code, totals, percentage, band, then each area's and each criterion's points.</summary>
    public static byte[] Csv(ParPublishedView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string T(string key, params object[] args) =>
            string.Format(Vietnamese, Resources.GetString("ParResults_Csv" + key, Vietnamese) ?? throw new InvalidOperationException($"Missing resource {key}."), args);
        var table = view.Results;
        var criteria = table.Areas.SelectMany(a => a.Criteria).ToList();
        var header = new List<string> { T("Rank"), T("Unit"), T("Code"), T("ScoredTotal"), T("Bonus"), T("Total"), T("ApplicableMax"), T("Percentage"), T("Band") };
        header.AddRange(table.Areas.Select(a => T("Area", a.Code, a.Name)));
        header.AddRange(criteria.Select(c => T("Criterion", c.Code, c.Name)));
        static string N(decimal? value) => value is { } v ? ReportCsv.Number(v) : string.Empty;
        var lines = new List<IReadOnlyList<string>> { header };
        foreach (var u in table.Units)
        {
            var line = new List<string>
            {
                u.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, u.UnitName, u.UnitCode, N(u.ScoredTotal), N(u.BonusPenalty), N(u.Total),
                N(u.ApplicableMax), N(u.Percentage), u.Ranked ? u.Band ?? string.Empty : T("NotRanked"),
            };
            line.AddRange(table.Areas.Select(a => N(u.Areas.FirstOrDefault(t => t.Code == a.Code)?.Points)));
            line.AddRange(criteria.Select(c => N(u.Criteria.FirstOrDefault(t => t.Code == c.Code)?.Points)));
            lines.Add(line);
        }

        return ReportCsv.Write(lines);
    }

    /// <summary>chi-so-cchc-{year}-{level}-{code}-v{number}.csv.</summary>
    public static string FileName(ParPublishedView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return string.Create(CultureInfo.InvariantCulture,
            $"chi-so-cchc-{view.Results.Year}-{view.Results.Level.ToString().ToLowerInvariant()}-{view.Results.FrameworkCode.ToLowerInvariant()}-v{view.Number}.csv");
    }

    private static readonly StaffRole[] Officers = [StaffRole.DeskOfficer, StaffRole.HandlingOfficer, StaffRole.AgencyHead];

    public sealed class Handler(AppDbContext db, ParIndexAccess parAccess, DossierAccess access, TimeProvider clock)
    {
        /// <summary>The live results of <paramref name="frameworkId"/>: every unit for the province's Home Affairs and
        /// administrators, the caller's own units for their officers (403 when they have none of its level).</summary>
        public async Task<Result<ParResultsView>> ResultsAsync(Guid? frameworkId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (frameworkId is not { } id)
            {
                return ParUnitRecords.Missing("framework");
            }

            var loaded = await ReaderAsync(id, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (framework, oversee, own) = loaded.Value;
            var (table, statuses) = await LiveAsync(framework, ct);
            if (!oversee)
            {
                table = table with { Units = [.. table.Units.Where(u => own.Contains(u.UnitId))] };
                if (table.Units.Count == 0)
                {
                    return new OutOfScope("chỉ cán bộ của đơn vị được đánh giá, Sở Nội vụ và quản trị của tỉnh được xem kết quả trước khi công bố");
                }
            }

            var publications = await db.ParPublications.AsNoTracking().Where(p => p.FrameworkId == id).OrderBy(p => p.Number)
                .Select(p => new ParPublicationRow(p.Number, p.PublishedAt, p.PublishedBy, p.Reason)).ToListAsync(ct);
            return new ParResultsView(framework.Id, framework.Name, framework.Year, framework.Level.ToString(), framework.Status.ToString(), oversee,
                oversee && framework.Status == ParFrameworkStatus.Issued, table,
                [.. table.NotRanked.Select(u => new ParNotFinishedUnit(u.UnitId, u.UnitName, statuses.GetValueOrDefault(u.UnitId, "NotOpened")))],
                publications);
        }

        /// <summary>Publishes the live results as they are now (Home Affairs or an administrator of the province, confirming);
        /// after a first publication it is a correction and needs a reason.</summary>
        public async Task<Result<ParPublishedView>> PublishAsync(Guid frameworkId, PublishResultsRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await ReaderAsync(frameworkId, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (framework, oversee, _) = loaded.Value;
            if (!oversee)
            {
                return new OutOfScope("chỉ Sở Nội vụ (thẩm định) hoặc quản trị của tỉnh được công bố kết quả Chỉ số CCHC");
            }

            if (body.Confirm != true)
            {
                return ValidationFailed.One("confirm", new FieldMessage("par.publication_confirm",
                    "Phải xác nhận đã xem danh sách đơn vị chưa hoàn thành trước khi công bố kết quả."));
            }

            var previous = await db.ParPublications.AsNoTracking().Where(p => p.FrameworkId == frameworkId).OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
            var (table, _) = await LiveAsync(framework, ct);
            var published = ParPublication.Publish(Guid.NewGuid(), framework, table, previous, DossierAccess.UserId(user)!.Value, clock.GetUtcNow().UtcDateTime, body.Reason);
            if (published.IsFailure)
            {
                return published.Error is ParPublicationInvalid invalid ? ParFrameworkMapping.Failed(invalid.Problems) : published.Error;
            }

            db.ParPublications.Add(published.Value);
            var number = published.Value.Number;
            var saved = await ParUnitRecords.SaveAsync(db, () => PublishedAsync(frameworkId, number, ct), () => new StaleVersion(number - 1, number), ct);
            return saved.IsFailure ? saved.Error : saved.Value;
        }

        /// <summary>The simulator for one unit: its officers see their own, the province's Home Affairs and administrators every unit's.</summary>
        public async Task<Result<ParSimulatorView>> SimulateAsync(Guid frameworkId, Guid? unitId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (unitId is not { } unit)
            {
                return ParUnitRecords.Missing("unit");
            }

            var loaded = await ReaderAsync(frameworkId, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (framework, oversee, own) = loaded.Value;
            var units = await ParAssessedUnits.OfAsync(db, framework, Today, ct);
            if (units.FirstOrDefault(u => u.Id == unit) is not { } assessed)
            {
                return new NotFoundError($"đơn vị {unit} trong bộ chỉ số");
            }

            if (!oversee && !own.Contains(unit))
            {
                return new OutOfScope("chỉ cán bộ của đơn vị, Sở Nội vụ và quản trị của tỉnh được xem mô phỏng của đơn vị");
            }

            var assessments = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == frameworkId).ToListAsync(ct);
            var mine = assessments.FirstOrDefault(a => a.UnitId == unit);
            var others = assessments.Where(a => a.UnitId != unit && a.Status != ParAssessmentStatus.Draft && units.Any(u => u.Id == a.UnitId))
                .Select(a => a.ScoreFinal(framework).Result?.Percentage);
            var simulation = ParSimulator.Simulate(framework, mine?.FinalInputs ?? new Dictionary<string, ParScoreInput>(), others);
            var names = framework.Tree.SubCriteria.ToDictionary(s => s.Sub.Code, s => (Sub: s.Sub.Name, Area: s.Area.Name), StringComparer.Ordinal);
            var basis = mine is null ? "None" : mine.Status == ParAssessmentStatus.Draft ? "Estimate" : "Final";
            return new ParSimulatorView(framework.Id, framework.Name, framework.Year, framework.Level.ToString(), unit, assessed.Name, basis, simulation.Current,
                [.. simulation.Lost.Select(l => new ParSimulatorLine(l.Code, names[l.Code].Sub, l.AreaCode, names[l.Code].Area, l.CriterionCode, l.MaxPoints,
                    l.Points, l.Lost, l.Alone, l.Cumulative))]);
        }

        /// <summary>The frameworks with published results (each one's latest publication), newest year first, departments
        /// before communes; for anyone.</summary>
        public async Task<Result<IReadOnlyList<ParPublishedListRow>>> PublishedListAsync(Guid? province, int? year, string? level, CancellationToken ct)
        {
            ParLevel? wanted = null;
            if (level is not null)
            {
                if (!Enum.TryParse<ParLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(level, out _))
                {
                    return ValidationFailed.One("level", new FieldMessage("par.level_invalid", "Cấp không hợp lệ: Department (sở, ban, ngành) hoặc Commune (xã, phường)."));
                }

                wanted = parsed;
            }

            var query = db.ParPublications.AsNoTracking();
            query = province is { } p ? query.Where(x => x.ProvinceUnitId == p) : query;
            query = year is { } y ? query.Where(x => x.Year == y) : query;
            query = wanted is { } l ? query.Where(x => x.Level == l) : query;
            var latest = (await query.ToListAsync(ct)).GroupBy(x => x.FrameworkId).Select(g => g.MaxBy(x => x.Number)!).ToList();
            var provinces = latest.Select(x => x.ProvinceUnitId).Distinct().ToList();
            var names = await db.OrganisationalUnits.AsNoTracking().Where(u => provinces.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            return latest.Select(x =>
                {
                    var table = x.Table;
                    return new ParPublishedListRow(x.FrameworkId, x.ProvinceUnitId, names.GetValueOrDefault(x.ProvinceUnitId, string.Empty), x.Year, x.Level.ToString(),
                        table.FrameworkName, x.Number, x.PublishedAt, table.Units.Count(u => u.Ranked), table.Units.Count);
                })
                .OrderByDescending(r => r.Year).ThenBy(r => r.Level == nameof(ParLevel.Department) ? 0 : 1).ThenBy(r => r.ProvinceName, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>A publication of a framework's results (<paramref name="version"/>, else the latest) as published; for anyone.</summary>
        public async Task<Result<ParPublishedView>> PublishedAsync(Guid frameworkId, int? version, CancellationToken ct)
        {
            var all = await db.ParPublications.AsNoTracking().Where(p => p.FrameworkId == frameworkId).OrderBy(p => p.Number).ToListAsync(ct);
            var chosen = version is { } n ? all.FirstOrDefault(p => p.Number == n) : all.LastOrDefault();
            if (chosen is null)
            {
                return new NotFoundError($"kết quả đã công bố của bộ chỉ số {frameworkId}");
            }

            var province = await db.OrganisationalUnits.AsNoTracking().Where(u => u.Id == chosen.ProvinceUnitId).Select(u => u.Name).SingleAsync(ct);
            return new ParPublishedView(frameworkId, chosen.ProvinceUnitId, province, chosen.Number, chosen.PublishedAt, chosen.Reason, chosen == all[^1],
                chosen.Table, [.. all.Select(p => new ParPublicationRow(p.Number, p.PublishedAt, null, p.Reason))]);
        }

        /// <summary>The latest publication of <paramref name="frameworkId"/> against the latest publication of the same province
        /// and level for the year before (of its newest framework version with one); for anyone.</summary>
        public async Task<Result<ParComparisonView>> ComparisonAsync(Guid frameworkId, CancellationToken ct)
        {
            var current = await PublishedAsync(frameworkId, null, ct);
            if (current.IsFailure)
            {
                return current.Error;
            }

            var table = current.Value.Results;
            var candidates = await db.ParPublications.AsNoTracking()
                .Where(p => p.ProvinceUnitId == current.Value.ProvinceUnitId && p.Year == table.Year - 1 && p.Level == table.Level).ToListAsync(ct);
            var previous = candidates.OrderByDescending(p => p.Table.FrameworkVersion).ThenByDescending(p => p.Number).FirstOrDefault();
            return new ParComparisonView(frameworkId, table.FrameworkName, table.Year, table.Level.ToString(), previous?.FrameworkId, previous?.Number,
                ParComparison.Compare(table, previous?.Table));
        }

        private DateOnly Today => Domain.Calendar.VietnamTime.BusinessDate(clock.GetUtcNow().UtcDateTime);

        /// <summary>The live table: every unit the framework scores today, ranked from its submitted assessment's final result;
        /// and each unit's assessment state.</summary>
        private async Task<(ParResultsTable Table, Dictionary<Guid, string> Statuses)> LiveAsync(ParFramework framework, CancellationToken ct)
        {
            var units = await ParAssessedUnits.OfAsync(db, framework, Today, ct);
            var assessments = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == framework.Id).ToDictionaryAsync(a => a.UnitId, ct);
            var candidates = units.Select(u => new ParResultCandidate(u.Id, u.Name, u.IdentifierCode,
                assessments.GetValueOrDefault(u.Id) is { Status: not ParAssessmentStatus.Draft } a ? a.ScoreFinal(framework).Result : null));
            return (ParResultsTable.Build(framework, candidates), assessments.ToDictionary(a => a.Key, a => a.Value.Status.ToString()));
        }

        /// <summary>Role AND unit: the framework (404 outside the caller's provinces), whether the caller oversees its
        /// province (its Home Affairs appraiser or administrator) and the units the caller is an officer of.</summary>
        private async Task<Result<(ParFramework Framework, bool Oversee, HashSet<Guid> Own)>> ReaderAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await parAccess.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
            if (framework is null || !scope.Value.MayRead(framework.ProvinceUnitId))
            {
                return new NotFoundError($"bộ chỉ số {id}");
            }

            var own = new HashSet<Guid>();
            foreach (var role in Officers)
            {
                own.UnionWith(await access.UnitsWithRoleAsync(scope.Value.UserId, role, ct));
            }

            return (framework, scope.Value.MayWrite(framework.ProvinceUnitId), own);
        }
    }
}
