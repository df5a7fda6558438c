using Microsoft.AspNetCore.Identity;

namespace MotCua.Persistence.Identity;

/// <summary>A person who signs in: staff member or citizen.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>Display name (họ và tên). Personal data: never log it.</summary>
    public string FullName { get; set; } = "";

    /// <summary>The unit whose administrators manage this staff account (it was created there); <see langword="null"/>
    /// for citizens and for accounts made before the administrator area, which are managed through their role units.</summary>
    public Guid? HomeUnitId { get; set; }
}
