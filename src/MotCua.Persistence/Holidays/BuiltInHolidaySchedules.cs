using MotCua.Domain.Calendar;

namespace MotCua.Persistence.Holidays;

/// <summary>The official yearly holiday schedules shipped with MotCua (Seeding/Holidays/*.json, embedded).</summary>
/// <remarks>They seed the database; an administrator confirms or replaces them each year (domain.md §6.1).</remarks>
public static class BuiltInHolidaySchedules
{
    private static readonly Lazy<IReadOnlyList<HolidaySchedule>> Schedules = new(Load);

    /// <summary>Every embedded schedule, ordered by year.</summary>
    public static IReadOnlyList<HolidaySchedule> All => Schedules.Value;

    private static IReadOnlyList<HolidaySchedule> Load()
    {
        var assembly = typeof(BuiltInHolidaySchedules).Assembly;
        var schedules = new List<HolidaySchedule>();
        foreach (var name in assembly.GetManifestResourceNames().Where(IsHolidaySeed).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var read = HolidayScheduleJson.Deserialize(reader.ReadToEnd());
            // A broken embedded file is a build defect, caught by the seed tests, not user input.
            schedules.Add(read.Schedule ?? throw new InvalidOperationException(
                $"Embedded holiday schedule {name} is invalid: {string.Join("; ", read.Errors.Select(e => e.Message))}"));
        }

        return [.. schedules.OrderBy(s => s.Year)];
    }

    private static bool IsHolidaySeed(string resourceName) =>
        resourceName.Contains(".Seeding.Holidays.", StringComparison.Ordinal)
        && resourceName.EndsWith(".json", StringComparison.Ordinal);
}
