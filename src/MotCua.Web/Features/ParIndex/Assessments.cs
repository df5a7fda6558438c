using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Documents;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ParIndex;

/// <summary>A unit's self-assessment (issue 11 §2; domain.md §11.4 step 3; README.md beside this file), under
/// /api/v1/parindex/assessments: open (create) the unit's assessment for an issued framework, save one sub-criterion,
/// submit, read with the scorer's totals. Officers of the unit (desk, handling, head) open and edit; only its head
/// submits; the unit's officers and the province's Home Affairs and administrators read.</summary>
public static class Assessments
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/assessments", async (OpenAssessmentRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.OpenAsync(body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("OpenParAssessment")
            .Produces<ParAssessmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/assessments", async (Guid? framework, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(framework, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListParAssessments")
            .Produces<ParAssessmentList>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/assessments/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetParAssessment")
            .Produces<ParAssessmentView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/assessments/{id:guid}/items/{code}", async (Guid id, string code, SaveAssessmentItemRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SaveAsync(id, code, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SaveParAssessmentItem")
            .Produces<ParAssessmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/assessments/{id:guid}/evidence", async (Guid id, HttpRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                await handler.UploadEvidenceAsync(id, request, user, ct))
            .WithName("UploadParEvidence")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ParEvidenceUploaded>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/assessments/{id:guid}/submit", async (Guid id, SubmitAssessmentRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SubmitAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SubmitParAssessment")
            .Produces<ParAssessmentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The roles of a unit's officers, who open and fill its self-assessment (and are reminded of it).</summary>
    internal static readonly StaffRole[] Officers = [StaffRole.DeskOfficer, StaffRole.HandlingOfficer, StaffRole.AgencyHead];

    /// <summary>The evidence of a request, its kinds read by name (<c>par.*</c> problems under <c>evidence[i].kind</c>).</summary>
    internal static List<ParEvidence> EvidenceOf(IReadOnlyList<ParEvidenceRequest?>? given, List<ParProblem> problems)
    {
        var evidence = new List<ParEvidence>();
        given ??= [];
        for (var i = 0; i < given.Count; i++)
        {
            var kind = ParFrameworkJson.EnumValue<ParEvidenceKind>(given[i]?.Kind, $"evidence[{i}].kind", required: true, problems);
            if (kind is { } k)
            {
                evidence.Add(new ParEvidence(k, given[i]!.Reference ?? string.Empty));
            }
        }

        return evidence;
    }

    /// <summary>What the caller may do on one unit's assessment.</summary>
    private sealed record Rights(Guid UserId, bool Edit, bool Submit, bool Read);

    public sealed class Handler(
        AppDbContext db, ParIndexAccess parAccess, DossierAccess access, ParSystemFigures figures, IDocumentContentStore store,
        IOptions<ParIndexOptions> options, TimeProvider clock)
    {
        /// <summary>POST …/evidence: a file (form field <c>file</c>) put into the content-addressed document store for this
        /// draft, answered with the reference a sub-criterion's evidence takes (<c>{kind: "Document", reference: sha256}</c>).
        /// The same size and type rules as a dossier's documents.</summary>
        public async Task<IResult> UploadEvidenceAsync(Guid id, HttpRequest request, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            return await ParEvidenceUpload.UploadAsync(await EditableAsync(id, user, ct), request, store, $"/api/v1/parindex/assessments/{id}", ct);
        }

        /// <summary>The page's upload: the same check (an officer of the unit, a draft) before the file goes into the store.</summary>
        public async Task<Result<StoredContent>> StoreEvidenceAsync(Guid id, Stream content, string? contentType, string? fileName, ClaimsPrincipal user,
            CancellationToken ct)
        {
            var allowed = await EditableAsync(id, user, ct);
            return allowed is not null ? allowed : await store.PutAsync(content, contentType, fileName, ct);
        }

        /// <summary>Every unit the framework applies to (its province's departments or communes in force today): for Home
        /// Affairs and administrators of the province all of them, for a unit's officers only their own units; with each
        /// one's status, lateness and self-scored totals (as last saved).</summary>
        public async Task<Result<ParAssessmentList>> ListAsync(Guid? frameworkId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (frameworkId is not { } id)
            {
                return ParUnitRecords.Missing("framework");
            }

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

            var today = Domain.Calendar.VietnamTime.BusinessDate(Now);
            var units = await ParAssessedUnits.OfAsync(db, framework, today, ct);
            var own = new HashSet<Guid>();
            foreach (var role in Officers)
            {
                own.UnionWith(await access.UnitsWithRoleAsync(scope.Value.UserId, role, ct));
            }

            if (!scope.Value.MayWrite(framework.ProvinceUnitId))
            {
                units = [.. units.Where(u => own.Contains(u.Id))];
                if (units.Count == 0)
                {
                    return new OutOfScope("chỉ cán bộ của đơn vị được đánh giá, Sở Nội vụ và quản trị của tỉnh được xem danh sách bản tự đánh giá");
                }
            }

            var assessments = await db.ParAssessments.AsNoTracking().Where(a => a.FrameworkId == id).ToDictionaryAsync(a => a.UnitId, ct);
            var rows = units.Select(u =>
            {
                if (assessments.GetValueOrDefault(u.Id) is not { } a)
                {
                    return new ParAssessmentListRow(u.Id, u.Name, u.IdentifierCode, null, "NotOpened",
                        framework.SelfAssessmentDeadline is { } d && today > d, null, null, null, null, own.Contains(u.Id));
                }

                var (result, _) = a.Score(framework);
                return new ParAssessmentListRow(u.Id, u.Name, u.IdentifierCode, a.Id, a.Status.ToString(), a.Late(framework, Now), a.SubmittedAt,
                    result?.Total, result?.Percentage, result?.Band?.Code, own.Contains(u.Id));
            }).ToList();
            return new ParAssessmentList(framework.Id, framework.Name, framework.Year, framework.Level.ToString(), framework.SelfAssessmentDeadline,
                rows.Count(r => r.Status is not ("NotOpened" or nameof(ParAssessmentStatus.Draft))), rows.Count(r => r.Late), rows);
        }

        public async Task<Result<ParAssessmentView>> OpenAsync(OpenAssessmentRequest body, ClaimsPrincipal user, CancellationToken ct)
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

            var rights = await RightsAsync(user, framework, unitId, ct);
            if (rights.IsFailure)
            {
                return rights.Error;
            }

            if (!rights.Value.Edit)
            {
                return new OutOfScope("chỉ cán bộ của đơn vị được mở bản tự đánh giá của đơn vị");
            }

            if (!await ParAssessedUnits.IncludesAsync(db, framework, unitId, Domain.Calendar.VietnamTime.BusinessDate(Now), ct))
            {
                return ValidationFailed.One("unit", new FieldMessage("par.unit_level_mismatch", "Đơn vị không thuộc đối tượng của bộ chỉ số này (cấp {0} của tỉnh).",
                    framework.Level.ToString()));
            }

            var existing = await db.ParAssessments.AsNoTracking().Include(a => a.Changes)
                .SingleOrDefaultAsync(a => a.FrameworkId == frameworkId && a.UnitId == unitId, ct);
            if (existing is not null)
            {
                await RefreshAsync(existing, framework, ct);
                return View(existing, framework, unit.Name, rights.Value);
            }

            var created = ParUnitAssessment.Create(Guid.NewGuid(), framework, unitId, rights.Value.UserId, Now);
            if (created.IsFailure)
            {
                return created.Error;
            }

            await RefreshAsync(created.Value, framework, ct);
            db.ParAssessments.Add(created.Value);
            return await SaveChangesAsync(created.Value, framework, unit.Name, rights.Value, () => new StaleVersion(0, 1), ct);
        }

        public async Task<Result<ParAssessmentView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, tracking: false, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            // Shown with today's figures; stored with the next change (and frozen by submission).
            await RefreshAsync(loaded.Value.Assessment, loaded.Value.Framework, ct);
            return View(loaded.Value.Assessment, loaded.Value.Framework, loaded.Value.UnitName, loaded.Value.Rights);
        }

        public async Task<Result<ParAssessmentView>> SaveAsync(Guid id, string code, SaveAssessmentItemRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, r => r.Edit, "chỉ cán bộ của đơn vị được chấm điểm bản tự đánh giá của đơn vị", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (assessment, framework, unitName, rights) = loaded.Value;

            var problems = new List<ParProblem>();
            var evidence = EvidenceOf(body.Evidence, problems);
            await ParRemediationOffers.CheckAsync(db, framework, assessment.UnitId, code, evidence, problems, ct);
            if (problems.Count > 0)
            {
                return ParFrameworkMapping.Failed(problems);
            }

            await RefreshAsync(assessment, framework, ct);
            var input = new ParScoreInput(body.Score, body.Done, body.CheckedRows, body.Tier, body.Percent, body.Violations, body.Count, body.Value,
                body.NotApplicable ?? false);
            var saved = assessment.Save(framework, code, input, body.Explanation, evidence, body.Reason, rights.UserId, Now);
            if (saved.IsFailure)
            {
                return Refused(saved.Error);
            }

            return await SaveChangesAsync(assessment, framework, unitName, rights, () => new StaleVersion(body.Revision!.Value, body.Revision.Value + 1), ct);
        }

        public async Task<Result<ParAssessmentView>> SubmitAsync(Guid id, SubmitAssessmentRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, r => r.Submit, "chỉ lãnh đạo đơn vị được ký nộp bản tự đánh giá", user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (assessment, framework, unitName, rights) = loaded.Value;

            await RefreshAsync(assessment, framework, ct);
            var submitted = assessment.Submit(framework, rights.UserId, Now, options.Value.RefuseLateSubmission);
            if (submitted.IsFailure)
            {
                return Refused(submitted.Error);
            }

            return await SaveChangesAsync(assessment, framework, unitName, rights, () => new StaleVersion(body.Revision!.Value, body.Revision.Value + 1), ct);
        }

        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        /// <summary>Nothing when the caller may put evidence into this assessment (an officer of the unit, a draft).</summary>
        private async Task<Error?> EditableAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, tracking: false, user, ct);
            return loaded.IsFailure ? loaded.Error
                : !loaded.Value.Rights.Edit ? new OutOfScope("chỉ cán bộ của đơn vị được đính kèm tài liệu kiểm chứng")
                : loaded.Value.Assessment.Status != ParAssessmentStatus.Draft ? new ParAssessmentSubmitted()
                : null;
        }

        /// <summary>MotCua's figures into a draft's system-sourced sub-criteria (<see cref="ParSystemFigures"/>).</summary>
        private async Task RefreshAsync(ParUnitAssessment assessment, ParFramework framework, CancellationToken ct)
        {
            if (assessment.Status == ParAssessmentStatus.Draft)
            {
                assessment.RefreshSystem(framework, await figures.ForAsync(framework, assessment.UnitId, ct));
            }
        }

        private static Error Refused(Error error) => error is ParAssessmentInvalid invalid ? ParFrameworkMapping.Failed(invalid.Problems) : error;

        /// <summary>Role AND unit: the unit's officers edit, its head submits, they and the province's Home Affairs and
        /// administrators read.</summary>
        private async Task<Result<Rights>> RightsAsync(ClaimsPrincipal user, ParFramework framework, Guid unitId, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var edit = false;
            foreach (var role in Officers)
            {
                edit |= (await access.UnitsWithRoleAsync(userId, role, ct)).Contains(unitId);
            }

            var submit = (await access.UnitsWithRoleAsync(userId, StaffRole.AgencyHead, ct)).Contains(unitId);
            var scope = await parAccess.ForAsync(user, ct);
            var oversee = scope.IsSuccess && scope.Value.MayWrite(framework.ProvinceUnitId);
            return edit || oversee
                ? new Rights(userId, edit, submit, true)
                : new OutOfScope("bản tự đánh giá của đơn vị khác: chỉ cán bộ của đơn vị, Sở Nội vụ và quản trị của tỉnh được xem");
        }

        private async Task<Result<(ParUnitAssessment Assessment, ParFramework Framework, string UnitName, Rights Rights)>> LoadAsync(
            Guid id, bool tracking, ClaimsPrincipal user, CancellationToken ct)
        {
            var query = db.ParAssessments.Include(a => a.Changes).AsQueryable();
            var assessment = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (assessment is null)
            {
                return new NotFoundError($"bản tự đánh giá {id}");
            }

            var framework = await db.ParFrameworks.AsNoTracking().SingleAsync(f => f.Id == assessment.FrameworkId, ct);
            var unitName = await db.OrganisationalUnits.Where(u => u.Id == assessment.UnitId).Select(u => u.Name).SingleAsync(ct);
            var rights = await RightsAsync(user, framework, assessment.UnitId, ct);
            return rights.IsFailure ? rights.Error : (assessment, framework, unitName, rights.Value);
        }

        private async Task<Result<(ParUnitAssessment Assessment, ParFramework Framework, string UnitName, Rights Rights)>> LoadForChangeAsync(
            Guid id, int? revision, Func<Rights, bool> allowed, string denied, ClaimsPrincipal user, CancellationToken ct)
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

            if (!allowed(loaded.Value.Rights))
            {
                return new OutOfScope(denied);
            }

            var actual = loaded.Value.Assessment.Revision;
            return actual != expected ? new StaleVersion(expected, actual) : loaded;
        }

        private Task<Result<ParAssessmentView>> SaveChangesAsync(
            ParUnitAssessment assessment, ParFramework framework, string unitName, Rights rights, Func<Error> onConflict, CancellationToken ct) =>
            ParUnitRecords.SaveAsync(db, () => Task.FromResult(View(assessment, framework, unitName, rights)), onConflict, ct);

        private ParAssessmentView View(ParUnitAssessment a, ParFramework framework, string unitName, Rights rights) =>
            ParAssessmentMapping.ToView(a, framework, unitName, rights.Edit && a.Status == ParAssessmentStatus.Draft,
                rights.Submit && a.Status == ParAssessmentStatus.Draft, Now);
    }
}
