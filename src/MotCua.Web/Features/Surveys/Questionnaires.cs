using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Surveys;
using MotCua.Persistence;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Surveys;

/// <summary>SIPAS questionnaires (domain.md §9.1), versioned like every rule set (domain.md §0.3):
/// <list type="bullet">
/// <item>GET /api/v1/surveys/questionnaires, GET …/{id}: Home Affairs and administrators;</item>
/// <item>POST …/questionnaires: version 1 of a new code, as a draft; PUT …/{id}: a draft's new content at its
/// <c>revision</c>; POST …/{id}/publish: the draft becomes immutable; POST …/{id}/versions: a new draft copied from a
/// published version, numbered after the latest. Writes: Home Affairs appraisers only.</item>
/// </list></summary>
public static class Questionnaires
{
    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/questionnaires", async (ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ListAsync(user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ListQuestionnaires")
            .Produces<IReadOnlyList<QuestionnaireRow>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/questionnaires/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetQuestionnaire")
            .Produces<QuestionnaireView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/questionnaires", async (QuestionnaireDraftRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.CreateAsync(body, user, ct)).ToHttpResult(q => TypedResults.Created($"/api/v1/surveys/questionnaires/{q.Id}", q)))
            .WithName("CreateQuestionnaire")
            .Produces<QuestionnaireView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/questionnaires/{id:guid}", async (Guid id, QuestionnaireRevisionRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ReviseAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("ReviseQuestionnaire")
            .Produces<QuestionnaireView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/questionnaires/{id:guid}/publish", async (Guid id, QuestionnairePublishRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.PublishAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("PublishQuestionnaire")
            .Produces<QuestionnaireView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/questionnaires/{id:guid}/versions", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.NewVersionAsync(id, user, ct)).ToHttpResult(q => TypedResults.Created($"/api/v1/surveys/questionnaires/{q.Id}", q)))
            .WithName("NewQuestionnaireVersion")
            .Produces<QuestionnaireView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A new questionnaire with a code already used (<c>survey.questionnaire_code_taken</c>) → 422.</summary>
    public sealed record QuestionnaireCodeTaken(string QuestionnaireCode)
        : Error("survey.questionnaire_code_taken",
            $"Mã bộ câu hỏi {QuestionnaireCode} đã có; để thay đổi, hãy tạo phiên bản mới từ phiên bản đã công bố.");

    public sealed class Handler(AppDbContext db, SurveyAccess access, TimeProvider clock)
    {
        public async Task<Result<IReadOnlyList<QuestionnaireRow>>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var all = await db.SurveyQuestionnaires.AsNoTracking().ToListAsync(ct);
            return all.OrderBy(q => q.Code, StringComparer.Ordinal).ThenByDescending(q => q.Version).Select(QuestionnaireMapping.ToRow).ToList();
        }

        public async Task<Result<QuestionnaireView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ForAsync(user, ct);
            if (scope.IsFailure)
            {
                return scope.Error;
            }

            var questionnaire = await db.SurveyQuestionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct);
            return questionnaire is null ? NotFound(id) : QuestionnaireMapping.ToView(questionnaire);
        }

        public async Task<Result<QuestionnaireView>> CreateAsync(QuestionnaireDraftRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var writer = await WriterAsync(user, ct);
            if (writer is not null)
            {
                return writer;
            }

            var content = QuestionnaireMapping.Content(body.Title, body.MethodDecision, body.Questions, body.Demographics);
            if (content.IsFailure)
            {
                return content.Error;
            }

            var created = Questionnaire.CreateDraft(Guid.NewGuid(), body.Code ?? "", content.Value, Now);
            if (created.IsFailure)
            {
                return SurveyErrorMapping.ForApi(created.Error);
            }

            var questionnaire = created.Value;
            if (await db.SurveyQuestionnaires.AnyAsync(q => q.Code == questionnaire.Code, ct))
            {
                return new QuestionnaireCodeTaken(questionnaire.Code);
            }

            db.SurveyQuestionnaires.Add(questionnaire);
            return await SaveAsync(questionnaire, () => new QuestionnaireCodeTaken(questionnaire.Code), ct);
        }

        public async Task<Result<QuestionnaireView>> ReviseAsync(Guid id, QuestionnaireRevisionRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForWriteAsync(id, body.Revision, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var content = QuestionnaireMapping.Content(body.Title, body.MethodDecision, body.Questions, body.Demographics);
            if (content.IsFailure)
            {
                return content.Error;
            }

            var revised = loaded.Value.Revise(content.Value);
            return revised.IsFailure
                ? SurveyErrorMapping.ForApi(revised.Error)
                : await SaveAsync(loaded.Value, () => new StaleVersion(body.Revision!.Value, body.Revision.Value + 1), ct);
        }

        public async Task<Result<QuestionnaireView>> PublishAsync(Guid id, QuestionnairePublishRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var loaded = await LoadForWriteAsync(id, body.Revision, user, ct);
            if (loaded.IsFailure)
            {
                return loaded.Error;
            }

            var published = loaded.Value.Publish(Now);
            return published.IsFailure
                ? SurveyErrorMapping.ForApi(published.Error)
                : await SaveAsync(loaded.Value, () => new StaleVersion(body.Revision!.Value, body.Revision.Value + 1), ct);
        }

        public async Task<Result<QuestionnaireView>> NewVersionAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var writer = await WriterAsync(user, ct);
            if (writer is not null)
            {
                return writer;
            }

            var source = await db.SurveyQuestionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct);
            if (source is null)
            {
                return NotFound(id);
            }

            var latest = await db.SurveyQuestionnaires.Where(q => q.Code == source.Code).MaxAsync(q => q.Version, ct);
            var draft = source.NewDraftVersion(Guid.NewGuid(), latest, Now);
            if (draft.IsFailure)
            {
                return SurveyErrorMapping.ForApi(draft.Error);
            }

            db.SurveyQuestionnaires.Add(draft.Value);
            // Two callers numbering the same next version: the unique (Code, Version) lets one through.
            return await SaveAsync(draft.Value, () => new StaleVersion(latest, latest + 1), ct);
        }

        private DateTime Now => clock.GetUtcNow().UtcDateTime;

        private static NotFoundError NotFound(Guid id) => new($"bộ câu hỏi {id}");

        private async Task<Error?> WriterAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ForAsync(user, ct);
            return scope.IsFailure ? scope.Error
                : scope.Value.WritesQuestionnaires ? null
                : new OutOfScope("chỉ cán bộ Sở Nội vụ được soạn và công bố bộ câu hỏi khảo sát");
        }

        private async Task<Result<Questionnaire>> LoadForWriteAsync(Guid id, int? revision, ClaimsPrincipal user, CancellationToken ct)
        {
            var writer = await WriterAsync(user, ct);
            if (writer is not null)
            {
                return writer;
            }

            if (revision is not { } expected)
            {
                return ValidationFailed.One("revision", new FieldMessage("survey.revision_required", "Phải gửi phiên bản chỉnh sửa (revision) đã đọc."));
            }

            var questionnaire = await db.SurveyQuestionnaires.SingleOrDefaultAsync(q => q.Id == id, ct);
            return questionnaire is null ? NotFound(id)
                : questionnaire.Revision != expected ? new StaleVersion(expected, questionnaire.Revision)
                : questionnaire;
        }

        private async Task<Result<QuestionnaireView>> SaveAsync(Questionnaire questionnaire, Func<Error> onConflict, CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return onConflict();
            }

            return QuestionnaireMapping.ToView(questionnaire);
        }
    }
}
