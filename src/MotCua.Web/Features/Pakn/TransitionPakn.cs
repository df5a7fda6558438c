using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Pakn;

/// <summary>POST /api/v1/pakn/{id}/transitions: fires one trigger of the PAKN workflow (domain.md §10.4) at the given
/// <c>version</c>, with only the fields that trigger needs. 400 names the field, 403 when the caller's role or unit may
/// not fire it, 409 on a stale version, 422 names the rule; a failed call writes nothing.</summary>
public static class TransitionPakn
{
    public sealed record ReviewInput(
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? Criterion,
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? Verdict,
        [property: MaxLength(PaknFieldLimits.ReviewNote)] string? Note);

    /// <summary>The trigger, the version the caller saw, and the trigger's data:
    /// <c>Refuse</c>, <c>RequestSupplement</c>, <c>ReturnForRevision</c>, <c>ReplyDissatisfied</c>: <c>reason</c>;
    /// <c>Forward</c>: <c>recipientName</c>, <c>reason</c>, optional <c>recipientUnitId</c>;
    /// <c>Classify</c>: <c>classification</c>, <c>kind</c>, <c>categories</c> (Art. 5, 1–8), <c>handlingUnitId</c>;
    /// <c>ProvideSupplement</c>: <c>supplement</c>; <c>RecordReview</c>: <c>review</c> (six criteria);
    /// <c>DraftAnswer</c>: <c>answer</c>, <c>decisionForm</c>; <c>SubmitForPublication</c>: optional <c>publicAnswer</c>;
    /// <c>Publish</c>: optional <c>channels</c>; <c>TransferIn</c>: optional <c>transferredAt</c>.</summary>
    public sealed record PaknTransitionRequest(
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? Trigger, int? Version,
        [property: MaxLength(PaknFieldLimits.Note)] string? Note = null,
        [property: MaxLength(PaknFieldLimits.Reason)] string? Reason = null,
        [property: MaxLength(PaknFieldLimits.BodyName)] string? RecipientName = null, Guid? RecipientUnitId = null,
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? Classification = null,
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? Kind = null,
        [property: MaxLength(8)] IReadOnlyList<int>? Categories = null, Guid? HandlingUnitId = null,
        [property: MaxLength(PaknFieldLimits.Content)] string? Supplement = null,
        [property: MaxLength(12)] IReadOnlyList<ReviewInput>? Review = null,
        [property: MaxLength(PaknFieldLimits.Answer)] string? Answer = null,
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? DecisionForm = null,
        [property: MaxLength(PaknFieldLimits.Answer)] string? PublicAnswer = null,
        [property: MaxLength(8), EachMaxLength(AppDbContext.EnumMaxLength)] IReadOnlyList<string>? Channels = null,
        DateTime? TransferredAt = null);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/transitions", async (Guid id, PaknTransitionRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("TransitionPakn")
            .Produces<PaknView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(AppDbContext db, PaknAccess access, PaknContexts contexts, PaknNotifier notifier, ReadPakn.Handler read)
    {
        public async Task<Result<PaknView>> Handle(Guid id, PaknTransitionRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (!Enum.TryParse<PaknTrigger>(body.Trigger, ignoreCase: false, out var trigger) || !Enum.IsDefined(trigger) || trigger == PaknTrigger.Submit)
            {
                return ValidationFailed.One("trigger", new FieldMessage("pakn.unknown_trigger", "Thao tác không tồn tại."));
            }

            if (body.Version is not { } version)
            {
                return ValidationFailed.One("version", new FieldMessage("api.version_required", "Phải gửi phiên bản (version) đã đọc."));
            }

            var pakn = await db.PaknCases.Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (pakn is null || DossierAccess.UserId(user) is not { } userId)
            {
                return new NotFoundError($"phản ánh, kiến nghị {id}");
            }

            var roles = await access.RolesAsync(user, pakn, ct);
            if (PaknAccess.RoleFor(roles, trigger) is not { } role)
            {
                return await access.MayReadAsync(user, pakn, ct)
                    ? new OutOfScope("vai trò của bạn tại đơn vị không được thực hiện thao tác này đối với phản ánh, kiến nghị")
                    : await access.DeniedAsync(user, id, ct);
            }

            if (pakn.Version != version)
            {
                return new StaleVersion(version, pakn.Version);
            }

            var command = await CommandAsync(trigger, body, ct);
            if (command.IsFailure)
            {
                return command.Error;
            }

            var context = await contexts.ForAsync(pakn.HandlingUnitId, new PaknActor(userId, role), ct);
            var fired = pakn.Fire(command.Value, context);
            if (fired.IsFailure)
            {
                return PaknErrorMapping.ForApi(fired.Error);
            }

            await notifier.AfterAsync(pakn, fired.Value, context.NowUtc, ct);
            return await SaveAsync(pakn, version, user, ct);
        }

        /// <summary>Saves a fired case; a concurrent change (version token, or the same history sequence) is a 409.</summary>
        public async Task<Result<PaknView>> SaveAsync(PaknCase pakn, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(pakn);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                var current = await db.PaknCases.AsNoTracking().Where(c => c.Id == pakn.Id).Select(c => c.Version).SingleOrDefaultAsync(ct);
                return new StaleVersion(version, current);
            }

            return await read.ViewAsync(pakn, user, ct);
        }

