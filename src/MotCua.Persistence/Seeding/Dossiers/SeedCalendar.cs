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
        // The same calendar and version as CalendarService, so seeded appointments match the API's.
        var calendar = EffectiveCalendar.Build(await HolidayScheduleStore.LoadAsync(db, ct));
        var working = calendar.Working;
        var version = calendar.Version;
        return new SeedCalendar(new DeadlineCalculator(working, WorkSchedule.Default), working, version);
    }
}
