using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Persistence;
using MotCua.Persistence.Holidays;
using MotCua.Web.Api;
using MotCua.Web.Calendar;

namespace MotCua.Web.Features.ProvinceAdmin;

/// <summary>Changes to the holiday schedule of a year: one day at a time (PUT/DELETE
/// /api/v1/admin/calendar/{year}/days/{date}) or a whole year from the JSON the CLI reads (POST
/// /api/v1/admin/calendar/import, with <c>preview=true</c> to see the differences first).</summary>
/// <remarks>Every change stores a whole valid schedule through <see cref="HolidayScheduleStore.ReplaceAsync"/> (checked by
/// <see cref="HolidaySchedule.Validate"/>, the CLI's rules), so a year edited day by day is one the CLI can export and
/// import again. The calendar service is then told to re-read (<see cref="CalendarService.Invalidate"/>): new dossiers on
/// this node count with the change at once, other nodes within their refresh interval, without a restart. Dossiers already
/// received keep the appointment computed at their receipt (it is stored on the dossier with the calendar version).</remarks>
public static class CalendarChanges
{
    /// <summary>One day of the schedule; the source document is required for what an administrator enters by hand.</summary>
    public sealed class DayEdit
    {
        public DayKind? Kind { get; set; }

        [MaxLength(200)]
        public string? Description { get; set; }

        /// <summary>The decision or notice that set this day (e.g. "Thông báo 9441/TB-BNV").</summary>
        [MaxLength(300)]
        public string? Source { get; set; }

        [MaxLength(1000)]
        public string? Note { get; set; }
    }

    /// <summary>What an import changes in the year's schedule: <c>Replaces</c> when the year had an official schedule,
    /// <c>Applied</c> when it was stored (false for a preview).</summary>
    public sealed record ImportSummary(
        int Year, string SourceDocument, bool Replaces, bool Applied,
        IReadOnlyList<HolidayScheduleEntry> Added, IReadOnlyList<HolidayScheduleEntry> Removed, IReadOnlyList<HolidayScheduleEntry> Changed,
        int Unchanged);

    /// <summary>Largest schedule file accepted (a year is a few kilobytes).</summary>
    public const int MaxImportBytes = 256 * 1024;

