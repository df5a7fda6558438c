using System.Collections.Concurrent;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Calendar;

/// <summary>One immutable build of the effective holiday data (stored schedules + built-ins for missing years).</summary>
/// <param name="Version">SHA-256 (hex) of the effective schedules; stored on each dossier as its calendar version.</param>
/// <param name="Stamp">The cheap database stamp the snapshot was built from.</param>
/// <param name="Holidays">The holiday calendar.</param>
/// <param name="Working">The working-day calendar over <see cref="StatutoryHolidays.MinYear"/>..<see cref="StatutoryHolidays.MaxYear"/>.</param>
public sealed record CalendarSnapshot(string Version, string Stamp, HolidayCalendar Holidays, WorkingCalendar Working)
{
    /// <summary>Per-desk calculators built on <see cref="Working"/>, with the time they were loaded.</summary>
    internal ConcurrentDictionary<Guid, (DeadlineCalculator Calculator, DateTimeOffset LoadedAt)> Desks { get; } = new();
}
