using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Pakn;

/// <summary>GET /api/v1/pakn/{id}: the whole case for staff of its units and its signed-in submitter: submitter,
/// contents, deadlines with the settings version, standing against them now, review, answer, publication, reaction,
/// history, and the triggers the caller may fire now (nothing else is offered on screen).</summary>
public static class ReadPakn
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("GetPakn")
            .Produces<PaknView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    public sealed class Handler(AppDbContext db, PaknAccess access, PaknContexts contexts)
    {
        public async Task<Result<PaknView>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
        {
            var pakn = await db.PaknCases.AsNoTracking().Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (pakn is null || DossierAccess.UserId(user) is null)
            {
                return new NotFoundError($"phản ánh, kiến nghị {id}");
            }

            if (!await access.MayReadAsync(user, pakn, ct))
            {
                return await access.DeniedAsync(user, id, ct);
            }

            return await ViewAsync(pakn, user, ct);
        }

        /// <summary>The view of a loaded case (with its whole history) for <paramref name="user"/>.</summary>
        public async Task<PaknView> ViewAsync(PaknCase pakn, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(pakn);
            var roles = await access.RolesAsync(user, pakn, ct);
            var allowed = roles.SelectMany(pakn.AllowedTriggers).Distinct().Order().ToList();
            var calculator = await contexts.CalculatorAsync(pakn.HandlingUnitId, ct);
            var timeliness = PaknTimeliness.Evaluate(pakn, contexts.Now, contexts.Schedule, calculator);
            return PaknViewMapping.ToView(pakn, timeliness.IsSuccess ? timeliness.Value : null, allowed);
        }
    }
}
