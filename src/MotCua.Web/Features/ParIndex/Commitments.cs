using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Commitments (ký cam kết; issue 11 §5; domain.md §11.4 step 9; README.md beside this file), under
/// /api/v1/parindex/commitments: a unit's targets per area of an issued framework, proposed by default, edited by the
/// unit's officers, signed by its head, reopened with a reason by the province's Home Affairs; progress during the year and
/// the final result against each target from the unit's self-assessment; and the board of the province's units.</summary>
public static class Commitments
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/commitments", async (Guid? framework, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.BoardAsync(framework, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListParCommitments")
            .Produces<ParCommitmentBoard>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/commitments", async (OpenCommitmentRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.OpenAsync(body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("OpenParCommitment")
            .Produces<ParCommitmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/commitments/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetParCommitment")
            .Produces<ParCommitmentView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapChange(group.MapPut("/commitments/{id:guid}/targets",
            async (Guid id, SaveCommitmentTargetsRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SaveTargetsAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "SaveParCommitmentTargets");
        MapChange(group.MapPost("/commitments/{id:guid}/sign",
            async (Guid id, SignCommitmentRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SignAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "SignParCommitment");
        MapChange(group.MapPost("/commitments/{id:guid}/reopen",
            async (Guid id, ReopenCommitmentRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ReopenAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "ReopenParCommitment");
    }

    private static void MapChange(RouteHandlerBuilder route, string name) =>
        route.WithName(name)
            .Produces<ParCommitmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static readonly StaffRole[] Officers = [StaffRole.DeskOfficer, StaffRole.HandlingOfficer, StaffRole.AgencyHead];

    /// <summary>The caller's standing in one province: the units they are an officer of, those they head, and whether they
    /// oversee the province (its Home Affairs appraiser or administrator).</summary>
    private sealed record Standing(Guid UserId, IReadOnlySet<Guid> Officer, IReadOnlySet<Guid> Head, bool Oversee)
    {
        public bool Reads(Guid unit) => Oversee || Officer.Contains(unit);
    }

    public sealed class Handler(AppDbContext db, ParIndexAccess parAccess, DossierAccess access, TimeProvider clock)
    {
        /// <summary>The board of one framework: every unit of its level in the province for its Home Affairs and
        /// administrators, the caller's own units for their officers.</summary>
        public async Task<Result<ParCommitmentBoard>> BoardAsync(Guid? frameworkId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (frameworkId is not { } id)
            {
                return ParUnitRecords.Missing("framework");
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
            if (framework is null)
            {
                return new NotFoundError($"bộ chỉ số {id}");
            }

            var standing = await StandingAsync(user, framework, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            var units = (await ParAssessedUnits.OfAsync(db, framework, Today, ct)).Where(u => standing.Value.Reads(u.Id)).ToList();
            if (units.Count == 0 && !standing.Value.Oversee)
            {
                return new OutOfScope("chỉ cán bộ của các đơn vị được đánh giá, Sở Nội vụ và quản trị của tỉnh được xem cam kết");
            }

            var ids = units.Select(u => u.Id).ToList();
            var commitments = await db.ParCommitments.AsNoTracking().Where(c => c.FrameworkId == id && ids.Contains(c.UnitId)).ToDictionaryAsync(c => c.UnitId, ct);
            var assessments = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == id && ids.Contains(a.UnitId)).ToDictionaryAsync(a => a.UnitId, ct);
            var areas = ParCommitment.CommittedAreas(framework);
            var proposal = ParCommitment.Proposal(framework);
            var rows = new List<ParCommitmentBoardRow>();
            foreach (var unit in units)
            {
                var commitment = commitments.GetValueOrDefault(unit.Id);
                var (basis, result) = Basis(assessments.GetValueOrDefault(unit.Id), framework);
                var progress = ParCommitmentProgress.Evaluate(commitment?.Targets ?? proposal, result);
                var cells = progress.Select(p => commitment is null
                    ? new ParCommitmentBoardCell(p.Area, null, p.Percent, null, null)
                    : new ParCommitmentBoardCell(p.Area, p.Target, p.Percent, p.Met, p.Gap)).ToList();
                rows.Add(new ParCommitmentBoardRow(unit.Id, unit.Name, commitment?.Id, commitment?.Status.ToString() ?? "None", commitment?.SignedAt, basis,
                    cells.Count(c => c.Met == true), cells.Count(c => c.Met == false), standing.Value.Officer.Contains(unit.Id), cells));
            }

            return new ParCommitmentBoard(framework.Id, framework.Name, framework.Year, framework.Level.ToString(), rows.Count(r => r.Status == nameof(ParCommitmentStatus.Signed)),
                [.. areas.Select((a, i) => new ParCommitmentBoardArea(a.Code, a.Name, proposal[i].Percent))], rows);
        }

        public async Task<Result<ParCommitmentView>> OpenAsync(OpenCommitmentRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (body.Framework is not { } frameworkId)
            {
                return ParUnitRecords.Missing("framework");
            }

            if (body.Unit is not { } unitId)
            {
                return ParUnitRecords.Missing("unit");
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == frameworkId, ct);
            var unit = await db.OrganisationalUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
            if (framework is null || unit is null)
            {
                return new NotFoundError(framework is null ? $"bộ chỉ số {frameworkId}" : $"đơn vị {unitId}");
            }

            var standing = await StandingAsync(user, framework, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            if (!standing.Value.Officer.Contains(unitId))
            {
                return new OutOfScope("chỉ cán bộ của đơn vị được mở cam kết của đơn vị");
            }

            if (!await ParAssessedUnits.IncludesAsync(db, framework, unitId, Today, ct))
            {
                return ValidationFailed.One("unit", new FieldMessage("par.unit_level_mismatch", "Đơn vị không thuộc đối tượng của bộ chỉ số này (cấp {0} của tỉnh).",
                    framework.Level.ToString()));
            }

            var existing = await db.ParCommitments.AsNoTracking().Include(c => c.Events)
                .SingleOrDefaultAsync(c => c.FrameworkId == frameworkId && c.UnitId == unitId, ct);
            if (existing is not null)
            {
                return await ViewAsync(existing, framework, unit.Name, standing.Value, ct);
            }

            var created = ParCommitment.Create(Guid.NewGuid(), framework, unitId, standing.Value.UserId, Now);
            if (created.IsFailure)
            {
                return created.Error;
            }

            db.ParCommitments.Add(created.Value);
            return await SaveChangesAsync(created.Value, framework, unit.Name, standing.Value, () => new StaleVersion(0, 1), ct);
        }

        public async Task<Result<ParCommitmentView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, tracking: false, user, ct);
            return loaded.IsFailure ? loaded.Error : await ViewAsync(loaded.Value.Commitment, loaded.Value.Framework, loaded.Value.UnitName, loaded.Value.Standing, ct);
        }

        public async Task<Result<ParCommitmentView>> SaveTargetsAsync(Guid id, SaveCommitmentTargetsRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, c) => s.Officer.Contains(c.UnitId),
                "chỉ cán bộ của đơn vị được sửa chỉ tiêu cam kết của đơn vị", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            if (body.Targets is not { } given)
            {
                return ParUnitRecords.Missing("targets");
            }

            var problems = new List<ParProblem>();
            var targets = new List<ParCommitmentTarget>();
            for (var i = 0; i < given.Count; i++)
            {
                if (given[i] is not { Percent: { } percent } target)
                {
                    problems.Add(new($"targets[{i}].percent", new FieldMessage("par.field_required", "Thiếu \"{0}\".", "percent")));
                    continue;
                }

                targets.Add(new ParCommitmentTarget(target.Area ?? string.Empty, percent));
            }

            if (problems.Count > 0)
            {
                return ParFrameworkMapping.Failed(problems);
            }

            var (commitment, framework, unitName, standing) = loaded.Value;
            return await ApplyAsync(commitment, framework, unitName, standing, body.Revision!.Value,
                commitment.SetTargets(framework, targets, standing.UserId, Now), ct);
        }

        public async Task<Result<ParCommitmentView>> SignAsync(Guid id, SignCommitmentRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, c) => s.Head.Contains(c.UnitId), "chỉ lãnh đạo đơn vị được ký cam kết", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            if (body.Confirm != true)
            {
                return ValidationFailed.One("confirm", new FieldMessage("par.commitment_confirm",
                    "Phải xác nhận đã đọc và đồng ý các chỉ tiêu trước khi ký cam kết."));
            }

            var (commitment, framework, unitName, standing) = loaded.Value;
            return await ApplyAsync(commitment, framework, unitName, standing, body.Revision!.Value, commitment.Sign(standing.UserId, Now), ct);
        }

        public async Task<Result<ParCommitmentView>> ReopenAsync(Guid id, ReopenCommitmentRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, _) => s.Oversee,
                "chỉ Sở Nội vụ (thẩm định) hoặc quản trị của tỉnh được mở lại cam kết đã ký", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (commitment, framework, unitName, standing) = loaded.Value;
            return await ApplyAsync(commitment, framework, unitName, standing, body.Revision!.Value, commitment.Reopen(body.Reason, standing.UserId, Now), ct);
        }

        /// <summary>Whether the caller oversees the province of <paramref name="framework"/> (reads every unit's commitment).</summary>
        public async Task<bool> OverseesAsync(ParFramework framework, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(framework);
            var standing = await StandingAsync(user, framework, ct);
            return standing.IsSuccess && standing.Value.Oversee;
        }

        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        private DateOnly Today => Domain.Calendar.VietnamTime.BusinessDate(Now);

        internal static (string Basis, ParResult? Result) Basis(ParUnitAssessment? assessment, ParFramework framework) => assessment switch
        {
            null => ("None", null),
            { Status: ParAssessmentStatus.Draft } => ("Estimate", assessment.Score(framework).Result),
            _ => ("Final", assessment.ScoreFinal(framework).Result),
        };

        /// <summary>Role AND unit: officers (desk, handling, head) of a unit open and edit its commitment, its head signs,
        /// the province's Home Affairs appraisers and administrators read every unit's and reopen.</summary>
        private async Task<Result<Standing>> StandingAsync(ClaimsPrincipal user, ParFramework framework, CancellationToken ct)
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
            return new Standing(userId, officer, head, scope.IsSuccess && scope.Value.MayWrite(framework.ProvinceUnitId));
        }

        private async Task<Result<(ParCommitment Commitment, ParFramework Framework, string UnitName, Standing Standing)>> LoadAsync(
            Guid id, bool tracking, ClaimsPrincipal user, CancellationToken ct)
        {
            var query = db.ParCommitments.Include(c => c.Events).AsQueryable();
            var commitment = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (commitment is null)
            {
                return new NotFoundError($"cam kết {id}");
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleAsync(f => f.Id == commitment.FrameworkId, ct);
            var unitName = await db.OrganisationalUnits.Where(u => u.Id == commitment.UnitId).Select(u => u.Name).SingleAsync(ct);
            var standing = await StandingAsync(user, framework, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            return standing.Value.Reads(commitment.UnitId)
                ? (commitment, framework, unitName, standing.Value)
                : new OutOfScope("cam kết của đơn vị khác: chỉ cán bộ của đơn vị, Sở Nội vụ và quản trị của tỉnh được xem");
        }

        private Task<Result<(ParCommitment Commitment, ParFramework Framework, string UnitName, Standing Standing)>> LoadForChangeAsync(
            Guid id, int? revision, Func<Standing, ParCommitment, bool> allowed, string denied, ClaimsPrincipal user, CancellationToken ct) =>
            ParUnitRecords.ForChangeAsync(revision, () => LoadAsync(id, tracking: true, user, ct), l => allowed(l.Standing, l.Commitment), denied, l => l.Commitment.Revision);

        private async Task<Result<ParCommitmentView>> ApplyAsync(ParCommitment commitment, ParFramework framework, string unitName, Standing standing, int revision,
            Result<ParCommitment> changed, CancellationToken ct)
        {
            if (changed.IsFailure)
            {
                return changed.Error is ParCommitmentInvalid invalid ? ParFrameworkMapping.Failed(invalid.Problems) : changed.Error;
            }

            return await SaveChangesAsync(commitment, framework, unitName, standing, () => new StaleVersion(revision, revision + 1), ct);
        }

        private Task<Result<ParCommitmentView>> SaveChangesAsync(
            ParCommitment commitment, ParFramework framework, string unitName, Standing standing, Func<Error> onConflict, CancellationToken ct) =>
            ParUnitRecords.SaveAsync(db, () => ViewAsync(commitment, framework, unitName, standing, ct), onConflict, ct);

        private async Task<ParCommitmentView> ViewAsync(ParCommitment c, ParFramework framework, string unitName, Standing standing, CancellationToken ct)
        {
            var assessment = await db.ParAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.FrameworkId == c.FrameworkId && a.UnitId == c.UnitId, ct);
            var (basis, result) = Basis(assessment, framework);
            var areas = ParCommitment.CommittedAreas(framework).ToDictionary(a => a.Code, StringComparer.Ordinal);
            var lines = ParCommitmentProgress.Evaluate(c.Targets, result).Select(p =>
            {
                var area = areas.GetValueOrDefault(p.Area);
                var group = area is null ? ParAreaGroup.Other : ParCommitment.GroupOf(area, framework.Level);
                return new ParCommitmentAreaView(p.Area, area?.Name ?? p.Area, group.ToString(), ParCommitment.DefaultPercent(group), p.Target, p.ApplicableMax,
                    p.Points, p.Percent, p.Required, p.Met, p.Gap);
            }).ToList();
            var draft = c.Status == ParCommitmentStatus.Draft;
            return new ParCommitmentView(c.Id, framework.Id, framework.Name, framework.Year, framework.Level.ToString(), c.UnitId, unitName, c.Status.ToString(),
                c.Revision, c.CreatedAt, c.SignedAt, c.SignedBy, basis, assessment?.Id, lines.Count(l => l.Met == true), lines.Count(l => l.Met == false),
                draft && standing.Officer.Contains(c.UnitId), draft && standing.Head.Contains(c.UnitId), !draft && standing.Oversee, lines,
                [.. c.Events.OrderBy(e => e.At).Select(e => new ParCommitmentEventView(e.Kind.ToString(), e.UserId, e.At, e.Reason))]);
        }
    }
}
