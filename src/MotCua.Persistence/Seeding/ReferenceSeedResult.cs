namespace MotCua.Persistence.Seeding;

/// <summary>What <see cref="DatabaseSeeder.SeedReferenceDataAsync"/> added.</summary>
/// <param name="RolesAdded">Identity roles created.</param>
/// <param name="HolidaySchedulesAdded">Official yearly holiday schedules loaded for years that had none.</param>
/// <param name="Catalogue">Procedure versions added or closed.</param>
public sealed record ReferenceSeedResult(int RolesAdded, int HolidaySchedulesAdded, CatalogueSeedResult Catalogue);
