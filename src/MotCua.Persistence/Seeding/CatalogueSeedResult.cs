namespace MotCua.Persistence.Seeding;

/// <summary>What a catalogue seeding run changed: versions inserted, and stored versions whose validity the fixture ended.</summary>
public sealed record CatalogueSeedResult(int VersionsAdded, int VersionsClosed);
