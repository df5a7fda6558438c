using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
    public sealed record ApplicantBody(
        [property: MaxLength(DossierFieldLimits.ApplicantFullName)] string? FullName,
        [property: MaxLength(DossierFieldLimits.ApplicantIdentityNumber)] string? IdentityNumber,
        [property: MaxLength(DossierFieldLimits.ApplicantPhone)] string? Phone,
        [property: MaxLength(DossierFieldLimits.ApplicantEmail)] string? Email,
        [property: MaxLength(DossierFieldLimits.ApplicantAddress)] string? Address);

    public sealed record Body(
        DossierChannel? Channel, Guid? ProcedureId, Guid? ReceivingUnitId, Guid? CompetentUnitId, ApplicantBody? Applicant,
        [property: MaxLength(DossierFieldLimits.Reason)] string? RefuseReason = null, [property: MaxLength(DossierFieldLimits.Note)] string? Note = null);

    /// <summary>The outcome: the response and whether it is a replay of an earlier call.</summary>
    public sealed record Outcome(DossierCreated Response, bool Replayed);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/", async (Body body, HttpRequest request, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
            {
                var key = request.Headers["Idempotency-Key"].ToString();
                var result = await handler.Handle(body, user, key.Length > 0 ? key : null, ct);
                return result.ToHttpResult(o => TypedResults.Created($"/api/v1/dossiers/{o.Response.Id}", o.Response));
            })
            .WithName("CreateDossier")
            .Produces<DossierCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(AppDbContext db, TimeProvider clock, DossierAccess access, DossierContexts contexts, DossierNotifier notifier)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public async Task<Result<Outcome>> Handle(Body body, ClaimsPrincipal user, string? idempotencyKey, CancellationToken ct)
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

            var callerId = userId.ToString("D");
            var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, Json))));
            if (idempotencyKey is not null && await ReplayAsync(callerId, idempotencyKey, requestHash, ct) is { } earlier)
            {
                return earlier;
            }

            try
            {
                return await DossierSequences.RetryOnBusyAsync(
                    token => CreateAsync(body, userId, role, receivingUnitId, competentUnitId, callerId, idempotencyKey, requestHash, token), ct);
            }
            catch (DbUpdateException) when (idempotencyKey is not null)
            {
                // A concurrent retry with the same key committed first (primary-key conflict): answer as it did.
                db.ChangeTracker.Clear();
                return await ReplayAsync(callerId, idempotencyKey, requestHash, ct) ?? throw new InvalidOperationException("Idempotency conflict without a stored response.");
            }
        }

        private async Task<Result<Outcome>> CreateAsync(
            Body body, Guid userId, DossierActorRole role, Guid receivingUnitId, Guid competentUnitId, string callerId,
            string? idempotencyKey, string requestHash, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            var built = await contexts.BuildAsync(body.ProcedureId!.Value, receivingUnitId, new DossierActor(userId, role), now, ct);
            if (built.IsFailure)
            {
                return built.Error;
            }

            var (context, procedure, deskId) = built.Value;
            // A dossier is judged by the procedure version in force on the day it is submitted (architecture.md:
            // rules are versioned data); an expired or future version cannot start a new dossier.
            var today = VietnamTime.BusinessDate(now);
            if (!procedure.IsInForceOn(today))
            {
                return new ProcedureNotInForceError(procedure.Code, procedure.Version, today);
            }

            var unitCode = await db.OrganisationalUnits.Where(u => u.Id == receivingUnitId).Select(u => u.IdentifierCode).SingleOrDefaultAsync(ct);
            if (unitCode is null)
            {
                return new NotFoundError($"đơn vị {receivingUnitId}");
            }

            var a = body.Applicant!;
            var data = new NewDossier(procedure.Id, procedure.Version, receivingUnitId, competentUnitId, body.Channel!.Value,
                new Applicant(a.FullName!.Trim(), a.IdentityNumber, a.Phone, a.Email, a.Address), Note: body.Note,
                OwnerUserId: role == DossierActorRole.Citizen ? userId : null);

            // Everything below runs in one transaction: the counters, the dossier, its register line and the
            // idempotency row commit together or not at all (no gap, no orphan).
            await using var transaction = await DossierSequences.BeginAsync(db, ct);
            if (idempotencyKey is not null && await ReplayAsync(callerId, idempotencyKey, requestHash, ct) is { } earlier)
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
                var date = VietnamTime.BusinessDate(now);
                var sequence = await DossierSequences.NextCodeSequenceAsync(db, receivingUnitId, date, ct);
                var code = DossierCode.Create(unitCode, date, sequence);
                if (code.IsFailure)
                {
                    return code.Error;
                }

                created = Dossier.ReceiveAtCounter(data, code.Value, context);
            }

            if (created.IsFailure)
            {
                return created.Error;
            }

            var dossier = created.Value;
            db.Dossiers.Add(dossier);
            int? registerNumber = null;
            if (dossier.ReceivedAt is { } receivedAt && deskId is { } desk)
            {
                var year = VietnamTime.ToLocal(receivedAt).Year;
                registerNumber = await DossierSequences.NextRegisterNumberAsync(db, desk, year, ct);
                db.DossierRegisterEntries.Add(new DossierRegisterEntry { DossierId = dossier.Id, DeskId = desk, Year = year, Number = registerNumber.Value });
            }

            var response = new DossierCreated(dossier.Id, dossier.Code?.Format(), DossierWorkflow.ApiName(dossier.Status),
                dossier.CurrentAppointmentAt, dossier.Version, registerNumber);
            if (idempotencyKey is not null)
            {
                db.IdempotencyKeys.Add(new IdempotencyRecord
                {
                    CallerId = callerId,
                    Key = idempotencyKey,
                    RequestHash = requestHash,
                    DossierId = dossier.Id,
                    StatusCode = StatusCodes.Status201Created,
                    ResponseBody = JsonSerializer.Serialize(response, Json),
                    CreatedAt = now,
                });
            }

            // Hook (dossier-docs): the receipt notification joins this unit of work, so it commits with the dossier.
            await notifier.EnqueueAsync(dossier, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Outcome(response, Replayed: false);
        }

        private async Task<Result<Outcome>?> ReplayAsync(string callerId, string key, string requestHash, CancellationToken ct)
        {
            var record = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(r => r.CallerId == callerId && r.Key == key, ct);
            if (record is null)
            {
                return null;
            }

            if (record.RequestHash != requestHash)
            {
                return new IdempotencyKeyReused(key);
            }

            return new Outcome(JsonSerializer.Deserialize<DossierCreated>(record.ResponseBody, Json)!, Replayed: true);
        }

        private static ValidationFailed? Validate(Body body, string? idempotencyKey)
        {
            var errors = new Dictionary<string, string[]>();
            if (body.Channel is null)
            {
                errors["channel"] = ["Phải chọn kênh nộp (InPerson, Online, Postal)."];
            }

            if (body.ProcedureId is null)
            {
                errors["procedureId"] = ["Phải chọn thủ tục."];
            }

            if (body.ReceivingUnitId is null)
            {
                errors["receivingUnitId"] = ["Phải chọn đơn vị tiếp nhận."];
            }

            if (string.IsNullOrWhiteSpace(body.Applicant?.FullName))
            {
                errors["applicant.fullName"] = ["Phải nhập tên người nộp hồ sơ."];
            }

            if (idempotencyKey is { Length: > 200 })
            {
                errors["Idempotency-Key"] = ["Khóa tối đa 200 ký tự."];
            }

            return errors.Count > 0 ? new ValidationFailed(errors) : null;
        }
    }
}
