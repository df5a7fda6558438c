using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;
using MotCua.Web.Features.DossierNotifications;

namespace MotCua.Web.Features.Dossiers;

/// <summary>POST /api/v1/dossiers/{id}/transitions: fires one trigger at the given <c>version</c>.</summary>
/// <remarks>422 names the rule (<c>dossier.transition_not_allowed</c> …); 403 when the caller's role or unit may not
/// fire it; 409 on a stale version or a concurrent winner. A failed call writes nothing: the domain leaves the dossier
/// untouched on error, and the save (history row, version, counters for <c>Accept</c>) is one transaction.</remarks>
public static class TransitionDossier
{
    // Field limits: DossierFieldLimits, checked at the edge by RequestValidation.
    public sealed record AgencyInput([property: MaxLength(DossierFieldLimits.AgencyName)] string? AgencyName, decimal? OpinionWorkingDays, decimal? Slice);

    /// <summary>The trigger, the version the caller saw, and the trigger's data (only the fields it needs).</summary>
    public sealed record TransitionRequest(
        [property: MaxLength(AppDbContext.EnumMaxLength)] string? Trigger, int? Version,
        [property: MaxLength(DossierFieldLimits.Note)] string? Note = null, [property: MaxLength(DossierFieldLimits.Reason)] string? Reason = null,
        [property: MaxLength(DossierFieldLimits.SupplementItems), EachMaxLength(DossierFieldLimits.SupplementItem)] IReadOnlyList<string>? Items = null,
        Guid? OfficerId = null, DateTime? NewAppointmentAt = null, [property: MaxLength(DossierFieldLimits.SignerName)] string? SignerName = null,
        decimal? Amount = null, [property: MaxLength(DossierFieldLimits.FinancialObligationDescription)] string? Description = null,
        [property: MaxLength(DossierFieldLimits.ReceiptNumber)] string? ReceiptNumber = null,
        [property: MaxLength(DossierFieldLimits.Agencies)] IReadOnlyList<AgencyInput>? Agencies = null, bool Parallel = false,
        [property: MaxLength(DossierFieldLimits.AgencyName)] string? AgencyName = null, [property: MaxLength(DossierFieldLimits.Opinion)] string? Opinion = null,
        DateTime? HandoverSignedAt = null,
        [property: MaxLength(DossierFieldLimits.Carrier)] string? Carrier = null,
        [property: MaxLength(DossierFieldLimits.TrackingNumber)] string? TrackingNumber = null, DateTime? SentAt = null, DateTime? DeliveredAt = null,
        CreateDossier.ApplicantInput? Applicant = null);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/transitions", async (Guid id, TransitionRequest body, HttpRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(id, body, user, request.Headers[IdempotentResponses.Header].ToString(), ct)).ToHttpResult(TypedResults.Ok))
            .WithName("TransitionDossier")
            .ProducesTransitionAnswers();

