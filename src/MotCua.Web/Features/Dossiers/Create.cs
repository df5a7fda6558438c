using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;
using MotCua.Web.Features.DossierNotifications;

namespace MotCua.Web.Features.Dossiers;

/// <summary>POST /api/v1/dossiers: counter receipt (→ Received with code), counter refusal, online or postal submission
/// (→ Submitted, no code). Honours <c>Idempotency-Key</c>.</summary>
public static class CreateDossier
{
    // Field limits: DossierFieldLimits, checked at the edge by RequestValidation.
    public sealed record ApplicantInput(
        [property: MaxLength(DossierFieldLimits.ApplicantFullName)] string? FullName,
        [property: MaxLength(DossierFieldLimits.ApplicantIdentityNumber)] string? IdentityNumber,
        [property: MaxLength(DossierFieldLimits.ApplicantPhone)] string? Phone,
        [property: MaxLength(DossierFieldLimits.ApplicantEmail)] string? Email,
        [property: MaxLength(DossierFieldLimits.ApplicantAddress)] string? Address);

    /// <summary>One checklist line: the required document's 0-based index in the procedure version, the form received
    /// (<c>Original</c>, <c>CertifiedCopy</c>, <c>Copy</c>, <c>Scan</c>) and the number of copies.</summary>
    public sealed record ChecklistInput(int? DocumentIndex, Domain.Catalogue.DocumentForms? ReceivedAs, int? Copies);

    public sealed record CreateDossierRequest(
        DossierChannel? Channel, Guid? ProcedureId, Guid? ReceivingUnitId, Guid? CompetentUnitId, ApplicantInput? Applicant,
        [property: MaxLength(DossierFieldLimits.Reason)] string? RefuseReason = null, [property: MaxLength(DossierFieldLimits.Note)] string? Note = null,
        [property: MaxLength(DossierFieldLimits.ChecklistItems)] IReadOnlyList<ChecklistInput>? Checklist = null,
        ResultReturnMethod? ReturnMethod = null, [property: MaxLength(DossierFieldLimits.ReturnAddress)] string? ReturnAddress = null);

