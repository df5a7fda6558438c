using Microsoft.EntityFrameworkCore;

namespace MotCua.Persistence.Holidays;

/// <summary>Loads the built-in official schedules into the database for the years that have none yet.</summary>
/// <remarks>Reference data for every preset: never overwrites a schedule an administrator imported.</remarks>
public static class HolidayScheduleSeeder
{
    /// <summary>Adds each built-in schedule whose year is not stored yet; returns how many were added.</summary>
    public static async Task<int> SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var storedYears = (await db.HolidaySchedules.Select(s => s.Year).ToListAsync(ct)).ToHashSet();
        var missing = BuiltInHolidaySchedules.All.Where(s => !storedYears.Contains(s.Year)).ToList();
        db.HolidaySchedules.AddRange(missing.Select(s => HolidayScheduleStore.ToEntity(s, nowUtc)));
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}
