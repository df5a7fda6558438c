namespace MotCua.Persistence.DataProtection;

/// <summary>One ASP.NET Core data-protection key (XML), shared by every web node through the database.</summary>
public sealed class DataProtectionKeyEntity
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
