using System.Security.Claims;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Desk;

/// <summary>POST /api/v1/dossiers/appointment-preview: the appointment a counter receipt of this procedure at this unit
/// would get if confirmed now, through the same path as <see cref="CreateDossier"/> (procedure terms, the receiving
/// desk's calendar, the version's validity and the units' operation), so that the desk shows it before confirming.</summary>
public static class AppointmentPreview
{
    /// <summary>The procedure and units of the receipt; <c>receivedAt</c> (default now, never later) is the legal receipt
    /// moment when it is not now: the signing of a postal handover record (QĐ 45/2016 Art. 7(4)).</summary>
    public sealed record PreviewRequest(Guid? ProcedureId, Guid? ReceivingUnitId, Guid? CompetentUnitId, DateTime? ReceivedAt = null);

    /// <summary>The instant the preview assumed as the receipt and the appointment it gives.</summary>
    public sealed record Preview(DateTime ReceivedAt, DateTime AppointmentAt, string ProcedureCode, int ProcedureVersion);

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/appointment-preview", async (PreviewRequest body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("PreviewAppointment")
            .Produces<Preview>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public sealed class Handler(TimeProvider clock, DossierAccess access, DossierContexts contexts)
    {
        public async Task<Result<Preview>> Handle(PreviewRequest body, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(body);
            if (body.ProcedureId is not { } procedureId || body.ReceivingUnitId is not { } receivingUnitId)
            {
                return body.ProcedureId is null
                    ? ValidationFailed.One("procedureId", new FieldMessage("dossier.procedure_required", "Phải chọn thủ tục."))
                    : ValidationFailed.One("receivingUnitId", new FieldMessage("dossier.receiving_unit_required", "Phải chọn đơn vị tiếp nhận."));
            }

            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var competentUnitId = body.CompetentUnitId ?? receivingUnitId;
            var roles = await access.ActorRolesAsync(userId, receivingUnitId, competentUnitId, ct);
            if (!roles.Contains(DossierActorRole.DeskOfficer))
            {
                return new OutOfScope("chỉ cán bộ một cửa của đơn vị tiếp nhận được xem trước ngày hẹn trả");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var built = await contexts.BuildAsync(procedureId, receivingUnitId, competentUnitId, new DossierActor(userId, DossierActorRole.DeskOfficer), now, ct);
            if (built.IsFailure)
            {
                return built.Error;
            }

            var (context, procedure, _, _) = built.Value;
            var today = VietnamTime.BusinessDate(now);
            if (!procedure.IsInForceOn(today))
            {
                return new ProcedureNotInForceError(procedure.Code, procedure.Version, today);
            }

            var receivedAt = body.ReceivedAt is { } at ? VietnamTime.AsUtc(at) : now;
            if (receivedAt > now)
            {
                return ValidationFailed.One("receivedAt", new FieldMessage("dossier.received_in_future", "Thời điểm tiếp nhận không được sau thời điểm hiện tại."));
            }

            var due = Dossier.Appointment(receivedAt, context);
            return due.IsFailure ? due.Error : new Preview(receivedAt, due.Value, procedure.Code, procedure.Version);
        }
    }
}
