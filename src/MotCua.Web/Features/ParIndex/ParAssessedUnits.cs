using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Access;
using MotCua.Domain.ParIndex;
using MotCua.Domain.Units;
using MotCua.Persistence;

namespace MotCua.Web.Features.ParIndex;

/// <summary>The units a framework scores: its province's departments (Department level) or communes (Commune level) in
/// force on a day. Home Affairs' list, the reminders, self-assessments and commitments read the same set.</summary>
public static class ParAssessedUnits
{
    /// <summary>One assessed unit.</summary>
    public sealed record Unit(Guid Id, string Name, string IdentifierCode);

    /// <summary>The units <paramref name="framework"/> applies to on <paramref name="day"/>, by name.</summary>
    public static async Task<IReadOnlyList<Unit>> OfAsync(AppDbContext db, ParFramework framework, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(framework);
        var level = LevelOf(framework.Level);
        var all = await db.OrganisationalUnits.AsNoTracking()
            .Select(u => new { u.Id, u.ParentId, u.Level, u.Name, u.IdentifierCode, u.ValidFrom, u.ValidTo }).ToListAsync(ct);
        var parentOf = all.ToDictionary(u => u.Id, u => u.ParentId);
        return [.. all.Where(u => u.Level == level && u.ValidFrom <= day && (u.ValidTo == null || u.ValidTo >= day)
                && UnitAuthorization.AncestorsOf(u.Id, parentOf).Contains(framework.ProvinceUnitId))
            .OrderBy(u => u.Name, VietnameseOrder)
            .Select(u => new Unit(u.Id, u.Name, u.IdentifierCode))];
    }

    /// <summary>Whether <paramref name="framework"/> scores the unit <paramref name="unitId"/> on <paramref name="day"/>.</summary>
    public static async Task<bool> IncludesAsync(AppDbContext db, ParFramework framework, Guid unitId, DateOnly day, CancellationToken ct) =>
        (await OfAsync(db, framework, day, ct)).Any(u => u.Id == unitId);

    /// <summary>Names in Vietnamese alphabetical order, as the province's lists print them.</summary>
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);

    /// <summary>The unit level a framework's level scores.</summary>
    public static UnitLevel LevelOf(ParLevel level) => level == ParLevel.Department ? UnitLevel.ProvincialDepartment : UnitLevel.Commune;
}
