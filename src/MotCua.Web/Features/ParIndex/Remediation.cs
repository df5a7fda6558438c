using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ParIndex;

/// <summary>Remediation plans (kế hoạch khắc phục; issue 11 §6; domain.md §11.4 step 9; README.md beside this file), under
/// /api/v1/parindex/remediation: a unit's plan generated from the lost points of its final result, its items edited by
/// the unit's officers (actions, owner, deadline, status, evidence, notes), approved by its head, read and commented on by
/// the province's Home Affairs; the board with each unit's and the province's roll-up.</summary>
public static class Remediation
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/remediation", async (Guid? framework, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.BoardAsync(framework, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListParRemediationPlans")
            .Produces<ParRemediationBoard>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapChange(group.MapPost("/remediation/plans", async (OpenRemediationPlanRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
            (await handler.OpenAsync(body, user, ct)).ToHttpResult(TypedResults.Ok)), "OpenParRemediationPlan");
        group.MapGet("/remediation/plans/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetParRemediationPlan")
            .Produces<ParRemediationPlanView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapChange(group.MapPost("/remediation/plans/{id:guid}/regenerate",
            async (Guid id, RegenerateRemediationPlanRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.RegenerateAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "RegenerateParRemediationPlan");
        MapChange(group.MapPut("/remediation/plans/{id:guid}/items/{code}",
            async (Guid id, string code, SaveRemediationItemRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SaveItemAsync(id, code, body, user, ct)).ToHttpResult(TypedResults.Ok)), "SaveParRemediationItem");
        MapChange(group.MapPost("/remediation/plans/{id:guid}/approve",
            async (Guid id, ApproveRemediationPlanRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ApproveAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "ApproveParRemediationPlan");
        MapChange(group.MapPost("/remediation/plans/{id:guid}/comments",
            async (Guid id, CommentRemediationPlanRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.CommentAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok)), "CommentParRemediationPlan");
        group.MapGet("/remediation/offers", async (Guid? assessment, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.OffersAsync(assessment, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListParRemediationOffers")
            .Produces<IReadOnlyList<ParRemediationOffer>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/remediation/plans/{id:guid}/evidence", async (Guid id, HttpRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.UploadEvidenceAsync(id, request, user, ct))
            .WithName("UploadParRemediationEvidence")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ParEvidenceUploaded>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static void MapChange(RouteHandlerBuilder route, string name) =>
        route.WithName(name)
            .Produces<ParRemediationPlanView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Who does what: officers (desk, handling, head) of the unit open, regenerate and edit its plan and upload
    /// evidence; its head approves; the province's Home Affairs appraisers and administrators read every unit's and comment.
    /// Anyone else: 403.</summary>
    public sealed class Handler(
        AppDbContext db, ParIndexAccess parAccess, DossierAccess access, IDocumentContentStore store, IOptions<ParRemediationOptions> options, TimeProvider clock)
    {
        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        private DateOnly Today => VietnamTime.BusinessDate(Now);

        /// <summary>The board of one framework: every unit of its level for the province's Home Affairs and administrators,
        /// the caller's own units for their officers; each unit's plan and roll-up, and the province's.</summary>
        public async Task<Result<ParRemediationBoard>> BoardAsync(Guid? frameworkId, ClaimsPrincipal user, CancellationToken ct)
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

            var standing = await ParUnitStanding.OfAsync(user, framework, parAccess, access, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            var units = (await ParAssessedUnits.OfAsync(db, framework, Today, ct)).Where(u => standing.Value.Reads(u.Id)).ToList();
            if (units.Count == 0 && !standing.Value.Oversee)
            {
                return new OutOfScope("chỉ cán bộ của các đơn vị được đánh giá, Sở Nội vụ và quản trị của tỉnh được xem kế hoạch khắc phục");
            }

            var ids = units.Select(u => u.Id).ToList();
            var plans = await db.ParRemediationPlans.AsNoTracking().Where(p => p.FrameworkId == id && ids.Contains(p.UnitId)).ToDictionaryAsync(p => p.UnitId, ct);
            var assessments = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == id && ids.Contains(a.UnitId)).ToDictionaryAsync(a => a.UnitId, ct);
            var published = await PublishedAsync(id, ct);
            var rows = units.Select(u =>
            {
                var plan = plans.GetValueOrDefault(u.Id);
                var assessment = assessments.GetValueOrDefault(u.Id);
                var officer = standing.Value.Officer.Contains(u.Id);
                return new ParRemediationBoardRow(u.Id, u.Name, assessment?.Status.ToString() ?? "NotOpened", plan?.Id, plan?.Status.ToString() ?? "None",
                    plan is null && officer && ParRemediationRules.MayGenerate(assessment, published), officer || (plan is not null && standing.Value.Oversee), plan?.Rollup(Today));
            }).ToList();
            return new ParRemediationBoard(framework.Id, framework.Name, framework.Year, framework.Level.ToString(), Today, plans.Count,
                ParRemediationRollup.Sum(plans.Values.Select(p => p.Rollup(Today))), rows);
        }

        /// <summary>The unit's plan, generated from its final result when missing (422 <c>par.remediation_not_ready</c> while
        /// <see cref="ParRemediationRules.MayGenerate"/> says no).</summary>
        public async Task<Result<ParRemediationPlanView>> OpenAsync(OpenRemediationPlanRequest body, ClaimsPrincipal user, CancellationToken ct)
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

            var standing = await ParUnitStanding.OfAsync(user, framework, parAccess, access, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            if (!standing.Value.Officer.Contains(unitId))
            {
                return new OutOfScope("chỉ cán bộ của đơn vị được lập kế hoạch khắc phục của đơn vị");
            }

            if ((await ParAssessedUnits.OfAsync(db, framework, Today, ct)).All(u => u.Id != unitId))
            {
                return ValidationFailed.One("unit", new FieldMessage("par.unit_level_mismatch", "Đơn vị không thuộc đối tượng của bộ chỉ số này (cấp {0} của tỉnh).",
                    framework.Level.ToString()));
            }

            var existing = await db.ParRemediationPlans.AsNoTracking().Include(p => p.Events)
                .SingleOrDefaultAsync(p => p.FrameworkId == frameworkId && p.UnitId == unitId, ct);
            if (existing is not null)
            {
                return await ViewAsync(existing, framework, unit.Name, standing.Value, ct);
            }

            var assessment = await db.ParAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.FrameworkId == frameworkId && a.UnitId == unitId, ct);
            if (assessment is null || !ParRemediationRules.MayGenerate(assessment, await PublishedAsync(frameworkId, ct)))
            {
                return new ParRemediationNotReady();
            }

            var created = ParRemediationPlan.Generate(Guid.NewGuid(), framework, assessment, options.Value.MinLostPoints, standing.Value.UserId, Now);
            if (created.IsFailure)
            {
                return created.Error;
            }

            db.ParRemediationPlans.Add(created.Value);
            return await SaveChangesAsync(created.Value, framework, unit.Name, standing.Value, () => new StaleVersion(0, 1), ct);
        }

        /// <summary>Whether the framework's results are published (the gate's first half).</summary>
        private Task<bool> PublishedAsync(Guid frameworkId, CancellationToken ct) => db.ParPublications.AnyAsync(p => p.FrameworkId == frameworkId, ct);

        public async Task<Result<ParRemediationPlanView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, tracking: false, user, ct);
            return loaded.IsFailure ? loaded.Error : await ViewAsync(loaded.Value.Plan, loaded.Value.Framework, loaded.Value.UnitName, loaded.Value.Standing, ct);
        }

        public async Task<Result<ParRemediationPlanView>> RegenerateAsync(Guid id, RegenerateRemediationPlanRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, p) => s.Officer.Contains(p.UnitId),
                "chỉ cán bộ của đơn vị được lập lại kế hoạch khắc phục của đơn vị", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (plan, framework, unitName, standing) = loaded.Value;
            var assessment = await db.ParAssessments.AsNoTracking().SingleAsync(a => a.FrameworkId == plan.FrameworkId && a.UnitId == plan.UnitId, ct);
            return await ApplyAsync(plan, framework, unitName, standing, body.Revision!.Value,
                plan.Regenerate(framework, assessment, options.Value.MinLostPoints, standing.UserId, Now), ct);
        }

        public async Task<Result<ParRemediationPlanView>> SaveItemAsync(Guid id, string code, SaveRemediationItemRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, p) => s.Officer.Contains(p.UnitId),
                "chỉ cán bộ của đơn vị được cập nhật kế hoạch khắc phục của đơn vị", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (plan, framework, unitName, standing) = loaded.Value;
            var problems = new List<ParProblem>();
            var status = ParFrameworkJson.EnumValue<ParRemediationItemStatus>(body.Status, "status", required: true, problems);
            var evidence = Assessments.EvidenceOf(body.Evidence, problems);
            if (body.Owner is { } owner && (await OwnersAsync(plan.UnitId, ct)).All(o => o.Id != owner))
            {
                problems.Add(new("owner", new FieldMessage("par.remediation_owner_invalid", "Người phụ trách phải là cán bộ của đơn vị.")));
            }

            if (body.Deadline is { } deadline && (deadline.Year < framework.Year || deadline.Year > framework.Year + 5))
            {
                problems.Add(new("deadline", new FieldMessage("par.remediation_deadline_range", "Thời hạn phải trong các năm {0} đến {1}.",
                    framework.Year, framework.Year + 5)));
            }

            if (problems.Count > 0)
            {
                return ParFrameworkMapping.Failed(problems);
            }

            return await ApplyAsync(plan, framework, unitName, standing, body.Revision!.Value,
                plan.SaveItem(code, new ParRemediationItemEdit(body.Actions, body.Owner, body.Deadline, status!.Value, evidence, body.Notes), standing.UserId, Now), ct);
        }

        public async Task<Result<ParRemediationPlanView>> ApproveAsync(Guid id, ApproveRemediationPlanRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, p) => s.Head.Contains(p.UnitId), "chỉ lãnh đạo đơn vị được phê duyệt kế hoạch khắc phục", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            if (body.Confirm != true)
            {
                return ValidationFailed.One("confirm", new FieldMessage("par.remediation_confirm", "Phải xác nhận trước khi phê duyệt kế hoạch khắc phục."));
            }

            var (plan, framework, unitName, standing) = loaded.Value;
            return await ApplyAsync(plan, framework, unitName, standing, body.Revision!.Value, plan.Approve(standing.UserId, Now), ct);
        }

        public async Task<Result<ParRemediationPlanView>> CommentAsync(Guid id, CommentRemediationPlanRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, (s, _) => s.Oversee,
                "chỉ Sở Nội vụ (thẩm định) hoặc quản trị của tỉnh được góp ý kế hoạch khắc phục", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (plan, framework, unitName, standing) = loaded.Value;
            return await ApplyAsync(plan, framework, unitName, standing, body.Revision!.Value, plan.Comment(body.Text, body.Item, standing.UserId, Now), ct);
        }

        /// <summary>The completed items of the unit's earlier plans that a self-assessment's sub-criteria may attach as
        /// evidence (<see cref="ParRemediationOffers"/>), for whoever reads the unit's records.</summary>
        public async Task<Result<IReadOnlyList<ParRemediationOffer>>> OffersAsync(Guid? assessmentId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (assessmentId is not { } id)
            {
                return ParUnitRecords.Missing("assessment");
            }

            var assessment = await db.ParAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
            if (assessment is null)
            {
                return new NotFoundError($"bản tự đánh giá {id}");
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleAsync(f => f.Id == assessment.FrameworkId, ct);
            var standing = await ParUnitStanding.OfAsync(user, framework, parAccess, access, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            if (!standing.Value.Reads(assessment.UnitId))
            {
                return new OutOfScope("bản tự đánh giá của đơn vị khác");
            }

            var offers = await ParRemediationOffers.ForAsync(db, framework, assessment.UnitId, ct);
            return Result.Success<IReadOnlyList<ParRemediationOffer>>([.. offers.Values.SelectMany(o => o)]);
        }

        /// <summary>POST …/evidence: a file (form field <c>file</c>) put into the content-addressed document store, answered
        /// with the reference an item's evidence takes; the same size and type rules as the self-assessment's evidence.</summary>
        public async Task<IResult> UploadEvidenceAsync(Guid id, HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            return await ParEvidenceUpload.UploadAsync(await EditableAsync(id, user, ct), request, store, $"/api/v1/parindex/remediation/plans/{id}", ct);
        }

        /// <summary>The page's upload: the same check (an officer of the unit) before the file goes into the store.</summary>
        public async Task<Result<StoredContent>> StoreEvidenceAsync(Guid id, Stream content, string? contentType, string? fileName, ClaimsPrincipal user,
            CancellationToken ct)
        {
            var allowed = await EditableAsync(id, user, ct);
            return allowed is not null ? allowed : await store.PutAsync(content, contentType, fileName, ct);
        }

        private async Task<Error?> EditableAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, tracking: false, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            return loaded.Value.Standing.Officer.Contains(loaded.Value.Plan.UnitId) ? null : new OutOfScope("chỉ cán bộ của đơn vị được tải minh chứng lên kế hoạch khắc phục");
        }

        /// <summary>The staff users of the unit who may own an item: its officers (desk, handling, head) valid today.</summary>
        private async Task<List<ParRemediationOwnerView>> OwnersAsync(Guid unitId, CancellationToken ct)
        {
            var today = Today;
            var owners = await (
                    from assignment in db.StaffRoleAssignments
                    where Assessments.Officers.Contains(assignment.Role) && assignment.UnitId == unitId && assignment.ValidFrom <= today
                        && (assignment.ValidTo == null || assignment.ValidTo >= today)
                    join u in db.Users on assignment.UserId equals u.Id
                    select new ParRemediationOwnerView(u.Id, u.FullName))
                .AsNoTracking().ToListAsync(ct);
            return [.. owners.DistinctBy(o => o.Id).OrderBy(o => o.Name, StringComparer.Ordinal)];
        }

        private async Task<Result<(ParRemediationPlan Plan, ParFramework Framework, string UnitName, ParUnitStanding Standing)>> LoadAsync(
            Guid id, bool tracking, ClaimsPrincipal user, CancellationToken ct)
        {
            var query = db.ParRemediationPlans.Include(p => p.Events).AsQueryable();
            var plan = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (plan is null)
            {
                return new NotFoundError($"kế hoạch khắc phục {id}");
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleAsync(f => f.Id == plan.FrameworkId, ct);
            var unitName = await db.OrganisationalUnits.Where(u => u.Id == plan.UnitId).Select(u => u.Name).SingleAsync(ct);
            var standing = await ParUnitStanding.OfAsync(user, framework, parAccess, access, ct);
            if (standing.IsFailure)
            {
                return standing.Error;
            }

            return standing.Value.Reads(plan.UnitId)
                ? (plan, framework, unitName, standing.Value)
                : new OutOfScope("kế hoạch khắc phục của đơn vị khác: chỉ cán bộ của đơn vị, Sở Nội vụ và quản trị của tỉnh được xem");
        }

        private Task<Result<(ParRemediationPlan Plan, ParFramework Framework, string UnitName, ParUnitStanding Standing)>> LoadForChangeAsync(
            Guid id, int? revision, Func<ParUnitStanding, ParRemediationPlan, bool> allowed, string denied, ClaimsPrincipal user, CancellationToken ct) =>
            ParUnitRecords.ForChangeAsync(revision, () => LoadAsync(id, tracking: true, user, ct), l => allowed(l.Standing, l.Plan), denied, l => l.Plan.Revision);

        private async Task<Result<ParRemediationPlanView>> ApplyAsync(ParRemediationPlan plan, ParFramework framework, string unitName, ParUnitStanding standing,
            int revision, Result<ParRemediationPlan> changed, CancellationToken ct)
        {
            if (changed.IsFailure)
            {
                return changed.Error is ParRemediationInvalid invalid ? ParFrameworkMapping.Failed(invalid.Problems) : changed.Error;
            }

            return await SaveChangesAsync(plan, framework, unitName, standing, () => new StaleVersion(revision, revision + 1), ct);
        }

        private Task<Result<ParRemediationPlanView>> SaveChangesAsync(
            ParRemediationPlan plan, ParFramework framework, string unitName, ParUnitStanding standing, Func<Error> onConflict, CancellationToken ct) =>
            ParUnitRecords.SaveAsync(db, () => ViewAsync(plan, framework, unitName, standing, ct), onConflict, ct);

        private async Task<ParRemediationPlanView> ViewAsync(ParRemediationPlan p, ParFramework framework, string unitName, ParUnitStanding standing, CancellationToken ct)
        {
            var today = Today;
            var owners = await OwnersAsync(p.UnitId, ct);
            var userIds = p.Events.Select(e => e.UserId).Concat(p.Items.Where(i => i.OwnerId is not null).Select(i => i.OwnerId!.Value)).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
            var assessmentId = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == p.FrameworkId && a.UnitId == p.UnitId)
                .Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
            var subs = framework.Tree.SubCriteria.ToDictionary(x => x.Sub.Code, StringComparer.Ordinal);
            var items = p.Items.Select(i =>
            {
                var found = subs.TryGetValue(i.Code, out var s);
                return new ParRemediationItemView(i.Id, i.Code, found ? s.Sub.Name : i.Code, i.Area, found ? s.Area.Name : i.Area, i.MaxPoints, i.Points, i.Lost,
                    i.Weak, i.Actions, i.OwnerId, i.OwnerId is { } o ? names.GetValueOrDefault(o) : null, i.Deadline, i.Status.ToString(), i.Overdue(today),
                    i.Evidence, i.Notes, i.CompletedAt);
            }).ToList();
            var officer = standing.Officer.Contains(p.UnitId);
            return new ParRemediationPlanView(p.Id, framework.Id, framework.Name, framework.Year, framework.Level.ToString(), p.UnitId, unitName, p.Status.ToString(),
                p.Revision, p.CreatedAt, p.GeneratedAt, p.ApprovedAt, p.ApprovedBy, assessmentId, today, officer,
                p.Status == ParRemediationStatus.Draft && standing.Head.Contains(p.UnitId), standing.Oversee, officer && p.Status == ParRemediationStatus.Draft,
                p.Rollup(today), items, owners,
                [.. p.Events.OrderBy(e => e.At).Select(e => new ParRemediationEventView(e.Kind.ToString(), e.UserId, names.GetValueOrDefault(e.UserId), e.At, e.ItemCode, e.Text))]);
        }
    }
}