    /// <summary>What is wrong with a file over <see cref="MaxImportBytes"/> (the API and the import page).</summary>
    public static readonly FieldMessage FileTooLarge = new FieldMessage("calendar.file_too_large", "Tệp lịch nghỉ quá lớn (tối đa {0} KB).", MaxImportBytes / 1024);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/calendar/{year:int}/days/{date}", async (int year, DateOnly date, DayEdit body, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.PutAsync(year, date, body, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminCalendarPutDay")
            .WithSummary("Add or change one day of a year's holiday schedule, with its source document (province administrators)")
            .Produces<CalendarYear.YearView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/calendar/{year:int}/days/{date}", async (int year, DateOnly date, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
                (await handler.RemoveAsync(year, date, user, ct)).ToHttpResult(TypedResults.Ok))
            .WithName("AdminCalendarRemoveDay")
            .WithSummary("Remove one day from a year's holiday schedule (province administrators)")
            .Produces<CalendarYear.YearView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/calendar/import", async (HttpRequest request, bool? preview, ClaimsPrincipal user, Handler handler, CancellationToken ct) =>
            {
                if (request.ContentLength > MaxImportBytes)
                {
                    return ValidationFailed.One("file", FileTooLarge).ToProblem();
                }

                using var reader = new StreamReader(request.Body);
                var json = await reader.ReadToEndAsync(ct);
                return (await handler.ImportAsync(json, preview ?? false, user, ct)).ToHttpResult(TypedResults.Ok);
            })
            .Accepts<string>("application/json")
            .WithName("AdminCalendarImport")
            .WithSummary("Import a year's holiday schedule from the CLI's JSON; preview=true only lists the differences (province administrators)")
            .Produces<ImportSummary>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, CalendarService calendar, ProvinceAdministrator admin, CalendarYear.Handler years)
    {
        public async Task<Result<CalendarYear.YearView>> PutAsync(int year, DateOnly date, DayEdit edit, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(edit);
            var missing = new Dictionary<string, FieldMessage[]>();
            if (edit.Kind is null)
            {
                missing["kind"] = [new FieldMessage("calendar.kind_required", "Loại ngày: không được để trống.")];
            }

            if (string.IsNullOrWhiteSpace(edit.Description))
            {
                missing["description"] = [new FieldMessage("calendar.description_required", "Mô tả: không được để trống.")];
            }

            if (string.IsNullOrWhiteSpace(edit.Source))
            {
                missing["source"] = [new FieldMessage("calendar.source_required", "Văn bản căn cứ: ghi quyết định hoặc thông báo quy định ngày này.")];
            }

            return await ChangeAsync(year, user, schedule => missing.Count > 0
                ? new ValidationFailed(missing)
                : schedule with
                {
                    Entries = [.. schedule.Entries.Where(e => e.Date != date),
                        new HolidayScheduleEntry(date, edit.Kind!.Value, edit.Description!.Trim(), edit.Source!.Trim(), Confirmed: true,
                            string.IsNullOrWhiteSpace(edit.Note) ? null : edit.Note.Trim())],
                }, ct);
        }

        public Task<Result<CalendarYear.YearView>> RemoveAsync(int year, DateOnly date, ClaimsPrincipal user, CancellationToken ct) =>
            ChangeAsync(year, user, schedule => schedule.Entries.Any(e => e.Date == date)
                ? schedule with { Entries = [.. schedule.Entries.Where(e => e.Date != date)] }
                : new NotFoundError($"ngày {date:dd/MM/yyyy} trong lịch nghỉ năm {year}"), ct);

        public async Task<Result<ImportSummary>> ImportAsync(string json, bool preview, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(json);
            if (await admin.DenyAsync(user, ct) is { } denied)
            {
                return denied;
            }

            var read = HolidayScheduleJson.Deserialize(json);
            if (read.Schedule is not { } schedule)
            {
                return new ValidationFailed(new Dictionary<string, FieldMessage[]> { ["file"] = [.. read.Errors.Select(e => e.Detail)] });
            }

            var (_, current, official) = await CalendarYear.ScheduleAsync(db, schedule.Year, ct);
            var before = current.Entries.ToDictionary(e => e.Date);
            var after = schedule.Entries.ToDictionary(e => e.Date);
            var summary = new ImportSummary(
                schedule.Year, schedule.SourceDocument, official, Applied: !preview,
                [.. schedule.Entries.Where(e => !before.ContainsKey(e.Date)).OrderBy(e => e.Date)],
                [.. current.Entries.Where(e => !after.ContainsKey(e.Date)).OrderBy(e => e.Date)],
                [.. schedule.Entries.Where(e => before.TryGetValue(e.Date, out var old) && old != e).OrderBy(e => e.Date)],
                schedule.Entries.Count(e => before.TryGetValue(e.Date, out var old) && old == e));
            if (!preview)
            {
                var errors = await HolidayScheduleStore.ReplaceAsync(db, schedule, clock.GetUtcNow().UtcDateTime, ct);
                if (errors.Count > 0)
                {
                    return new ValidationFailed(new Dictionary<string, FieldMessage[]> { ["file"] = [.. errors.Select(e => e.Detail)] });
                }

                calendar.Invalidate();
            }

            return summary;
        }

        private async Task<Result<CalendarYear.YearView>> ChangeAsync(
            int year, ClaimsPrincipal user, Func<HolidaySchedule, Result<HolidaySchedule>> change, CancellationToken ct)
        {
            if (await admin.DenyAsync(user, ct) is { } denied)
            {
                return denied;
            }

            if (CalendarYear.YearError(year) is { } invalid)
            {
                return invalid;
            }

            var (_, current, _) = await CalendarYear.ScheduleAsync(db, year, ct);
            var changed = change(current);
            if (changed.IsFailure)
            {
                return changed.Error;
            }

            var errors = await HolidayScheduleStore.ReplaceAsync(db, changed.Value, clock.GetUtcNow().UtcDateTime, ct);
            if (errors.Count > 0)
            {
                return new ValidationFailed(errors.GroupBy(e => FieldOf(e.Code)).ToDictionary(g => g.Key, g => g.Select(e => e.Detail).ToArray()));
            }

            calendar.Invalidate();
            return await years.YearAsync(year, user, ct);
        }

        // The schedule rules' codes under the day form's fields.
        private static string FieldOf(string code) => code switch
        {
            HolidayScheduleError.MakeUpWorkdayOnWeekday or HolidayScheduleError.DayOffOnWeekend or HolidayScheduleError.KindNotAllowed => "kind",
            HolidayScheduleError.MissingDescription => "description",
            HolidayScheduleError.MissingSource => "source",
            _ => "date",
        };
    }
}
