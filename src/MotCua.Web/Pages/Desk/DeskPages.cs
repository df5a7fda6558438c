using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Desk;

/// <summary>What every desk page shares: the role-and-unit check through <see cref="DossierAccess"/> (a dossier of
/// another unit is "not found", as the API answers a citizen); engine errors reach the page through <see cref="PageErrors"/>.</summary>
public sealed class DeskPages(AppDbContext db, DossierAccess access)
{
    /// <summary>Whether the caller is a desk officer of the dossier's receiving unit today; <see langword="false"/> also
    /// for an unknown dossier, so that the page cannot tell the two apart.</summary>
    public async Task<bool> MayServeAsync(Guid dossierId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return false;
        }

        var units = await db.Dossiers.AsNoTracking().Where(d => d.Id == dossierId)
            .Select(d => new { d.ReceivingUnitId, d.CompetentUnitId }).SingleOrDefaultAsync(ct);
        return units is not null
            && (await access.ActorRolesAsync(userId, units.ReceivingUnitId, units.CompetentUnitId, ct)).Contains(DossierActorRole.DeskOfficer);
    }
}
