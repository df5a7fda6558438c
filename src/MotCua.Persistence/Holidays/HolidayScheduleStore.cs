using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;

namespace MotCua.Persistence.Holidays;

/// <summary>Reads and replaces the official yearly holiday schedules kept in the database.</summary>
public static class HolidayScheduleStore
{
    /// <summary>All stored schedules as domain values, ordered by year.</summary>
    public static async Task<IReadOnlyList<HolidaySchedule>> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        var rows = await db.HolidaySchedules.AsNoTracking().Include(s => s.Days).OrderBy(s => s.Year).ToListAsync(ct);
        return [.. rows.Select(ToDomain)];
    }

    /// <summary>
    /// Stores <paramref name="schedule"/> as the official schedule of its year, replacing any earlier one in the same
    /// transaction, so a failed import leaves the previous schedule intact.
    /// </summary>
    /// <returns>The validation errors; empty when the schedule was stored.</returns>
    public static async Task<IReadOnlyList<HolidayScheduleError>> ReplaceAsync(
        AppDbContext db, HolidaySchedule schedule, DateTime importedAtUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = schedule.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.HolidaySchedules.Include(s => s.Days).Where(s => s.Year == schedule.Year).ToListAsync(ct);
        db.HolidaySchedules.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        db.HolidaySchedules.Add(ToEntity(schedule, importedAtUtc));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    /// <summary>Maps a stored row to the domain value.</summary>
    public static HolidaySchedule ToDomain(HolidayScheduleEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Year, row.SourceDocument, row.Confirmed, row.Note,
            [.. row.Days.OrderBy(d => d.Date).Select(d => new HolidayScheduleEntry(d.Date, d.Kind, d.Description, d.Source, d.Confirmed, d.Note))]);
    }

    /// <summary>Maps a domain value to a new row.</summary>
    public static HolidayScheduleEntity ToEntity(HolidaySchedule schedule, DateTime importedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var id = Guid.CreateVersion7();
        return new HolidayScheduleEntity
        {
            Id = id,
            Year = schedule.Year,
            SourceDocument = schedule.SourceDocument,
            Confirmed = schedule.Confirmed,
            Note = schedule.Note,
            ImportedAt = importedAtUtc,
            Days = [.. schedule.Entries.Select(e => new HolidayScheduleDayEntity
            {
                ScheduleId = id,
                Date = e.Date,
                Kind = e.Kind,
                Description = e.Description,
                Source = e.Source,
                Confirmed = e.Confirmed,
                Note = e.Note,
            })],
        };
    }
}
