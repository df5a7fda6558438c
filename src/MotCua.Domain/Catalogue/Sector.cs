namespace MotCua.Domain.Catalogue;

/// <summary>The sector (lĩnh vực) a procedure belongs to.</summary>
/// <param name="Code">Sector code used for statistics.</param>
/// <param name="Name">Vietnamese name, e.g. "Hộ tịch".</param>
public sealed record Sector(string Code, string Name);
