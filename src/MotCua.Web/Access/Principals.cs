using System.Security.Claims;

namespace MotCua.Web.Access;

/// <summary>Who a signed-in principal is. What they may do is decided by <c>DossierAccess</c> with
/// <see cref="Domain.Access.UnitAuthorization"/> (role AND unit).</summary>
public static class Principals
{
    /// <summary>The Identity user id of a signed-in principal.</summary>
    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
