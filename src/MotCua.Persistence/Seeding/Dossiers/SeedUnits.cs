using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>A receiving unit of generated dossiers: its identifier (for codes) and its desk (for the register book).</summary>
public sealed record SeedUnit(Guid Id, string Identifier, Guid? DeskId);

/// <summary>A procedure generated dossiers may use, with its terms.</summary>
public sealed record SeedProcedure(Guid Id, int Version, string Code, ProcedureTerms Terms);

/// <summary>Reads the units, desks and procedures the generators draw from.</summary>
public static class SeedSources
{
    /// <summary>Units valid on <paramref name="today"/> that host a one-stop desk, in identifier order.</summary>
    public static async Task<IReadOnlyList<SeedUnit>> DeskUnitsAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var desks = await db.OneStopDesks.AsNoTracking().Select(d => new { d.Id, d.UnitId, d.ValidFrom, d.ValidTo }).ToListAsync(ct);
        var units = await db.OrganisationalUnits.AsNoTracking().Select(u => new { u.Id, u.IdentifierCode, u.ValidFrom, u.ValidTo }).ToListAsync(ct);
        return [.. units
            .Where(u => u.ValidFrom <= today && (u.ValidTo is null || u.ValidTo >= today))
            .Select(u => new SeedUnit(u.Id, u.IdentifierCode, desks.Where(d => d.UnitId == u.Id && d.ValidFrom <= today && (d.ValidTo is null || d.ValidTo >= today)).Select(d => (Guid?)d.Id).FirstOrDefault()))
            .Where(u => u.DeskId is not null)
            .OrderBy(u => u.Identifier, StringComparer.Ordinal)];
    }

    /// <summary>Procedures in force on <paramref name="today"/> whose policies the domain understands, in code order.</summary>
    public static async Task<IReadOnlyList<SeedProcedure>> ProceduresAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today)).ToListAsync(ct);
        return [.. procedures
            .Select(p => (p, terms: ProcedureTerms.From(p)))
            .Where(x => x.terms.IsSuccess && x.p.ProcessingTime.Value > 0)
            .Select(x => new SeedProcedure(x.p.Id, x.p.Version, x.p.Code.ToString(), x.terms.Value))
            .OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Version)];
    }
}
