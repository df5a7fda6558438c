using Microsoft.AspNetCore.Identity;

namespace MotCua.Persistence.Identity;

/// <summary>A person who signs in: staff member or citizen.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>Display name (họ và tên). Personal data: never log it.</summary>
    public string FullName { get; set; } = "";
}
