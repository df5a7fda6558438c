using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using MotCua.Web.Api;

namespace MotCua.Web.Features.Dossiers;

/// <summary>GET /api/v1/dossiers/{id}: the dossier with its applicant, history and the caller's allowed triggers. Staff
/// reads of the applicant's data are logged (who, when, which dossier; no personal data in the log); the owner citizen
/// reading their own dossier is not. A citizen asking for someone else's dossier gets 404.</summary>
public static class GetDossier
{
    public const string AuditPurpose = "api.dossier.get";

    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.Handle(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetDossier")
            .Produces<DossierView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public sealed class Handler(AppDbContext db, TimeProvider clock, DossierAccess access)
    {
        public async Task<Result<DossierView>> Handle(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            if (DossierAccess.UserId(user) is not { } userId)
            {
                return new OutOfScope("chưa đăng nhập");
            }

            var dossier = await db.Dossiers.AsNoTracking().Include(d => d.History).Include(d => d.Steps).Include(d => d.Consultations).Include(d => d.Supplements).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == id, ct);
            if (dossier is null)
            {
                return new NotFoundError($"hồ sơ {id}");
            }

            // The owner reading their own dossier is not a staff read of someone else's personal data: not logged.
            var isOwner = await access.IsOwnerAsync(userId, dossier, ct);
            var isStaff = await access.MayReadAsync(userId, dossier.ReceivingUnitId, dossier.CompetentUnitId, ct);
            if (!isOwner && !isStaff)
            {
                return await access.DeniedAsync(userId, dossier.Id, ct);
            }

            if (!isOwner)
            {
                await PersonalDataReadLog.AppendAsync(db, userId, dossier.Id, clock.GetUtcNow().UtcDateTime, AuditPurpose, ct);
            }

            var roles = await access.ActorRolesAsync(userId, dossier, ct);
            return DossierView.From(dossier, roles, clock.GetUtcNow().UtcDateTime);
        }
    }
}
