using MotCua.Domain.Calendar;
using MotCua.Persistence;
using MotCua.Persistence.Holidays;

namespace MotCua.Cli;

/// <summary>The holiday data the calendar commands use.</summary>
/// <remarks>
/// Schedules stored in the configured database (imported by an administrator) take precedence; the built-in schedules
/// fill the years the database lacks, so the commands also work before the first <c>motcua migrate</c>.
/// </remarks>
internal static class CalendarData
{
    public static async Task<HolidayCalendar> LoadHolidayCalendarAsync(DatabaseOptions options, CancellationToken ct)
    {
        return EffectiveCalendar.Build(await LoadStoredAsync(options, ct)).Holidays;
    }

    public static async Task<WorkingCalendar> LoadWorkingCalendarAsync(DatabaseOptions options, CancellationToken ct)
    {
        return EffectiveCalendar.Build(await LoadStoredAsync(options, ct)).Working;
    }

    private static async Task<IReadOnlyList<HolidaySchedule>> LoadStoredAsync(DatabaseOptions options, CancellationToken ct)
    {
        if (!CliDatabase.MayExist(options))
        {
            return [];
        }

        await using var db = DatabaseSetup.CreateContext(options);
        var pending = await DatabaseMigrator.PendingAsync(db, ct);
        return pending.Count > 0
            ? throw new CliInputException($"cơ sở dữ liệu {options.Provider} chưa được cập nhật; chạy 'motcua migrate' trước.")
            : await HolidayScheduleStore.LoadAsync(db, ct);
    }
}
