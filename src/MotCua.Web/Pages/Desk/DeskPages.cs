using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Common;
using MotCua.Domain.Dossiers;
using MotCua.Persistence;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Desk;

/// <summary>What every desk page shares: the role-and-unit check through <see cref="DossierAccess"/> (a dossier of
/// another unit is "not found", as the API answers a citizen) and how an engine error reaches the page.</summary>
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

    /// <summary>Puts an engine error on the page: field errors under their fields (<paramref name="prefix"/> + the API's
    /// field name), anything else as a page-level message.</summary>
    public static void AddErrors(ModelStateDictionary state, Error error, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(error);
        if (error is ValidationFailed failed)
        {
            foreach (var (field, messages) in failed.Errors)
            {
                foreach (var message in messages)
                {
                    state.AddModelError(prefix + Pascal(field), message);
                }
            }

            return;
        }

        state.AddModelError(string.Empty, error.Message);
    }

    // "applicant.identityNumber" → "Applicant.IdentityNumber": the page's input names.
    private static string Pascal(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
