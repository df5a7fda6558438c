using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ParIndex;

/// <summary>PAR Index frameworks (issue 11 §1; README.md beside this file), under /api/v1/parindex/frameworks: list, one
/// with its tree, import (a draft), export (the documented JSON), copy to a year (a new draft), edit a draft's
/// sub-criterion, issue. Reads: staff of the province; writes: its administrators and Home Affairs appraisers
/// (<see cref="ParIndexAccess"/>).</summary>
public static class Frameworks
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/frameworks", async (Guid? unit, int? year, string? level, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(unit, year, level, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListParFrameworks")
            .Produces<IReadOnlyList<ParFrameworkRow>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/frameworks/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetParFramework")
            .Produces<ParFrameworkView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/frameworks/{id:guid}/export", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ExportAsync(id, user, ct)).ToHttpResult(d => TypedResults.Text(d.Json, "application/json; charset=utf-8")))
            .WithName("ExportParFramework")
            .Produces<ParFrameworkDocument>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/frameworks", async (ImportFrameworkRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ImportAsync(body, user, ct)).ToHttpResult(f => TypedResults.Created($"/api/v1/parindex/frameworks/{f.Id}", f)))
            .WithName("ImportParFramework")
            .Produces<ParFrameworkView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/frameworks/{id:guid}/copy", async (Guid id, CopyFrameworkRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.CopyAsync(id, body, user, ct)).ToHttpResult(f => TypedResults.Created($"/api/v1/parindex/frameworks/{f.Id}", f)))
            .WithName("CopyParFramework")
            .Produces<ParFrameworkView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/frameworks/{id:guid}/subcriteria/{code}", async (Guid id, string code, EditSubCriterionRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.EditAsync(id, code, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("EditParSubCriterion")
            .Produces<ParFrameworkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/frameworks/{id:guid}/issue", async (Guid id, IssueFrameworkRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.IssueAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("IssueParFramework")
            .Produces<ParFrameworkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/frameworks/{id:guid}/deadline", async (Guid id, SetDeadlineRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.SetDeadlineAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("SetParSelfAssessmentDeadline")
            .Produces<ParFrameworkView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>An exported framework: its JSON text and a file name.</summary>
    public sealed record Exported(string FileName, string Json);

    public sealed class Handler(AppDbContext db, ParIndexAccess access, TimeProvider clock)
    {
        public async Task<Result<IReadOnlyList<ParFrameworkRow>>> ListAsync(Guid? unit, int? year, string? level, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            if (year is not (null or (>= 2000 and <= 2100)))
            {
                return ValidationFailed.One("year", new FieldMessage("par.year_range", "Năm đánh giá phải từ 2000 đến 2100."));
            }

            var problems = new List<ParProblem>();
            var parsedLevel = ParFrameworkJson.EnumValue<ParLevel>(level, "level", required: false, problems);
            if (problems.Count > 0)
            {
                return ParFrameworkMapping.Failed(problems);
            }

            if (unit is { } province && !scope.Value.MayRead(province))
            {
                return ParIndexAccess.NotReader();
            }

            var provinces = unit is { } one ? [one] : scope.Value.Readable.ToList();
            var query = db.ParFrameworks.AsNoTracking().Where(f => provinces.Contains(f.ProvinceUnitId));
            if (year is { } y)
            {
                query = query.Where(f => f.Year == y);
            }

            if (parsedLevel is { } l)
            {
                query = query.Where(f => f.Level == l);
            }

            var all = await query.ToListAsync(ct);
            return all.OrderByDescending(f => f.Year).ThenBy(f => f.Level).ThenByDescending(f => f.Version).Select(ParFrameworkMapping.ToRow).ToList();
        }

        public async Task<Result<ParFrameworkView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, write: false, user, ct);
            return loaded.IsFailure ? loaded.Error : ParFrameworkMapping.ToView(loaded.Value.Framework, loaded.Value.Scope.MayWrite(loaded.Value.Framework.ProvinceUnitId));
        }

        public async Task<Result<Exported>> ExportAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, write: false, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var f = loaded.Value.Framework;
            return new Exported($"{f.Code}-{f.Year}-v{f.Version}.json", ParFrameworkJson.Write(f.Definition));
        }

        public async Task<Result<ParFrameworkView>> ImportAsync(ImportFrameworkRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var scope = await access.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            if (body.Unit is not { } province)
            {
                return ValidationFailed.One("unit", new FieldMessage("par.unit_required", "Chọn UBND tỉnh sở hữu bộ chỉ số."));
            }

            if (!scope.Value.MayWrite(province))
            {
                return ParIndexAccess.NotWriter();
            }

            if (!await db.OrganisationalUnits.AnyAsync(u => u.Id == province && u.Level == UnitLevel.Province, ct))
            {
                return ValidationFailed.One("unit", new FieldMessage("par.unit_not_province", "Đơn vị sở hữu bộ chỉ số phải là UBND tỉnh."));
            }

            if (body.Framework is null)
            {
                return ParUnitRecords.Missing("framework");
            }

            var (definition, problems) = ParFrameworkJson.FromDocument(body.Framework);
            if (definition is null)
            {
                return ParFrameworkMapping.Failed(problems.Where(p => !p.IssueOnly).Select(p => p with { Path = "framework." + p.Path }));
            }

            var version = await NextVersionAsync(province, definition.Year, definition.Level, ct);
            var framework = ParFramework.CreateDraft(Guid.NewGuid(), province, definition, version, Now);
            db.ParFrameworks.Add(framework);
            return await SaveAsync(framework, scope.Value, () => new StaleVersion(version, version + 1), ct);
        }

        public async Task<Result<ParFrameworkView>> CopyAsync(Guid id, CopyFrameworkRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadAsync(id, write: true, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            if (body.Year is not (>= 2000 and <= 2100) || body.Year is not { } year)
            {
                return ValidationFailed.One("year", new FieldMessage("par.year_range", "Năm đánh giá phải từ 2000 đến 2100."));
            }

            var source = loaded.Value.Framework;
            var version = await NextVersionAsync(source.ProvinceUnitId, year, source.Level, ct);
            var copy = source.CopyToYear(Guid.NewGuid(), year, version, Now);
            db.ParFrameworks.Add(copy);
            return await SaveAsync(copy, loaded.Value.Scope, () => new StaleVersion(version, version + 1), ct);
        }

        public async Task<Result<ParFrameworkView>> EditAsync(Guid id, string code, EditSubCriterionRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (framework, scope) = loaded.Value;
            if (framework.Status == ParFrameworkStatus.Issued)
            {
                return new ParFrameworkIssued(framework.Code, framework.Year);
            }

            if (framework.Tree.Find(code) is not { } current)
            {
                return new NotFoundError($"tiêu chí thành phần {code}");
            }

            var given = body.SubCriterion;
            var now = ParFrameworkJson.ToDocument(current);
            var merged = new ParSubCriterionDocument(code, given?.Name ?? now.Name, given?.MaxPoints ?? now.MaxPoints, given?.AppliesTo ?? now.AppliesTo,
                given?.DataSource ?? now.DataSource, given?.AppraisingDepartment ?? now.AppraisingDepartment,
                given?.EvidenceRequired ?? now.EvidenceRequired, given?.Method ?? now.Method);
            var problems = new List<ParProblem>();
            var replacement = ParFrameworkJson.SubCriterion(merged, "subCriterion", problems);
            if (problems.Count > 0)
            {
                return ParFrameworkMapping.Failed(problems);
            }

            var edited = framework.EditSubCriterion(code, replacement);
            if (edited.IsFailure)
            {
                return edited.Error is ParFrameworkInvalid invalid ? ParFrameworkMapping.Failed(invalid.Problems) : edited.Error;
            }

            return await SaveAsync(framework, scope, () => new StaleVersion(body.Revision!.Value, body.Revision.Value + 1), ct);
        }

        public async Task<Result<ParFrameworkView>> IssueAsync(Guid id, IssueFrameworkRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (body.DecisionNumber is { Length: > ParFrameworkJson.MaxDecisionLength })
            {
                return ValidationFailed.One("decisionNumber", new FieldMessage("par.decision_length", "Số quyết định dài quá {0} ký tự.", ParFrameworkJson.MaxDecisionLength));
            }

            var loaded = await LoadForChangeAsync(id, body.Revision, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (framework, scope) = loaded.Value;
            var issued = framework.Issue(body.DecisionNumber, body.DecisionDate, Now);
            if (issued.IsFailure)
            {
                return issued.Error is ParFrameworkInvalid invalid ? ParFrameworkMapping.Failed(invalid.Problems) : issued.Error;
            }

            return await SaveAsync(framework, scope, () => new StaleVersion(body.Revision!.Value, body.Revision.Value + 1), ct);
        }

        /// <summary>Sets or clears the self-assessment deadline, on a draft or an issued framework (a schedule, not a rule).</summary>
        public async Task<Result<ParFrameworkView>> SetDeadlineAsync(Guid id, SetDeadlineRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForChangeAsync(id, body.Revision, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var (framework, scope) = loaded.Value;
            var set = framework.SetSelfAssessmentDeadline(body.Deadline);
            if (set.IsFailure)
            {
                return set.Error is ParFrameworkInvalid invalid ? ParFrameworkMapping.Failed(invalid.Problems) : set.Error;
            }

            return await SaveAsync(framework, scope, () => new StaleVersion(body.Revision!.Value, body.Revision.Value + 1), ct);
        }

        /// <summary>Whether the caller writes the frameworks of <paramref name="province"/> (the pages' copy and import forms).</summary>
        public async Task<bool> MayWriteAsync(Guid province, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ForAsync(user, ct);
            return scope.IsSuccess && scope.Value.MayWrite(province);
        }

        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        private async Task<int> NextVersionAsync(Guid province, int year, ParLevel level, CancellationToken ct) =>
            (await db.ParFrameworks.Where(f => f.ProvinceUnitId == province && f.Year == year && f.Level == level)
                .Select(f => (int?)f.Version).MaxAsync(ct) ?? 0) + 1;

        private async Task<Result<(ParFramework Framework, ParIndexAccess.Scope Scope)>> LoadAsync(Guid id, bool write, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var framework = write
                ? await db.ParFrameworks.SingleOrDefaultAsync(f => f.Id == id, ct)
                : await db.ParFrameworks.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
            // A framework of another province is not found rather than forbidden: its existence is not the caller's business.
            if (framework is null || !scope.Value.MayRead(framework.ProvinceUnitId))
            {
                return new NotFoundError($"bộ chỉ số {id}");
            }

            return write && !scope.Value.MayWrite(framework.ProvinceUnitId) ? ParIndexAccess.NotWriter() : (framework, scope.Value);
        }

        private async Task<Result<(ParFramework Framework, ParIndexAccess.Scope Scope)>> LoadForChangeAsync(Guid id, int? revision, ClaimsPrincipal user, CancellationToken ct)
        {
            var loaded = await LoadAsync(id, write: true, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            if (revision is not { } expected)
            {
                return ParUnitRecords.RevisionMissing();
            }

            var actual = loaded.Value.Framework.Revision;
            return actual != expected ? new StaleVersion(expected, actual) : loaded;
        }

        private Task<Result<ParFrameworkView>> SaveAsync(ParFramework framework, ParIndexAccess.Scope scope, Func<Error> onConflict, CancellationToken ct) =>
            ParUnitRecords.SaveAsync(db, () => Task.FromResult(ParFrameworkMapping.ToView(framework, scope.MayWrite(framework.ProvinceUnitId))), onConflict, ct);
    }
}