    /// <summary>The outcome: the response and whether it is a replay of an earlier call.</summary>
    public sealed record Outcome(DossierCreated Response, bool Replayed);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (CreateDossierRequest body, HttpRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
            {
                var result = await handler.Handle(body, user, request.Headers[IdempotentResponses.Header].ToString(), ct);
                return result.ToHttpResult(o => TypedResults.Created($"/api/v1/dossiers/{o.Response.Id}", o.Response));
            })
            .WithName("CreateDossier")
            .Produces<DossierCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(
        AppDbContext db, TimeProvider clock, DossierAccess access, DossierContexts contexts, ReceiptNumbering numbering,
        IdempotentResponses idempotency, DossierNotifier notifier)
    {
        public async Task<Result<Outcome>> Handle(CreateDossierRequest body, ClaimsPrincipal user, string? idempotencyKey, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            var invalid = Validate(body, idempotencyKey);
            if (invalid is not null)
            {
                return invalid;
            }

            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var receivingUnitId = body.ReceivingUnitId!.Value;
            var competentUnitId = body.CompetentUnitId ?? receivingUnitId;
            var roles = await access.ActorRolesAsync(userId, receivingUnitId, competentUnitId, ct);
            DossierActorRole role;
            if (roles.Contains(DossierActorRole.DeskOfficer))
            {
                role = DossierActorRole.DeskOfficer;
            }
            else if (body.Channel == DossierChannel.Online && await access.HasRoleAsync(userId, StaffRole.Citizen, ct))
            {
                role = DossierActorRole.Citizen;
            }
            else
            {
                return new OutOfScope("chỉ cán bộ một cửa của đơn vị tiếp nhận được tạo hồ sơ");
            }

            var key = IdempotentResponses.For(userId, idempotencyKey, "POST /dossiers", body);
            if (key is not null && await ReplayAsync(key, ct) is { } earlier)
            {
                return earlier;
            }

            try
            {
                return await DossierSequences.RetryOnBusyAsync(
                    token => CreateAsync(body, userId, role, receivingUnitId, competentUnitId, key, token), ct);
            }
            catch (DbUpdateException e) when (key is not null && DatabaseErrors.IsUniqueViolation(e))
            {
                // A concurrent retry with the same key committed first (primary-key conflict): answer as it did.
                db.ChangeTracker.Clear();
                return await ReplayAsync(key, ct) ?? throw new InvalidOperationException("Idempotency conflict without a stored response.", e);
            }
        }

        private async Task<Result<Outcome>> CreateAsync(
            CreateDossierRequest body, Guid userId, DossierActorRole role, Guid receivingUnitId, Guid competentUnitId,
            IdempotentResponses.Key? key, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            var built = await contexts.BuildAsync(body.ProcedureId!.Value, receivingUnitId, competentUnitId, new DossierActor(userId, role), now, ct);
            if (built.IsFailure)
            {
                return built.Error;
            }

            var (context, procedure, deskId, unitCode) = built.Value;
            // A dossier is judged by the procedure version in force on the day it is submitted (architecture.md:
            // rules are versioned data); an expired or future version cannot start a new dossier.
            var today = VietnamTime.BusinessDate(now);
            if (!procedure.IsInForceOn(today))
            {
                return new ProcedureNotInForceError(procedure.Code, procedure.Version, today);
            }

            if (unitCode is null)
            {
                return new NotFoundError($"đơn vị {receivingUnitId}");
            }

            var a = body.Applicant!;
            // Desk additions (issue 8): the counter checklist against the version's required documents, and the return
            // method chosen at receipt (QĐ 45/2016 Art. 4).
            var checklist = await ReceiptChecklist.BuildAsync(db, procedure.Id, body.Checklist, ct);
            if (checklist.IsFailure)
            {
                return checklist.Error;
            }

            var data = new NewDossier(procedure.Id, procedure.Version, receivingUnitId, competentUnitId, body.Channel!.Value,
                ApplicantRules.Tidy(new Applicant(a.FullName!, a.IdentityNumber, a.Phone, a.Email, a.Address)), Note: body.Note,
                OwnerUserId: role == DossierActorRole.Citizen ? userId : null,
                Checklist: checklist.Value, ReturnMethod: body.ReturnMethod ?? ResultReturnMethod.AtDesk, ReturnAddress: body.ReturnAddress);

            // Everything below runs in one transaction: the counters, the dossier, its register line and the
            // idempotency row commit together or not at all (no gap, no orphan).
            await using var transaction = await DossierSequences.BeginAsync(db, ct);
            if (key is not null && await ReplayAsync(key, ct) is { } earlier)
            {
                return earlier;
            }

            Result<Dossier> created;
            if (body.Channel is DossierChannel.Online or DossierChannel.Postal)
            {
                created = Dossier.Submit(data, context);
            }
            else if (!string.IsNullOrWhiteSpace(body.RefuseReason))
            {
                created = Dossier.RefuseAtCounter(data, body.RefuseReason, context);
            }
            else
            {
                var code = await numbering.NextCodeAsync(receivingUnitId, today, unitCode, ct);
                created = code.IsFailure ? code.Error : Dossier.ReceiveAtCounter(data, code.Value, context);
            }

            if (created.IsFailure)
            {
                return created.Error;
            }

            var dossier = created.Value;
            db.Dossiers.Add(dossier);
            var registerNumber = await numbering.AddRegisterLineAsync(dossier, deskId, ct);
            var response = new DossierCreated(dossier.Id, dossier.Code?.Format(), DossierWorkflow.ApiName(dossier.Status),
                dossier.CurrentAppointmentAt, dossier.Version, registerNumber);
            if (key is not null)
            {
                idempotency.Record(key, dossier.Id, StatusCodes.Status201Created, response, now);
            }

            // Hook (dossier-docs): the receipt notification joins this unit of work, so it commits with the dossier.
            await notifier.EnqueueAsync(dossier, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Outcome(response, Replayed: false);
        }

        private async Task<Result<Outcome>?> ReplayAsync(IdempotentResponses.Key key, CancellationToken ct) =>
            await idempotency.ReplayAsync<DossierCreated>(key, ct) is { } replayed
                ? replayed.IsSuccess ? new Outcome(replayed.Value, Replayed: true) : replayed.Error
                : null;

        private static ValidationFailed? Validate(CreateDossierRequest body, string? idempotencyKey)
        {
            var errors = new Dictionary<string, FieldMessage[]>();
            if (body.Channel is null)
            {
                errors["channel"] = [new FieldMessage("dossier.channel_required", "Phải chọn kênh nộp (InPerson, Online, Postal).")];
            }

            if (body.ProcedureId is null)
            {
                errors["procedureId"] = [new FieldMessage("dossier.procedure_required", "Phải chọn thủ tục.")];
            }

            if (body.ReceivingUnitId is null)
            {
                errors["receivingUnitId"] = [new FieldMessage("dossier.receiving_unit_required", "Phải chọn đơn vị tiếp nhận.")];
            }

            if (string.IsNullOrWhiteSpace(body.Applicant?.FullName))
            {
                errors["applicant.fullName"] = [new FieldMessage("dossier.applicant_name_required", "Phải nhập tên người nộp hồ sơ.")];
            }
            else
            {
                var a = body.Applicant;
                foreach (var (field, message) in ApplicantRules.Problems(new Applicant(a.FullName, a.IdentityNumber, a.Phone, a.Email, a.Address)))
                {
                    errors["applicant." + field] = [message];
                }
            }

            if (body.ReturnMethod == ResultReturnMethod.Postal && string.IsNullOrWhiteSpace(body.ReturnAddress))
            {
                errors["returnAddress"] = [new FieldMessage("dossier.return_address_required", "Phải nhập địa chỉ nhận kết quả qua bưu chính.")];
            }

            if (idempotencyKey is { Length: > IdempotentResponses.MaxKeyLength })
            {
                errors[IdempotentResponses.Header] = [IdempotentResponses.KeyTooLongMessage];
            }

            return errors.Count > 0 ? new ValidationFailed(errors) : null;
        }
    }
}
