using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Calendar;
using MotCua.Persistence.Holidays;

namespace MotCua.Persistence.Seeding.Dossiers;

/// <summary>The default-hours deadline calculator and calendar version the generators use, built like the web app's
/// <c>CalendarService</c> (stored schedules, built-ins for the missing years) so seeded appointments match what the API
/// would have computed for a desk with the statutory hours.</summary>
public sealed record SeedCalendar(DeadlineCalculator Calculator, WorkingCalendar Working, string Version)
{
    /// <summary>Loads the stored holiday schedules.</summary>
    public static async Task<SeedCalendar> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var stored = await HolidayScheduleStore.LoadAsync(db, ct);
        var storedYears = stored.Select(s => s.Year).ToHashSet();
        var effective = stored.Concat(BuiltInHolidaySchedules.All.Where(s => !storedYears.Contains(s.Year))).OrderBy(s => s.Year).ToList();
        var holidays = new HolidayCalendar(effective);
        var working = new WorkingCalendar(StatutoryHolidays.MinYear, StatutoryHolidays.MaxYear,
            holidays.Days(StatutoryHolidays.MinYear, StatutoryHolidays.MaxYear));
        // Same text as CalendarService.VersionOf, so the version matches dossiers received through the API.
        var text = new StringBuilder("motcua.calendar.v1;");
        text.Append(CultureInfo.InvariantCulture, $"{StatutoryHolidays.MinYear}-{StatutoryHolidays.MaxYear};");
        foreach (var schedule in effective)
        {
            text.Append(HolidayScheduleJson.Serialize(schedule)).Append('\n');
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return new SeedCalendar(new DeadlineCalculator(working, WorkSchedule.Default), working, version);
    }
}
