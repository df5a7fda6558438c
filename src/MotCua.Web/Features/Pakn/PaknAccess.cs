using System.Security.Claims;
using MotCua.Domain.Access;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Pakn;

/// <summary>Who may do what on a PAKN case: the staff roles by unit, through <see cref="DossierAccess"/> (role AND unit),
/// mapped onto the workflow's roles (domain.md §10.4):
/// <list type="bullet">
/// <item>reception officer: a desk officer of the receiving unit (ND 61/2018 Art. 8(1)(đ): the desk receives PAKN);</item>
/// <item>handling officer: a handling officer of the handling unit;</item>
/// <item>approver and publisher: the agency head of the handling unit (ND 20/2008 Art. 14(2)(d), 19);</item>
/// <item>citizen: the submitter's own account (signed in), or whoever holds the tracking code and the phone's last digits.</item>
/// </list></summary>
public sealed class PaknAccess(DossierAccess access)
{
    /// <summary>The workflow roles <paramref name="user"/> holds on <paramref name="pakn"/> today.</summary>
    public async Task<IReadOnlyList<PaknActorRole>> RolesAsync(ClaimsPrincipal user, PaknCase pakn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pakn);
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return [];
        }

        var roles = new List<PaknActorRole>();
        var staff = await access.ActorRolesAsync(userId, pakn.ReceivingUnitId, pakn.HandlingUnitId, ct);
        if (staff.Contains(DossierActorRole.DeskOfficer))
        {
            roles.Add(PaknActorRole.ReceptionOfficer);
        }

        if (staff.Contains(DossierActorRole.HandlingOfficer))
        {
            roles.Add(PaknActorRole.HandlingOfficer);
        }

        if (staff.Contains(DossierActorRole.AgencyHead))
        {
            roles.AddRange([PaknActorRole.Approver, PaknActorRole.Publisher]);
        }

        if (pakn.Submitter.AccountId == userId && await access.HasRoleAsync(userId, StaffRole.Citizen, ct))
        {
            roles.Add(PaknActorRole.Citizen);
        }

        return roles;
    }

    /// <summary>Whether <paramref name="user"/> may read <paramref name="pakn"/>: any staff role on either unit (including
    /// administrators and Home Affairs appraisers in scope), or the submitter.</summary>
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, PaknCase pakn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pakn);
        return DossierAccess.UserId(user) is { } userId
            && (await access.MayReadAsync(userId, pakn.ReceivingUnitId, pakn.HandlingUnitId, ct) || (await RolesAsync(user, pakn, ct)).Count > 0);
    }

    /// <summary>The answer for a caller with no right on a case: a citizen (no staff unit) gets "not found", so that other
    /// people's cases are not disclosed; staff keep the 403 that names the unit scope.</summary>
    public async Task<MotCua.Domain.Common.Error> DeniedAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        DossierAccess.UserId(user) is { } userId && (await access.ReadableUnitsAsync(userId, ct)).Count > 0
            ? new Api.OutOfScope("phản ánh, kiến nghị không thuộc đơn vị của bạn")
            : new Api.NotFoundError($"phản ánh, kiến nghị {id}");

    /// <summary>The units whose PAKN the caller may list: every unit they may read dossiers of.</summary>
    public Task<HashSet<Guid>> ReadableUnitsAsync(Guid userId, CancellationToken ct) => access.ReadableUnitsAsync(userId, ct);

    /// <summary>The units on which the caller receives PAKN at the desk.</summary>
    public Task<HashSet<Guid>> DeskUnitsAsync(Guid userId, CancellationToken ct) => access.UnitsWithRoleAsync(userId, StaffRole.DeskOfficer, ct);

    /// <summary>The first of <paramref name="roles"/> the table lets fire <paramref name="trigger"/>: a head who is also
    /// the publisher decides as approver and publishes as publisher.</summary>
    public static PaknActorRole? RoleFor(IReadOnlyList<PaknActorRole> roles, PaknTrigger trigger) =>
        roles.Where(r => PaknWorkflow.RoleMayFire(r, trigger)).Select(r => (PaknActorRole?)r).FirstOrDefault();
}
