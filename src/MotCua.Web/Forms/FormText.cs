using System.Globalization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;

namespace MotCua.Web.Forms;

/// <summary>How the forms print dates, times and labels.</summary>
public static class FormText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"08 giờ 30 phút, ngày 05 tháng 02 năm 2026" in Vietnam time.</summary>
    public static string TimeAndDate(DateTime utc)
    {
        var local = VietnamTime.ToLocal(AsUtc(utc));
        return string.Create(Invariant, $"{local:HH} giờ {local:mm} phút, {Date(DateOnly.FromDateTime(local))}");
    }

    /// <summary>"ngày 05 tháng 02 năm 2026" for the Vietnam date of an instant.</summary>
    public static string Date(DateTime utc) => Date(VietnamTime.BusinessDate(AsUtc(utc)));

    /// <summary>"ngày 05 tháng 02 năm 2026"; days below 10 and the months 1 and 2 take a leading zero, other months
    /// do not (Nghị định 30/2020/NĐ-CP, Phụ lục I, the place-and-date line).</summary>
    public static string Date(DateOnly date)
    {
        var month = date.Month <= 2 ? date.Month.ToString("00", Invariant) : date.Month.ToString(Invariant);
        return string.Create(Invariant, $"ngày {date.Day:00} tháng {month} năm {date.Year}");
    }

    /// <summary>"Bắc Ninh, ngày 05 tháng 02 năm 2026".</summary>
    public static string PlaceAndDate(string place, DateTime utc) => $"{place}, {Date(utc)}";

    /// <summary>"08h30 05/02/2026" for narrow table cells.</summary>
    public static string Compact(DateTime utc)
    {
        var local = VietnamTime.ToLocal(AsUtc(utc));
        return local.ToString("HH'h'mm dd/MM/yyyy", Invariant);
    }

    /// <summary>Numbers in forms take at least two digits ("01", "12", "125").</summary>
    public static string Number(int value) => value.ToString("00", Invariant);

    /// <summary>The value, or a dotted blank to fill in by hand when it is missing.</summary>
    public static string OrDots(string? value) => string.IsNullOrWhiteSpace(value) ? "……………………" : value;

    public static string Label(HandoverResult result) => result switch
    {
        HandoverResult.Early => "Trước hạn",
        HandoverResult.OnTime => "Đúng hạn",
        HandoverResult.Late => "Quá hạn",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    /// <summary>"Bản chính", "Bản sao có chứng thực", "Bản sao", "Bản chụp", joined by " hoặc " when several.</summary>
    public static string Label(DocumentForms forms)
    {
        var labels = new List<string>(4);
        if (forms.HasFlag(DocumentForms.Original)) labels.Add("Bản chính");
        if (forms.HasFlag(DocumentForms.CertifiedCopy)) labels.Add("Bản sao có chứng thực");
        if (forms.HasFlag(DocumentForms.Copy)) labels.Add("Bản sao");
        if (forms.HasFlag(DocumentForms.Scan)) labels.Add("Bản chụp");
        return labels.Count == 0 ? string.Empty : string.Join(" hoặc ", labels);
    }

    // SQLite hands instants back with Kind=Unspecified; they are UTC by convention, and ToLocal would otherwise
    // read them as the server's local time.
    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value;
}
