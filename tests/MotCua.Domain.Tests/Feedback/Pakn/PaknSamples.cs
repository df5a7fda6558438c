using MotCua.Domain.Calendar;
using MotCua.Domain.Common;
using MotCua.Domain.Feedback.Pakn;
using MotCua.Domain.Tests.Calendar;

namespace MotCua.Domain.Tests.Feedback.Pakn;

/// <summary>Sample data and result helpers shared by the PAKN tests.</summary>
internal static class PaknSamples
{
    public static readonly PaknSubmitter Person = new("Nguyễn Văn An", "Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội", "0912 345 678", "an.nguyen@example.vn");

    /// <summary>The calendar of the committed seed files: official schedules 2024–2026 (Tết 2026 = Mon 16 – Fri 20 Feb,
    /// so 14–22 Feb off with the weekends), statutory days for 2027.</summary>
    public static WorkingCalendar SeededCalendar()
    {
        var holidays = new HolidayCalendar([.. Enumerable.Range(2024, 3).Select(y => HolidayScheduleJson.Deserialize(HolidaySeedFiles.Read(y)).Schedule!)]);
        return new WorkingCalendar(2024, 2027, holidays.Days(2024, 2027));
    }

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.IsFailure ? $"{result.Error.Code}: {result.Error.Message}" : null);
        return result.Value;
    }
}