    /// <summary>POST /api/v1/dossiers/{id}/transitions/preview: the same call as a dry run. The trigger runs on the
    /// dossier exactly as it would (same checks, same domain code) and the answer is what the real call would return
    /// (new status, appointments, end of processing, allowed triggers, history entry), but nothing is saved: no
    /// history, no version change, no notification, no number allocated. Screens show it before the user confirms.</summary>
    /// <remarks>For <c>Accept</c> the dossier code is not allocated, so the preview's <c>code</c> stays empty.</remarks>
    public static RouteHandlerBuilder MapPreview(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/transitions/preview", async (Guid id, TransitionRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.PreviewAsync(id, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("PreviewDossierTransition")
            .WithSummary("Dry run of a transition: the outcome the real call would have, nothing saved")
            .ProducesTransitionAnswers();

    // The real call and its dry run answer alike.
    private static RouteHandlerBuilder ProducesTransitionAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<DossierTransitioned>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(
        AppDbContext db, TimeProvider clock, DossierAccess access, DossierContexts contexts, ReceiptNumbering numbering,
        IdempotentResponses idempotency, DossierNotifier notifier)
    {
        public async Task<Result<DossierTransitioned>> Handle(Guid id, TransitionRequest body, ClaimsPrincipal user, string? idempotencyKey, CancellationToken ct)
        {
            var parsed = Parse(body);
            if (parsed.IsFailure)
            {
                return parsed.Error;
            }

            var (trigger, version) = parsed.Value;
            if (idempotencyKey is { Length: > IdempotentResponses.MaxKeyLength })
            {
                return IdempotentResponses.KeyTooLong();
            }

            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            // A retried Accept (or any trigger) with the same key answers as the first call did instead of 409.
            var key = IdempotentResponses.For(userId, idempotencyKey, $"POST /dossiers/{id:D}/transitions", body);
            if (key is not null && await idempotency.ReplayAsync<DossierTransitioned>(key, ct) is { } earlier)
            {
                return earlier;
            }

            try
            {
                var fired = await DossierSequences.RetryOnBusyAsync(token => FireAsync(id, trigger, version, body, userId, key, dryRun: false, token), ct);
                if (key is not null && fired is { IsFailure: true, Error: StaleVersion }
                    && await idempotency.ReplayAsync<DossierTransitioned>(key, ct) is { } winner)
                {
                    // The same keyed call, sent twice at once, committed first on the other request.
                    return winner;
                }

                return fired;
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                if (key is not null && await idempotency.ReplayAsync<DossierTransitioned>(key, ct) is { } replayed)
                {
                    return replayed;
                }

                // Another call changed the dossier between our read and our write (version token, or the same
                // history sequence inserted first).
                var current = await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).SingleOrDefaultAsync(ct);
                return new StaleVersion(version, current);
            }
        }

        /// <summary>The dry run behind <see cref="MapPreview"/>: <see cref="FireAsync"/> with nothing saved.</summary>
        public async Task<Result<DossierTransitioned>> PreviewAsync(Guid id, TransitionRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            var parsed = Parse(body);
            if (parsed.IsFailure)
            {
                return parsed.Error;
            }

            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var (trigger, version) = parsed.Value;
            return await FireAsync(id, trigger, version, body, userId, key: null, dryRun: true, ct);
        }

        private static Result<(DossierTrigger Trigger, int Version)> Parse(TransitionRequest body)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (!Enum.TryParse<DossierTrigger>(body.Trigger, ignoreCase: false, out var trigger) || !Enum.IsDefined(trigger)
                || int.TryParse(body.Trigger, out _))
            {
                return ValidationFailed.One("trigger", new FieldMessage("dossier.unknown_trigger", "Thao tác '{0}' không tồn tại.", body.Trigger));
            }

            return body.Version is { } version
                ? (trigger, version)
                : ValidationFailed.One("version", new FieldMessage("dossier.version_required", "Phải gửi phiên bản hồ sơ (version) đã đọc."));
        }