        private async Task<Result<PaknCommand>> CommandAsync(PaknTrigger trigger, PaknTransitionRequest body, CancellationToken ct)
        {
            var note = body.Note;
            switch (trigger)
            {
                case PaknTrigger.Refuse or PaknTrigger.RequestSupplement or PaknTrigger.ReturnForRevision or PaknTrigger.ReplyDissatisfied:
                    return new PaknReasonCommand(trigger, body.Reason ?? "", note);
                case PaknTrigger.ReplySatisfied:
                    return string.IsNullOrWhiteSpace(body.Reason) ? new PaknTriggerCommand(trigger, note) : new PaknReasonCommand(trigger, body.Reason, note);
                case PaknTrigger.Forward:
                    return new ForwardPaknCommand(body.RecipientName ?? "", body.Reason ?? "", body.RecipientUnitId, note);
                case PaknTrigger.TransferIn:
                    return new TransferPaknInCommand(body.TransferredAt?.ToUniversalTime(), null, note);
                case PaknTrigger.Classify:
                    var errors = new Dictionary<string, FieldMessage[]>();
                    if (!Enum.TryParse<PaknClassification>(body.Classification, ignoreCase: false, out var classification) || !Enum.IsDefined(classification))
                    {
                        errors["classification"] = [new FieldMessage("pakn.classification_required", "Chọn Regulation (về quy định hành chính) hoặc StaffConduct (về hành vi của cán bộ).")];
                    }

                    if (!Enum.TryParse<PaknKind>(body.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
                    {
                        errors["kind"] = [new FieldMessage("pakn.kind_required", "Chọn Feedback (phản ánh) hoặc Petition (kiến nghị).")];
                    }

                    if (body.Categories is not { Count: > 0 } categories || categories.Any(c => !Enum.IsDefined((PaknContentCategory)c)))
                    {
                        errors["categories"] = [new FieldMessage("pakn.categories_invalid", "Chọn nội dung theo Điều 5 Nghị định 20/2008/NĐ-CP (các số từ 1 đến 8).")];
                        categories = [];
                    }

                    if (body.HandlingUnitId is not { } unit || !await db.OrganisationalUnits.AnyAsync(u => u.Id == unit, ct))
                    {
                        errors["handlingUnitId"] = [new FieldMessage("pakn.handling_unit_required", "Chọn cơ quan xử lý.")];
                        unit = Guid.Empty;
                    }

                    return errors.Count > 0
                        ? new ValidationFailed(errors)
                        : new ClassifyPaknCommand(classification, kind, [.. categories.Select(c => (PaknContentCategory)c)], unit, note);
                case PaknTrigger.ProvideSupplement:
                    return new ProvidePaknSupplementCommand(body.Supplement ?? "", null, note);
                case PaknTrigger.RecordReview:
                    var items = new List<PaknReviewItem>();
                    foreach (var (item, i) in (body.Review ?? []).Select((r, i) => (r, i)))
                    {
                        if (!Enum.TryParse<PaknReviewCriterion>(item?.Criterion, ignoreCase: false, out var criterion) || !Enum.IsDefined(criterion)
                            || !Enum.TryParse<PaknReviewVerdict>(item?.Verdict, ignoreCase: false, out var verdict) || !Enum.IsDefined(verdict))
                        {
                            return ValidationFailed.One($"review[{i}]", new FieldMessage("pakn.review_line_invalid", "Tiêu chí (Necessity, ReasonablenessAndLegality, Simplicity, Feasibility, Consistency, TreatyConformity) và kết luận (Met, NotMet, NotApplicable) không hợp lệ."));
                        }

                        items.Add(new PaknReviewItem(criterion, verdict, item!.Note));
                    }

                    return items.Count == 0
                        ? ValidationFailed.One("review", new FieldMessage("pakn.review_required", "Ghi kết quả rà soát theo các tiêu chí tại Điều 14(2)(c) Nghị định 20/2008/NĐ-CP."))
                        : new RecordPaknReviewCommand(items, note);
                case PaknTrigger.DraftAnswer:
                    return Enum.TryParse<PaknDecisionForm>(body.DecisionForm, ignoreCase: false, out var form) && Enum.IsDefined(form)
                        ? new DraftPaknAnswerCommand(body.Answer ?? "", form, note)
                        : ValidationFailed.One("decisionForm", new FieldMessage("pakn.decision_form_required", "Chọn hình thức xử lý theo Điều 15 Nghị định 20/2008/NĐ-CP."));
                case PaknTrigger.SubmitForPublication:
                    return new SubmitPaknForPublicationCommand(string.IsNullOrWhiteSpace(body.PublicAnswer) ? null : body.PublicAnswer, note);
                case PaknTrigger.Publish:
                    var channels = new List<PaknPublicationChannel>();
                    foreach (var text in body.Channels ?? [])
                    {
                        if (!Enum.TryParse<PaknPublicationChannel>(text, ignoreCase: false, out var channel) || !Enum.IsDefined(channel))
                        {
                            return ValidationFailed.One("channels", new FieldMessage("pakn.publication_channel_invalid", "Kênh công khai: Portal, MassMedia, LetterToSubmitter hoặc Other."));
                        }

                        channels.Add(channel);
                    }

                    return new PublishPaknCommand(channels.Count == 0 ? null : channels, note);
                case PaknTrigger.RecordReactions:
                    return ValidationFailed.One("trigger", new FieldMessage("pakn.reactions_by_system", "Số thích / không thích do hệ thống ghi từ lượt bấm của người dân."));
                default:
                    return new PaknTriggerCommand(trigger, note);
            }
        }
    }
}
