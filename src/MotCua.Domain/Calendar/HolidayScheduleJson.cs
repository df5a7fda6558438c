using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Domain.Common;

namespace MotCua.Domain.Calendar;

/// <summary>Reads and writes <see cref="HolidaySchedule"/> as JSON (the seed and admin export format).</summary>
/// <remarks>
/// Format: camelCase properties in a fixed order, dates as "yyyy-MM-dd", kinds as enum names, days sorted by date,
/// two-space indentation and "\n" line ends, so files diff cleanly. Unknown properties are rejected to catch typos.
/// </remarks>
public static class HolidayScheduleJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",

        // Vietnamese text stays readable in the seed files; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<DayKind>(allowIntegerValues: false) },
    };

    /// <summary>Writes a schedule as JSON.</summary>
    public static string Serialize(HolidaySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var dto = new ScheduleDto
        {
            Year = schedule.Year,
            SourceDocument = schedule.SourceDocument,
            Confirmed = schedule.Confirmed,
            Note = schedule.Note,
            Days = [.. schedule.Entries.OrderBy(e => e.Date).Select(e => new EntryDto
            {
                Date = e.Date,
                Kind = e.Kind,
                Description = e.Description,
                Source = e.Source,
                Confirmed = e.Confirmed ? null : false,
                Note = e.Note,
            })],
        };
        return JsonSerializer.Serialize(dto, Options) + "\n";
    }

    /// <summary>Reads and validates a schedule.</summary>
    /// <returns>The schedule, or the list of errors (malformed JSON, or <see cref="HolidaySchedule.Validate"/> failures).</returns>
    public static HolidayScheduleReadResult Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ScheduleDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<ScheduleDto>(json, Options);
        }
        catch (JsonException ex)
        {
            // Where, not the parser's own (English) explanation: the message reaches a Vietnamese page.
            return Failure(new HolidayScheduleError(HolidayScheduleError.InvalidJson, ex.LineNumber is { } line
                ? new FieldMessage("calendar.json_invalid_at", "JSON không hợp lệ tại {0} (dòng {1}).", ex.Path ?? "$", line + 1)
                : new FieldMessage("calendar.json_invalid", "JSON không hợp lệ.")));
        }

        if (dto?.Days is null)
        {
            return Failure(new HolidayScheduleError(HolidayScheduleError.InvalidJson, new FieldMessage("calendar.json_days_missing", "JSON thiếu danh sách ngày \"days\".")));
        }

        var entries = new List<HolidayScheduleEntry>(dto.Days.Count);
        foreach (var day in dto.Days)
        {
            if (day is null)
            {
                return Failure(new HolidayScheduleError(HolidayScheduleError.InvalidJson, new FieldMessage("calendar.json_null_day", "Danh sách \"days\" chứa phần tử null.")));
            }

            entries.Add(new HolidayScheduleEntry(day.Date, day.Kind, day.Description ?? "", day.Source, day.Confirmed ?? true, day.Note));
        }

        var schedule = new HolidaySchedule(dto.Year, dto.SourceDocument ?? "", dto.Confirmed, dto.Note, entries);
        var errors = schedule.Validate();
        return errors.Count == 0 ? new HolidayScheduleReadResult(schedule, []) : new HolidayScheduleReadResult(null, errors);
    }

    private static HolidayScheduleReadResult Failure(HolidayScheduleError error) => new(null, [error]);

    private sealed class ScheduleDto
    {
        [JsonRequired]
        public int Year { get; set; }

        public string? SourceDocument { get; set; }

        public bool Confirmed { get; set; }

        public string? Note { get; set; }

        [JsonRequired]
        public List<EntryDto?>? Days { get; set; }
    }

    private sealed class EntryDto
    {
        [JsonRequired]
        public DateOnly Date { get; set; }

        [JsonRequired]
        public DayKind Kind { get; set; }

        public string? Description { get; set; }

        public string? Source { get; set; }

        // Omitted when true: only unconfirmed days carry the flag.
        public bool? Confirmed { get; set; }

        public string? Note { get; set; }
    }
}

/// <summary>Outcome of reading a holiday schedule: the schedule, or why it was rejected.</summary>
/// <param name="Schedule">The valid schedule, or null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem found; empty on success.</param>
public sealed record HolidayScheduleReadResult(HolidaySchedule? Schedule, IReadOnlyList<HolidayScheduleError> Errors)
{
    /// <summary>Whether the schedule was read and is valid.</summary>
    public bool IsSuccess => Schedule is not null;
}
