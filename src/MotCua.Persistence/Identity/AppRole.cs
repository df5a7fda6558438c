using Microsoft.AspNetCore.Identity;

namespace MotCua.Persistence.Identity;

/// <summary>An Identity role; the names are the <see cref="Domain.Access.StaffRole"/> member names.</summary>
public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string roleName)
        : base(roleName)
    {
    }
}
