using System.Reflection;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalogue;
using MotCua.Domain.Catalogue.Fixture;

namespace MotCua.Persistence.Seeding;

/// <summary>
/// Loads the procedure catalogue (reference data, not demo data) from the embedded <c>procedures.json</c>
/// (Seeding/Procedures/README.md) into the database.
/// </summary>
/// <remarks>
/// Idempotent by (code, version): a stored version is never rewritten, so local corrections made by administrators
/// survive a restart. A version the fixture adds is inserted, and a stored open-ended version that the fixture now
/// closes gets its <see cref="Procedure.ValidTo"/>, so that versions of one code never overlap in force.
/// </remarks>
public static class CatalogueSeeder
{
    /// <summary>Manifest name of the embedded fixture.</summary>
    public const string ResourceName = "MotCua.Persistence.Seeding.Procedures.procedures.json";

    /// <summary>Parses the embedded fixture; an invalid fixture is a build defect, so it throws.</summary>
    /// <exception cref="InvalidOperationException">The embedded file is missing or rejected by <see cref="ProcedureFixture.Parse"/>.</exception>
    public static IReadOnlyList<Procedure> LoadEmbeddedFixture()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var parsed = ProcedureFixture.Parse(reader.ReadToEnd());
        return parsed.IsSuccess
            ? parsed.Value
            : throw new InvalidOperationException($"The embedded procedure catalogue is invalid: {parsed.Error.Message}");
    }

    /// <summary>Seeds the embedded catalogue.</summary>
    public static Task<CatalogueSeedResult> SeedAsync(AppDbContext db, CancellationToken ct = default) =>
        SeedAsync(db, LoadEmbeddedFixture(), ct);

    /// <summary>Seeds <paramref name="procedures"/> (validated versions, e.g. from <see cref="ProcedureFixture.Parse"/>).</summary>
    public static async Task<CatalogueSeedResult> SeedAsync(AppDbContext db, IEnumerable<Procedure> procedures, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(procedures);
        var stored = (await db.Procedures
                .Select(p => new { p.Code, p.Version, p.Id, p.ValidTo })
                .ToListAsync(ct))
            .ToDictionary(p => (p.Code, p.Version));

        var added = 0;
        var closed = 0;
        foreach (var procedure in procedures)
        {
            if (!stored.TryGetValue((procedure.Code, procedure.Version), out var existing))
            {
                db.Procedures.Add(procedure);
                added++;
            }
            else if (existing.ValidTo is null && procedure.ValidTo is { } validTo)
            {
                // A superseded version is closed by the fixture; the row otherwise stays as stored.
                await db.Procedures.Where(p => p.Id == existing.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ValidTo, (DateOnly?)validTo), ct);
                closed++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new CatalogueSeedResult(added, closed);
    }
}
