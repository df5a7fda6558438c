using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Calendar;

namespace MotCua.Persistence.Holidays;

/// <summary>
/// The calendar in force: the stored official schedules, the built-in ones for the years the database lacks, and the
/// statutory defaults for every other year, with a version that dossiers record.
/// </summary>
/// <param name="Schedules">The effective official schedules, by year.</param>
/// <param name="Holidays">Holiday data over 1900–2199.</param>
/// <param name="Working">Working days over 1900–2199.</param>
/// <param name="Version">SHA-256 (hex) of the effective schedules and the statutory-rules tag.</param>
public sealed record EffectiveCalendar(
    IReadOnlyList<HolidaySchedule> Schedules, HolidayCalendar Holidays, WorkingCalendar Working, string Version)
{
    /// <summary>Builds the calendar from the stored schedules (the web app, the seeders and the CLI all use this).</summary>
    public static EffectiveCalendar Build(IReadOnlyList<HolidaySchedule> stored)
    {
        var effective = EffectiveSchedules(stored);
        var holidays = new HolidayCalendar(effective);
        var working = new WorkingCalendar(StatutoryHolidays.MinYear, StatutoryHolidays.MaxYear,
            holidays.Days(StatutoryHolidays.MinYear, StatutoryHolidays.MaxYear));
        return new EffectiveCalendar(effective, holidays, working, VersionOf(effective));
    }

    /// <summary>The official schedules in force: the stored ones, and the built-in ones for the years the database lacks,
    /// by year.</summary>
    public static IReadOnlyList<HolidaySchedule> EffectiveSchedules(IReadOnlyList<HolidaySchedule> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var storedYears = stored.Select(s => s.Year).ToHashSet();
        return [.. stored.Concat(BuiltInHolidaySchedules.All.Where(s => !storedYears.Contains(s.Year))).OrderBy(s => s.Year)];
    }

    /// <summary>SHA-256 (hex) of the schedules in year order, with the statutory-rules tag for the years without one.</summary>
    public static string VersionOf(IEnumerable<HolidaySchedule> effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        var text = new StringBuilder("motcua.calendar.v1;");
        text.Append(CultureInfo.InvariantCulture, $"{StatutoryHolidays.MinYear}-{StatutoryHolidays.MaxYear};");
        foreach (var schedule in effective.OrderBy(s => s.Year))
        {
            text.Append(HolidayScheduleJson.Serialize(schedule)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
