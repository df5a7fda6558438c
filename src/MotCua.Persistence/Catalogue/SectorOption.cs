namespace MotCua.Persistence.Catalogue;

/// <summary>A sector that has procedures in force, for a search filter.</summary>
public sealed record SectorOption(string Code, string Name);
