using System.Security.Claims;
using MotCua.Domain.Access;
using MotCua.Domain.Common;
using MotCua.Domain.ParIndex;
using MotCua.Web.Api;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.ParIndex;

/// <summary>The caller's standing towards the units of one framework's province (role AND unit, through
/// <see cref="DossierAccess.UnitsWithRoleAsync"/>, so a grant covering descendants counts): the units they are an officer
/// of (desk, handling officer, head), those they head, and whether they oversee the province (its Home Affairs appraiser
/// or administrator, <see cref="ParIndexAccess.Scope.MayWrite"/>).</summary>
public sealed record ParUnitStanding(Guid UserId, IReadOnlySet<Guid> Officer, IReadOnlySet<Guid> Head, bool Oversee)
{
    /// <summary>Whether the caller reads <paramref name="unit"/>'s records.</summary>
    public bool Reads(Guid unit) => Oversee || Officer.Contains(unit);

    /// <summary>The caller's standing under <paramref name="framework"/>; 403 when not signed in.</summary>
    public static async Task<Result<ParUnitStanding>> OfAsync(ClaimsPrincipal user, ParFramework framework, ParIndexAccess parAccess, DossierAccess access,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(parAccess);
        ArgumentNullException.ThrowIfNull(access);
        if (DossierAccess.UserId(user) is not { } userId)
        {
            return new OutOfScope("chưa đăng nhập");
        }

        var officer = new HashSet<Guid>();
        foreach (var role in Assessments.Officers)
        {
            officer.UnionWith(await access.UnitsWithRoleAsync(userId, role, ct));
        }

        var head = await access.UnitsWithRoleAsync(userId, StaffRole.AgencyHead, ct);
        var scope = await parAccess.ForAsync(user, ct);
        return new ParUnitStanding(userId, officer, head, scope.IsSuccess && scope.Value.MayWrite(framework.ProvinceUnitId));
    }
}
