using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Pages;

/// <summary>How every page writes dates and instants: Vietnam local time, day first (dd/MM/yyyy HH:mm), the form used
/// on Vietnamese administrative documents, in both languages, so the counter, the work list and the portal agree.</summary>
public static class Display
{
    public static string Instant(DateTime? utc) =>
        utc is { } at ? VietnamTime.ToLocal(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>As <see cref="Instant"/>, with a dash where there is no value (table cells, definition lists).</summary>
    public static string InstantOrDash(DateTime? utc) => utc is null ? "—" : Instant(utc);

    /// <summary>The value of a <c>datetime-local</c> input for <paramref name="utc"/>.</summary>
    public static string InputValue(DateTime? utc) =>
        utc is { } at ? VietnamTime.ToLocal(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
