using System.Security.Claims;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Holidays;
using MotCua.Web.Api;

namespace MotCua.Web.Features.ProvinceAdmin;

/// <summary>GET /api/v1/admin/calendar/{year}: the working calendar of a year as the province's desks count with it (the
/// stored official schedule, the built-in one, or the statutory defaults: <see cref="EffectiveCalendar"/>), day by day with
/// the Vietnamese lunar date, and the schedule's entries with their source documents; and
/// GET /api/v1/admin/calendar/{year}/export: that schedule as the JSON the CLI imports (<see cref="HolidayScheduleJson"/>).</summary>
public static class CalendarYear
{
    /// <param name="Date">The civil date.</param>
    /// <param name="Lunar">The lunar day and month, e.g. "1/1" or "15/4L" (leap month).</param>
    /// <param name="Kind">What the day is: an ordinary working or weekend day, or the schedule's kind.</param>
    /// <param name="IsWorking">Whether civil servants work that day.</param>
    /// <param name="Description">The schedule's description of the day, when it has one.</param>
    /// <param name="Source">The document that set the day (its own, else the schedule's).</param>
    public sealed record DayView(DateOnly Date, string Lunar, DayKind Kind, bool IsWorking, string? Description, string? Source);

    public sealed record MonthView(int Month, IReadOnlyList<DayView> Days);

    /// <summary>A year: <c>Official</c> when it has an official schedule (stored or built in), otherwise the statutory
    /// defaults.</summary>
    public sealed record YearView(
        int Year, bool Official, string SourceDocument, bool Confirmed, string? Note,
        IReadOnlyList<HolidayScheduleEntry> Entries, IReadOnlyList<MonthView> Months);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/calendar/{year:int}", async (int year, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.YearAsync(year, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminCalendarYear")
            .WithSummary("A year's working calendar with lunar dates and the holiday schedule's entries (province administrators)")
            .Produces<YearView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/calendar/{year:int}/export", async (int year, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.ExportAsync(year, user, ct)).ToHttpResult(json =>
                    TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"lich-nghi-{year}.json")))
            .WithName("AdminCalendarExport")
            .WithSummary("A year's holiday schedule as the JSON `motcua calendar import-schedule` reads (province administrators)")
            .Produces<string>(contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Whether <paramref name="year"/> is one the calendar covers; the 400 otherwise.</summary>
    internal static ValidationFailed? YearError(int year) =>
        year is < StatutoryHolidays.MinYear or > StatutoryHolidays.MaxYear
            ? ValidationFailed.One("year", new FieldMessage("calendar.year_range", "Năm phải từ {0} đến {1}.", StatutoryHolidays.MinYear, StatutoryHolidays.MaxYear))
            : null;

    /// <summary>The schedules in force, read fresh from the database (not the calendar cache, which may be up to its refresh
    /// interval old), and the schedule of <paramref name="year"/> (official, or the statutory defaults).</summary>
    internal static async Task<(IReadOnlyList<HolidaySchedule> Effective, HolidaySchedule Schedule, bool Official)> ScheduleAsync(
        AppDbContext db, int year, CancellationToken ct)
    {
        var effective = EffectiveCalendar.EffectiveSchedules(await HolidayScheduleStore.LoadAsync(db, ct));
        var official = effective.FirstOrDefault(s => s.Year == year);
        return (effective, official ?? HolidaySchedule.StatutoryDefault(year), official is not null);
    }

    public sealed class Handler(AppDbContext db, ProvinceAdministrator admin)
    {
        public async Task<Result<YearView>> YearAsync(int year, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await admin.DenyAsync(user, ct) is { } denied)
            {
                return denied;
            }

            if (YearError(year) is { } invalid)
            {
                return invalid;
            }

            var (effective, schedule, official) = await ScheduleAsync(db, year, ct);
            // The adjacent years' schedules matter too: a swap across New Year puts days of one decision in the other year.
            var days = new HolidayCalendar(effective).DaysFor(year).ToDictionary(d => d.Date);
            var entries = effective.SelectMany(s => s.Entries.Select(e => (Entry: e, Schedule: s))).Where(x => x.Entry.Date.Year == year)
                .GroupBy(x => x.Entry.Date).ToDictionary(g => g.Key, g => g.First());
            var months = Enumerable.Range(1, 12).Select(month => new MonthView(month, [.. Enumerable
                .Range(1, DateTime.DaysInMonth(year, month))
                .Select(day => Day(new DateOnly(year, month, day), days, entries, schedule))])).ToList();
            return new YearView(year, official, schedule.SourceDocument, schedule.Confirmed, schedule.Note,
                [.. schedule.Entries.OrderBy(e => e.Date)], months);
        }

        public async Task<Result<string>> ExportAsync(int year, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await admin.DenyAsync(user, ct) is { } denied)
            {
                return denied;
            }

            if (YearError(year) is { } invalid)
            {
                return invalid;
            }

            return HolidayScheduleJson.Serialize((await ScheduleAsync(db, year, ct)).Schedule);
        }

        private static DayView Day(
            DateOnly date, Dictionary<DateOnly, CalendarDay> days, Dictionary<DateOnly, (HolidayScheduleEntry Entry, HolidaySchedule Schedule)> entries,
            HolidaySchedule schedule)
        {
            var lunar = VietnameseLunarCalendar.FromSolar(date);
            var text = $"{lunar.Day}/{lunar.Month}{(lunar.IsLeapMonth ? "L" : "")}";
            if (days.TryGetValue(date, out var day))
            {
                var source = entries.TryGetValue(date, out var entry) ? entry.Entry.Source ?? entry.Schedule.SourceDocument : schedule.SourceDocument;
                return new DayView(date, text, day.Kind, day.IsWorking, day.Description, source);
            }

            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            return new DayView(date, text, weekend ? DayKind.Weekend : DayKind.Working, !weekend, null, null);
        }
    }
}
