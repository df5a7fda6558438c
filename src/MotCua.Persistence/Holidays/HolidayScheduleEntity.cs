namespace MotCua.Persistence.Holidays;

/// <summary>Stored form of one official yearly holiday schedule (lịch nghỉ lễ, Tết) as imported.</summary>
/// <remarks>One row per year; a re-import replaces the year's days. The domain type is mapped from this by the calendar feature.</remarks>
public sealed class HolidayScheduleEntity
{
    public Guid Id { get; set; }

    /// <summary>Calendar year the schedule covers.</summary>
    public int Year { get; set; }

    /// <summary>The document that set the schedule, e.g. "Công văn 8462/VPCP-KGVX" or "Bộ luật Lao động 2019, Điều 112".</summary>
    public string SourceDocument { get; set; } = "";

    /// <summary>Whether the schedule was confirmed against the official document (false: provisional, computed).</summary>
    public bool Confirmed { get; set; }

    public string? Note { get; set; }

    /// <summary>When the schedule was imported (UTC).</summary>
    public DateTime ImportedAt { get; set; }

    public List<HolidayScheduleDayEntity> Days { get; set; } = [];
}
