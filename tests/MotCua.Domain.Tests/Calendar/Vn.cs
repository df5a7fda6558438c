using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

/// <summary>Short helpers for Vietnam wall-clock values in test tables.</summary>
internal static class Vn
{
    /// <summary>"yyyy-MM-dd HH:mm" in Vietnam time → UTC instant.</summary>
    public static DateTime Utc(string local) => VietnamTime.ToUtc(Local(local));

    public static DateTime Local(string local) =>
        DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly Date(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateTime utc) =>
        VietnamTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