        // Compiled once: every transition starts with this load, and EF's per-call query lookup was a measurable share of
        // the CPU of a transition (docs/benchmarks.md).
        private static readonly CompiledQuery<Func<AppDbContext, Guid, CancellationToken, Task<Dossier?>>> LoadForTransition =
            new(() => EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken ct) => db.Dossiers
                .Include(d => d.Steps).Include(d => d.Supplements).Include(d => d.Consultations)
                .AsSingleQuery()
                .SingleOrDefault(d => d.Id == id)));

        // dryRun: the same load, checks and domain call, then the changes are dropped instead of saved (the preview).
        private async Task<Result<DossierTransitioned>> FireAsync(
            Guid id, DossierTrigger trigger, int version, TransitionRequest body, Guid userId, IdempotentResponses.Key? key, bool dryRun,
            CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            // Without the history: the domain appends after HistoryHash at sequence Version. The three small collections
            // come in one round trip (a dossier has a handful of steps and rarely a supplement or consultation).
            var dossier = await LoadForTransition.For(db)(db, id, ct);
            if (dossier is null)
            {
                return new NotFoundError($"hồ sơ {id}");
            }

            var roles = await access.ActorRolesAsync(userId, dossier, ct);
            if (roles.Count == 0)
            {
                return await access.DeniedAsync(userId, dossier.Id, ct);
            }

            if (dossier.Version != version)
            {
                return new StaleVersion(version, dossier.Version);
            }

            // The role the table allows for this trigger, if the caller holds one; otherwise any of theirs, so that the
            // domain reports the table (422) before the role (403).
            var allowed = DossierWorkflow.Roles.GetValueOrDefault(trigger);
            var role = roles.FirstOrDefault(r => allowed?.Contains(r) == true, roles[0]);
            var now = clock.GetUtcNow().UtcDateTime;
            var built = await contexts.BuildForTransitionAsync(dossier.ProcedureId, dossier.ReceivingUnitId, new DossierActor(userId, role), now, ct);
            if (built.IsFailure)
            {
                return built.Error;
            }

            var (context, deskId) = built.Value;
            string? unitCode = null;
            if (trigger == DossierTrigger.Accept)
            {
                (context, unitCode) = await contexts.WithUnitsAsync(context, dossier.ReceivingUnitId, dossier.CompetentUnitId, ct);
            }

            // Only Accept allocates numbers (the code and the register line), which must commit with the dossier; any
            // other trigger is one SaveChanges, atomic on its own.
            await using var transaction = trigger == DossierTrigger.Accept && !dryRun ? await DossierSequences.BeginAsync(db, ct) : null;
            var command = await CommandAsync(trigger, body, dossier, now, unitCode, dryRun, ct);
            if (command.IsFailure)
            {
                return command.Error;
            }

            var fired = dossier.Fire(command.Value, context);
            if (fired.IsFailure)
            {
                return fired.Error;
            }

            if (dryRun)
            {
                var preview = DossierTransitioned.From(dossier, fired.Value, roles, now);
                db.ChangeTracker.Clear();
                return trigger == DossierTrigger.Accept ? preview with { Code = null } : preview;
            }

            if (trigger == DossierTrigger.Accept)
            {
                await numbering.AddRegisterLineAsync(dossier, deskId, ct);
            }

            var response = DossierTransitioned.From(dossier, fired.Value, roles, now);
            if (key is not null)
            {
                idempotency.Record(key, dossier.Id, StatusCodes.Status200OK, response, now);
            }

            // Hook (dossier-docs): the citizen's notification joins this unit of work, so it commits with the transition.
            await notifier.EnqueueAsync(dossier, now, ct);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return response;
        }

        // Accept allocates the code inside the transaction, for the legal reception date (the handover record's date for
        // a postal dossier, QĐ 45/2016 Art. 7(4)).
        // A dry run takes no number: the code is formed with sequence 1 and dropped with the rest.
        private async Task<Result<DossierCommand>> CommandAsync(
            DossierTrigger trigger, TransitionRequest b, Dossier dossier, DateTime now, string? unitCode, bool dryRun, CancellationToken ct)
        {
            switch (trigger)
            {
                case DossierTrigger.Accept:
                    var handover = b.HandoverSignedAt is { } h ? VietnamTime.AsUtc(h) : (DateTime?)null;
                    var date = VietnamTime.BusinessDate(handover ?? now);
                    if (!DossierWorkflow.Transitions.ContainsKey((dossier.Status, trigger)))
                    {
                        return new TransitionNotAllowed(dossier.Status, trigger);
                    }

                    var code = dryRun
                        ? await numbering.CodeWithoutAllocatingAsync(dossier.ReceivingUnitId, date, unitCode, ct)
                        : await numbering.NextCodeAsync(dossier.ReceivingUnitId, date, unitCode, ct);
                    return code.IsFailure ? code.Error : new AcceptCommand(code.Value, handover, b.Note);
                case DossierTrigger.RequestSupplement:
                case DossierTrigger.RequestDeskSupplement:
                    return new RequestSupplementCommand(b.Reason ?? "", b.Items ?? [], trigger == DossierTrigger.RequestDeskSupplement, b.Note);
                case DossierTrigger.RefuseAtReceipt:
                case DossierTrigger.Reject:
                case DossierTrigger.Stop:
                case DossierTrigger.CorrectResult:
                    return new ReasonCommand(trigger, b.Reason ?? "", b.Note);
                case DossierTrigger.Withdraw:
                    return b.Reason is null ? new TriggerCommand(trigger, b.Note) : new ReasonCommand(trigger, b.Reason, b.Note);
                case DossierTrigger.Assign:
                    if (b.OfficerId is not { } officer)
                    {
                        return ValidationFailed.One("officerId", new FieldMessage("dossier.officer_required", "Phải chọn chuyên viên xử lý."));
                    }

                    return await access.AssigneeErrorAsync(officer, dossier.CompetentUnitId, ct) is { } notEligible
                        ? notEligible
                        : new AssignCommand(officer, b.Note);
                case DossierTrigger.RequestConsultation:
                    return new RequestConsultationCommand(
                        [.. (b.Agencies ?? []).Select(a => new ConsultationRequest(a.AgencyName ?? "", a.OpinionWorkingDays ?? 0))], b.Note);
                case DossierTrigger.RecordOpinion:
                    return new RecordOpinionCommand(b.AgencyName ?? "", b.Opinion ?? "", b.Note);
                case DossierTrigger.SendToInterAgency:
                    return new SendToInterAgencyCommand(
                        b.Agencies is null ? null : [.. b.Agencies.Select(a => new InterAgencySlice(a.AgencyName ?? "", a.Slice ?? 0))], b.Parallel, b.Note);
                case DossierTrigger.CompleteInterAgencyStep:
                    return new CompleteInterAgencyStepCommand(b.AgencyName, b.Note);
                case DossierTrigger.RequestFinancialObligation:
                    return b.Amount is { } amount
                        ? new RequestFinancialObligationCommand(amount, b.Description, b.Note)
                        : ValidationFailed.One("amount", new FieldMessage("dossier.amount_required", "Phải nhập số tiền."));
                case DossierTrigger.ConfirmPayment:
                    return new ConfirmPaymentCommand(b.ReceiptNumber, b.Note);
                case DossierTrigger.ReturnResult:
                    return new ReturnResultCommand(b.Carrier, b.TrackingNumber, b.SentAt is { } sent ? VietnamTime.AsUtc(sent) : null, b.Note);
                case DossierTrigger.RecordDelivery:
                    return b.DeliveredAt is { } delivered
                        ? new RecordDeliveryCommand(VietnamTime.AsUtc(delivered), b.Note)
                        : ValidationFailed.One("deliveredAt", new FieldMessage("dossier.delivered_at_required", "Phải nhập thời điểm phát thành công."));
                case DossierTrigger.CorrectApplicant:
                    return b.Applicant is { } a
                        ? new CorrectApplicantCommand(new Applicant(a.FullName ?? "", a.IdentityNumber, a.Phone, a.Email, a.Address), b.Reason ?? "", b.Note)
                        : ValidationFailed.One("applicant", new FieldMessage("dossier.applicant_required", "Phải gửi thông tin người nộp sau khi sửa."));
                case DossierTrigger.IssueApology:
                    return b.NewAppointmentAt is { } at
                        ? new IssueApologyCommand(b.Reason ?? "", VietnamTime.AsUtc(at), b.SignerName ?? "", b.Note)
                        : ValidationFailed.One("newAppointmentAt", new FieldMessage("dossier.new_appointment_required", "Phải nhập ngày hẹn trả mới."));
                default:
                    return new TriggerCommand(trigger, b.Note);
            }
        }
    }
}
