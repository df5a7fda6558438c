using MotCua.Domain.Calendar;
namespace MotCua.Domain.Catalogue;

/// <summary>A legal processing time (thời hạn giải quyết), ND 63/2010 Art. 8(2)(đ).</summary>
/// <param name="Value">
/// Amount of <paramref name="Unit"/>. For <see cref="ProcessingTimeUnit.Immediate"/> it is always 1 (the receipt day),
/// so that internal-process slices can be fractions of that day.
/// </param>
/// <param name="Unit">Unit of <paramref name="Value"/>.</param>
public sealed record ProcessingTime(decimal Value, ProcessingTimeUnit Unit)
{
    /// <summary>The value an <see cref="ProcessingTimeUnit.Immediate"/> time must carry.</summary>
    public const decimal ImmediateValue = 1m;

    /// <summary>Vietnamese display text, e.g. "03 ngày làm việc".</summary>
    public string ToDisplayText() => Unit switch
    {
        ProcessingTimeUnit.Immediate => "Trong ngày (sau 15 giờ: ngày làm việc tiếp theo)",
        ProcessingTimeUnit.WorkingHour => $"{Format(Value)} giờ làm việc",
        ProcessingTimeUnit.WorkingDay => $"{Format(Value)} ngày làm việc",
        ProcessingTimeUnit.CalendarDay => $"{Format(Value)} ngày",
        ProcessingTimeUnit.Month => $"{Format(Value)} tháng",
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, null),
    };

    private static string Format(decimal value) =>
        value == decimal.Truncate(value)
            ? value.ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
