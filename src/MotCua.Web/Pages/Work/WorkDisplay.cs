using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Pages.Work;

/// <summary>How the work pages write instants: Vietnam local time, day first (dd/MM/yyyy HH:mm), in both languages.</summary>
public static class WorkDisplay
{
    public static string Instant(DateTime? utc) =>
        utc is { } at ? VietnamTime.ToLocal(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>The value of a <c>datetime-local</c> input for <paramref name="utc"/>.</summary>
    public static string InputValue(DateTime? utc) =>
        utc is { } at ? VietnamTime.ToLocal(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";
}
