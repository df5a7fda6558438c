using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ParIndex;

/// <summary>The appraisal of units' self-assessments (issue 11 §3; domain.md §11.4 steps 4–5; README.md beside this
/// file), under /api/v1/parindex: Home Affairs assigns appraisers or a council per area; an assigned appraiser scores the
/// sub-criteria of their areas; Home Affairs sends the results to the unit; the unit's officers answer, its head submits
/// the answer; the council's chair (or Home Affairs) records the final scores and finalises; Home Affairs reopens with a
/// reason; Home Affairs imports survey figures, merged with MotCua's SIPAS index as appraised scores.</summary>
public static class Appraisal
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/frameworks/{id:guid}/appraisal", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.BoardAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetParAppraisalBoard")
            .Produces<ParAppraisalBoard>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        Change(group.MapPut("/frameworks/{id:guid}/appraisal/areas/{area}",
                async (Guid id, string area, AssignAppraisalRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.AssignAsync(id, area, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AssignParAppraisers")
            .Produces<ParAppraisalBoard>());
        Change(group.MapPost("/frameworks/{id:guid}/survey-figures",
                async (Guid id, ImportSurveyFiguresRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.ImportSurveyAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ImportParSurveyFigures")
            .Produces<ParSurveyImportResult>());
        group.MapGet("/assessments/{id:guid}/appraisal", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetParAppraisal")
            .Produces<ParAppraisalView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        Change(group.MapPut("/assessments/{id:guid}/appraisal/items/{code}",
                async (Guid id, string code, AppraiseItemRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.AppraiseAsync(id, code, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AppraiseParItem"));
        Change(group.MapPost("/assessments/{id:guid}/appraisal/send",
                async (Guid id, SendForClarificationRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.SendAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SendParAppraisalForClarification"));
        Change(group.MapPut("/assessments/{id:guid}/clarification/items/{code}",
                async (Guid id, string code, AnswerItemRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.AnswerAsync(id, code, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AnswerParClarificationItem"));
        Change(group.MapPost("/assessments/{id:guid}/clarification/submit",
                async (Guid id, SubmitClarificationRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.SubmitAnswerAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SubmitParClarification"));
        Change(group.MapPut("/assessments/{id:guid}/council/items/{code}",
                async (Guid id, string code, DecideItemRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.DecideAsync(id, code, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("DecideParCouncilItem"));
        Change(group.MapPost("/assessments/{id:guid}/finalise",
                async (Guid id, FinaliseAppraisalRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.FinaliseAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("FinaliseParAppraisal"));
        Change(group.MapPost("/assessments/{id:guid}/reopen",
                async (Guid id, ReopenAppraisalRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                    (await handler.ReopenAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ReopenParAppraisal"));
    }

    private static void Change(RouteHandlerBuilder route) => route
        .Produces<ParAppraisalView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>What the caller may do on one assessment's appraisal.</summary>
    private sealed record Rights(Guid UserId, bool Officer, bool Head, bool Overseer, IReadOnlySet<string> AppraiseAreas, IReadOnlySet<string> ChairAreas)
    {
        public bool Read(ParAssessmentStatus status) => Officer || Overseer || (AppraiseAreas.Count > 0 && status != ParAssessmentStatus.Draft);

        /// <summary>Whether the caller sees appraised and final scores now (the unit's officers from the clarification on).</summary>
        public bool SeesAppraisal(ParUnitAssessment a) => Overseer || AppraiseAreas.Count > 0 || a.AppraisalVisibleToUnit;

        public bool Decide(string area) => Overseer || ChairAreas.Contains(area);

        public bool Finalise => Overseer || ChairAreas.Count > 0;
    }

    private sealed record Loaded(ParUnitAssessment Assessment, ParFramework Framework, string UnitName, Rights Rights);

    public sealed class Handler(AppDbContext db, ParIndexAccess parAccess, DossierAccess access, ParSipasIndex sipas, TimeProvider clock)
    {
        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        /// <summary>The areas of an issued framework with who appraises them, and the units' assessments past submission:
        /// for Home Affairs and administrators of the province, and for its assigned appraisers.</summary>
        public async Task<Result<ParAppraisalBoard>> BoardAsync(Guid frameworkId, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await parAccess.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == frameworkId, ct);
            if (framework is null || !scope.Value.MayRead(framework.ProvinceUnitId))
            {
                return new NotFoundError($"bộ chỉ số {frameworkId}");
            }

            var assignments = await db.ParAppraisalAssignments.AsNoTracking().Where(a => a.FrameworkId == frameworkId).ToListAsync(ct);
            var overseer = scope.Value.MayWrite(framework.ProvinceUnitId);
            if (!overseer && !assignments.Any(a => a.IsMember(scope.Value.UserId)))
            {
                return new OutOfScope("chỉ Sở Nội vụ, quản trị của tỉnh và người được phân công thẩm định được xem việc thẩm định");
            }

            var staff = await StaffAsync(framework.ProvinceUnitId, ct);
            var names = staff.ToDictionary(s => s.UserId, s => s.Name);
            var memberIds = assignments.SelectMany(a => a.Members).Where(m => !names.ContainsKey(m)).Distinct().ToList();
            foreach (var u in await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct))
            {
                names[u.Id] = u.FullName;
            }

            var byArea = assignments.ToDictionary(a => a.Area, StringComparer.Ordinal);
            var areas = framework.Tree.Areas.Select(area => byArea.GetValueOrDefault(area.Code) is { } a
                    ? new ParAppraisalAreaView(area.Code, area.Name, a.Kind.ToString(), [.. a.Members.Select(m => new ParAppraiserView(m, names.GetValueOrDefault(m, "")))],
                        a.ChairId, a.Revision, a.IsMember(scope.Value.UserId))
                    : new ParAppraisalAreaView(area.Code, area.Name, null, [], null, 0, false))
                .ToList();
            var units = await ParAssessedUnits.OfAsync(db, framework, Domain.Calendar.VietnamTime.BusinessDate(Now), ct);
            var assessments = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == frameworkId).ToDictionaryAsync(a => a.UnitId, ct);
            var rows = units.Select(u => assessments.GetValueOrDefault(u.Id) is { } a
                    ? new ParAppraisalUnitRow(u.Id, u.Name, a.Status == ParAssessmentStatus.Draft ? null : a.Id, a.Status.ToString(), a.Score(framework).Result?.Total,
                        a.ScoreFinal(framework).Result?.Total)
                    : new ParAppraisalUnitRow(u.Id, u.Name, null, "NotOpened", null, null))
                .ToList();
            var figures = overseer
                ? await db.ParSurveyFigures.AsNoTracking().Where(f => f.FrameworkId == frameworkId).OrderBy(f => f.SubCriterion).ToListAsync(ct)
                : [];
            return new ParAppraisalBoard(framework.Id, framework.Name, framework.Year, framework.Level.ToString(), overseer && framework.Status == ParFrameworkStatus.Issued,
                areas, rows, overseer ? staff : [], [.. figures.Select(FigureView)]);
        }

        /// <summary>Home Affairs (or an administrator) of the province assigns who appraises an area; the members must be
        /// staff of the province (<c>par.member_not_staff</c>).</summary>
        public async Task<Result<ParAppraisalBoard>> AssignAsync(Guid frameworkId, string area, AssignAppraisalRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (body.Revision is not { } revision)
            {
                return ParUnitRecords.RevisionMissing();
            }

            var problems = new List<ParProblem>();
            var kind = ParFrameworkJson.EnumValue<ParAppraisalKind>(body.Kind, "kind", required: true, problems);
            if (problems.Count > 0)
            {
                return ParFrameworkMapping.Failed(problems);
            }

            var framework = await WritableFrameworkAsync(frameworkId, user, ct);
            if (framework.IsFailure)
            {
                return framework.Error;
            }

            var members = body.Members ?? [];
            var staff = (await StaffAsync(framework.Value.ProvinceUnitId, ct)).Select(s => s.UserId).ToHashSet();
            if (members.FirstOrDefault(m => !staff.Contains(m)) is var stranger && stranger != Guid.Empty)
            {
                return ValidationFailed.One("members", new FieldMessage("par.member_not_staff", "Người được chọn không phải cán bộ của tỉnh: {0}.", stranger));
            }

            var userId = DossierAccess.UserId(user)!.Value;
            var existing = await db.ParAppraisalAssignments.SingleOrDefaultAsync(a => a.FrameworkId == frameworkId && a.Area == area, ct);
            if ((existing?.Revision ?? 0) != revision)
            {
                return new StaleVersion(revision, existing?.Revision ?? 0);
            }

            var changed = existing is null
                ? ParAppraisalAssignment.Create(Guid.NewGuid(), framework.Value, area, kind!.Value, members, body.Chair, userId, Now)
                : existing.Change(kind!.Value, members, body.Chair, userId, Now);
            if (changed.IsFailure)
            {
                return Refused(changed.Error);
            }

            if (existing is null)
            {
                db.ParAppraisalAssignments.Add(changed.Value);
            }

            return await ParUnitRecords.SaveAsync(db, async () => (await BoardAsync(frameworkId, user, ct)).Value, () => new StaleVersion(revision, revision + 1), ct);
        }

        /// <summary>Home Affairs imports survey figures (each replacing the unit's figure of that sub-criterion), then merges
        /// them, and MotCua's SIPAS index where a survey sub-criterion names <c>survey.sipas_index</c>, into every
        /// assessment still in appraisal as the appraised input with its source.</summary>
        public async Task<Result<ParSurveyImportResult>> ImportSurveyAsync(Guid frameworkId, ImportSurveyFiguresRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var framework = await WritableFrameworkAsync(frameworkId, user, ct);
            if (framework.IsFailure)
            {
                return framework.Error;
            }

            var f = framework.Value;
            var userId = DossierAccess.UserId(user)!.Value;
            var units = (await ParAssessedUnits.OfAsync(db, f, Domain.Calendar.VietnamTime.BusinessDate(Now), ct)).Select(u => u.Id).ToHashSet();
            var given = body.Figures ?? [];
            var problems = new List<ParProblem>();
            var figures = new List<ParSurveyFigure>();
            for (var i = 0; i < given.Count; i++)
            {
                var row = given[i];
                if (row?.Unit is not { } unit || !units.Contains(unit))
                {
                    problems.Add(new($"figures[{i}].unit", new FieldMessage("par.unit_level_mismatch", "Đơn vị không thuộc đối tượng của bộ chỉ số này (cấp {0} của tỉnh).",
                        f.Level.ToString())));
                    continue;
                }

                if (row.Value is not { } value)
                {
                    problems.Add(new($"figures[{i}].value", new FieldMessage("par.field_required", "Thiếu \"{0}\".", "value")));
                    continue;
                }

                var created = ParSurveyFigure.Create(Guid.NewGuid(), f, unit, row.SubCriterion ?? string.Empty, value, row.Source, userId, Now);
                if (created.IsFailure)
                {
                    problems.AddRange(((ParAssessmentInvalid)created.Error).Problems.Select(p => p with { Path = $"figures[{i}].{p.Path}" }));
                }
                else if (figures.Any(x => x.UnitId == unit && x.SubCriterion == created.Value.SubCriterion))
                {
                    problems.Add(new($"figures[{i}]", new FieldMessage("par.figure_duplicate", "Số liệu của đơn vị và tiêu chí thành phần này đã có ở dòng trước.")));
                }
                else
                {
                    figures.Add(created.Value);
                }
            }

            if (problems.Count > 0)
            {
                return ParFrameworkMapping.Failed(problems);
            }

            var stored = await db.ParSurveyFigures.Where(x => x.FrameworkId == frameworkId).ToListAsync(ct);
            foreach (var figure in figures)
            {
                if (stored.FirstOrDefault(x => x.UnitId == figure.UnitId && x.SubCriterion == figure.SubCriterion) is { } old)
                {
                    old.Replace(figure);
                }
                else
                {
                    db.ParSurveyFigures.Add(figure);
                    stored.Add(figure);
                }
            }

            var merged = 0;
            var surveyCodes = f.Tree.SubCriteria.Where(x => x.Sub.Method.Kind == ParMethodKind.Survey && x.Sub.AppliesToLevel(f.Level)).Select(x => x.Sub).ToList();
            var open = await db.ParAssessments.Include(a => a.Changes)
                .Where(a => a.FrameworkId == frameworkId && (a.Status == ParAssessmentStatus.Submitted || a.Status == ParAssessmentStatus.InAppraisal))
                .ToListAsync(ct);
            foreach (var assessment in open)
            {
                var sipasFigure = surveyCodes.Any(s => s.Method.Formula == "survey.sipas_index") ? await sipas.ForAsync(assessment.UnitId, f.Year, ct) : null;
                foreach (var sub in surveyCodes)
                {
                    var (value, source) = stored.FirstOrDefault(x => x.UnitId == assessment.UnitId && x.SubCriterion == sub.Code) is { } figure
                        ? (figure.Value, figure.Source)
                        : sub.Method.Formula == "survey.sipas_index" && sipasFigure is not null ? (sipasFigure.Value, sipasFigure.Source) : ((decimal?)null, "");
                    if (value is { } v && assessment.MergeSurvey(f, sub.Code, v, source, userId, Now) is { IsSuccess: true, Value: true })
                    {
                        merged++;
                    }
                }
            }

            return await ParUnitRecords.SaveAsync(db, () => Task.FromResult(new ParSurveyImportResult(figures.Count, merged, [.. stored.OrderBy(x => x.SubCriterion).Select(FigureView)])),
                () => new StaleVersion(0, 1), ct);
        }

        public async Task<Result<ParAppraisalView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, tracking: false, user, ct);
            return loaded.IsFailure ? loaded.Error : View(loaded.Value);
        }

        public Task<Result<ParAppraisalView>> AppraiseAsync(Guid id, string code, AppraiseItemRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            return ChangeAsync(id, body.Revision, user,
                l => AreaOf(l.Framework, code) is { } area && l.Rights.AppraiseAreas.Contains(area)
                    ? null : new OutOfScope("chỉ người được phân công thẩm định lĩnh vực này được chấm điểm thẩm định"),
                l => l.Assessment.Appraise(l.Framework, code, body.Input(), body.Reason, l.Rights.UserId, Now), ct);
        }

        public Task<Result<ParAppraisalView>> SendAsync(Guid id, SendForClarificationRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            return ChangeAsync(id, body.Revision, user,
                l => l.Rights.Overseer ? null : new OutOfScope("chỉ Sở Nội vụ của tỉnh gửi kết quả thẩm định cho đơn vị"),
                l => l.Assessment.SendForClarification(l.Rights.UserId, Now), ct);
        }

        public Task<Result<ParAppraisalView>> AnswerAsync(Guid id, string code, AnswerItemRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var problems = new List<ParProblem>();
            var evidence = Assessments.EvidenceOf(body.Evidence, problems);
            if (problems.Count > 0)
            {
                return Task.FromResult<Result<ParAppraisalView>>(ParFrameworkMapping.Failed(problems));
            }

            return ChangeAsync(id, body.Revision, user,
                l => l.Rights.Officer ? null : new OutOfScope("chỉ cán bộ của đơn vị được giải trình"),
                l => l.Assessment.Answer(l.Framework, code, body.Text, evidence, body.Input(), l.Rights.UserId, Now), ct);
        }

        public Task<Result<ParAppraisalView>> SubmitAnswerAsync(Guid id, SubmitClarificationRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            return ChangeAsync(id, body.Revision, user,
                l => l.Rights.Head ? null : new OutOfScope("chỉ lãnh đạo đơn vị được ký nộp giải trình"),
                l => l.Assessment.SubmitAnswer(l.Rights.UserId, Now), ct);
        }

        public Task<Result<ParAppraisalView>> DecideAsync(Guid id, string code, DecideItemRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            return ChangeAsync(id, body.Revision, user,
                l => AreaOf(l.Framework, code) is { } area && l.Rights.Decide(area)
                    ? null : new OutOfScope("chỉ chủ tịch hội đồng thẩm định của lĩnh vực hoặc Sở Nội vụ ghi kết luận của hội đồng"),
                l => l.Assessment.Decide(l.Framework, code, body.Input(), body.Reason, l.Rights.UserId, Now), ct);
        }

        public Task<Result<ParAppraisalView>> FinaliseAsync(Guid id, FinaliseAppraisalRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            return ChangeAsync(id, body.Revision, user,
                l => l.Rights.Finalise ? null : new OutOfScope("chỉ chủ tịch hội đồng thẩm định hoặc Sở Nội vụ chốt kết quả"),
                l => l.Assessment.Finalise(l.Framework, l.Rights.UserId, Now), ct);
        }

        public Task<Result<ParAppraisalView>> ReopenAsync(Guid id, ReopenAppraisalRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            return ChangeAsync(id, body.Revision, user,
                l => l.Rights.Overseer ? null : new OutOfScope("chỉ Sở Nội vụ của tỉnh được mở lại kết quả đã chốt"),
                l => l.Assessment.Reopen(body.Reason, l.Rights.UserId, Now), ct);
        }

        /// <summary>Staff of the province: users holding a staff role today on the province or a unit under it.</summary>
        private async Task<List<ParAppraiserView>> StaffAsync(Guid province, CancellationToken ct)
        {
            var today = Domain.Calendar.VietnamTime.BusinessDate(Now);
            var parentOf = await db.OrganisationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
            var grants = await db.StaffRoleAssignments.AsNoTracking().Where(a => a.Role != StaffRole.Citizen).ToListAsync(ct);
            var ids = grants.Where(g => g.IsValidOn(today) && UnitAuthorization.AncestorsOf(g.UnitId, parentOf).Append(g.UnitId).Contains(province))
                .Select(g => g.UserId).ToHashSet();
            var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
            return [.. users.OrderBy(u => u.FullName, StringComparer.Ordinal).Select(u => new ParAppraiserView(u.Id, u.FullName))];
        }

        private async Task<Result<ParFramework>> WritableFrameworkAsync(Guid frameworkId, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await parAccess.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == frameworkId, ct);
            if (framework is null || !scope.Value.MayRead(framework.ProvinceUnitId))
            {
                return new NotFoundError($"bộ chỉ số {frameworkId}");
            }

            return !scope.Value.MayWrite(framework.ProvinceUnitId)
                ? new OutOfScope("chỉ Sở Nội vụ hoặc quản trị của tỉnh phân công thẩm định và nhập số liệu điều tra")
                : framework.Status != ParFrameworkStatus.Issued ? new ParFrameworkNotIssued() : framework;
        }

        private static string? AreaOf(ParFramework framework, string code) =>
            framework.Tree.SubCriteria.FirstOrDefault(x => x.Sub.Code == code) is { Sub: not null } x ? x.Area.Code : null;

        private static Error Refused(Error error) => error is ParAssessmentInvalid invalid ? ParFrameworkMapping.Failed(invalid.Problems) : error;

        private async Task<Result<ParAppraisalView>> ChangeAsync(Guid id, int? revision, ClaimsPrincipal user, Func<Loaded, Error?> allowed,
            Func<Loaded, Result<ParUnitAssessment>> change, CancellationToken ct)
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

            if (allowed(loaded.Value) is { } denied)
            {
                return denied;
            }

            if (loaded.Value.Assessment.Revision != expected)
            {
                return new StaleVersion(expected, loaded.Value.Assessment.Revision);
            }

            var changed = change(loaded.Value);
            return changed.IsFailure
                ? Refused(changed.Error)
                : await ParUnitRecords.SaveAsync(db, () => Task.FromResult(View(loaded.Value)), () => new StaleVersion(expected, expected + 1), ct);
        }

        private async Task<Result<Loaded>> LoadAsync(Guid id, bool tracking, ClaimsPrincipal user, CancellationToken ct)
        {
            var query = db.ParAssessments.Include(a => a.Changes).AsQueryable();
            var assessment = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (assessment is null || DossierAccess.UserId(user) is not { } userId)
            {
                return new NotFoundError($"bản tự đánh giá {id}");
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleAsync(f => f.Id == assessment.FrameworkId, ct);
            var officer = false;
            foreach (var role in Assessments.Officers)
            {
                officer |= (await access.UnitsWithRoleAsync(userId, role, ct)).Contains(assessment.UnitId);
            }

            var head = (await access.UnitsWithRoleAsync(userId, StaffRole.AgencyHead, ct)).Contains(assessment.UnitId);
            var scope = await parAccess.ForAsync(user, ct);
            var overseer = scope.IsSuccess && scope.Value.MayWrite(framework.ProvinceUnitId);
            var assignments = await db.ParAppraisalAssignments.AsNoTracking().Where(a => a.FrameworkId == framework.Id).ToListAsync(ct);
            var rights = new Rights(userId, officer, head, overseer,
                assignments.Where(a => a.IsMember(userId)).Select(a => a.Area).ToHashSet(StringComparer.Ordinal),
                assignments.Where(a => a.Kind == ParAppraisalKind.Council && a.ChairId == userId).Select(a => a.Area).ToHashSet(StringComparer.Ordinal));
            if (!rights.Read(assessment.Status))
            {
                return new OutOfScope("bản đánh giá của đơn vị khác: chỉ cán bộ của đơn vị, Sở Nội vụ và người được phân công thẩm định được xem");
            }

            var unitName = await db.OrganisationalUnits.Where(u => u.Id == assessment.UnitId).Select(u => u.Name).SingleAsync(ct);
            return new Loaded(assessment, framework, unitName, rights);
        }

        private static ParSurveyFigureView FigureView(ParSurveyFigure f) => new(f.UnitId, f.SubCriterion, f.Value, f.Source, f.ImportedAt);

        private static ParAppraisalView View(Loaded loaded)
        {
            var (a, framework, unitName, rights) = loaded;
            var shown = rights.SeesAppraisal(a);
            var self = a.Score(framework).Result;
            var final = shown ? a.ScoreFinal(framework).Result : null;
            var selfPoints = self?.SubCriteria.ToDictionary(s => s.Code, StringComparer.Ordinal) ?? [];
            var finalPoints = final?.SubCriteria.ToDictionary(s => s.Code, StringComparer.Ordinal) ?? [];
            var entries = a.Items.ToDictionary(i => i.SubCriterion, StringComparer.Ordinal);
            decimal? PointsOf(string code, ParScoreInput? input) => input is null ? null
                : ParScorer.Score(framework.Tree, framework.Level, new Dictionary<string, ParScoreInput>(StringComparer.Ordinal) { [code] = input })
                    .Result?.SubCriteria.Single(s => s.Code == code) is { Scored: true } s ? s.Points : null;
            ParGivenScoreView? Given(string code, ParAppraisedInput? given) =>
                shown && given is not null ? new(given.Input, PointsOf(code, given.Input), given.Reason, given.Source, given.By, given.At) : null;
            var lines = framework.Tree.SubCriteria.Select(x =>
            {
                var entry = entries.GetValueOrDefault(x.Sub.Code);
                var answer = entry?.Answer is { } an && shown ? new ParAnswerView(an.Text, an.Evidence, an.Proposed, PointsOf(x.Sub.Code, an.Proposed), an.By, an.At) : null;
                var applicable = x.Sub.AppliesToLevel(framework.Level);
                return new ParAppraisalLineView(x.Sub.Code, x.Area.Code, x.Area.Name, x.Criterion.Code, x.Sub.Name, x.Sub.MaxPoints, x.Sub.Method.Kind.ToString(), applicable,
                    entry?.Input, selfPoints.GetValueOrDefault(x.Sub.Code) is { Scored: true } sp ? sp.Points : null, entry?.Explanation, entry?.Evidence ?? [],
                    Given(x.Sub.Code, entry?.Appraised), answer, Given(x.Sub.Code, entry?.Council),
                    (shown ? finalPoints : selfPoints).GetValueOrDefault(x.Sub.Code)?.Points ?? 0m,
                    applicable && rights.AppraiseAreas.Contains(x.Area.Code) && a.Status is ParAssessmentStatus.Submitted or ParAssessmentStatus.InAppraisal,
                    applicable && rights.Officer && a.Status == ParAssessmentStatus.Clarification && entry?.Appraised is not null,
                    applicable && rights.Decide(x.Area.Code) && a.Status == ParAssessmentStatus.ClarificationAnswered);
            }).ToList();
            static ParAssessmentTotals? Totals(ParResult? r) => r is null ? null
                : new(r.ScoredTotal, r.BonusPenalty, r.Total, r.ApplicableMax, r.Percentage, r.Band?.Code);
            return new ParAppraisalView(a.Id, a.FrameworkId, framework.Code, framework.Year, a.UnitId, unitName, a.Status.ToString(), a.Revision,
                a.SubmittedAt, a.ClarificationSentAt, a.AnsweredAt, a.FinalisedAt, shown, Totals(self), Totals(final),
                rights.Overseer && a.Status is ParAssessmentStatus.Submitted or ParAssessmentStatus.InAppraisal,
                rights.Head && a.Status == ParAssessmentStatus.Clarification,
                rights.Finalise && a.Status == ParAssessmentStatus.ClarificationAnswered,
                rights.Overseer && a.Status == ParAssessmentStatus.Finalised,
                lines,
                [.. a.Changes.Where(c => shown || c.Stage == ParChangeStage.Self).OrderBy(c => c.At)
                    .Select(c => new ParAppraisalChangeView(c.Stage.ToString(), c.SubCriterion, c.UserId, c.At, c.OldValue, c.NewValue, c.OldPoints, c.NewPoints, c.Reason))]);
        }
    }
}
