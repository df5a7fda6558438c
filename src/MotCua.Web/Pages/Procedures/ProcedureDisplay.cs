using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;

namespace MotCua.Web.Pages.Procedures;

/// <summary>Vietnamese (or English) labels for catalogue values; the procedure data itself is always Vietnamese.</summary>
public static partial class ProcedureDisplay
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The resource texts of every flag set in <paramref name="value"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Flags<TEnum>(IStringLocalizer text, string prefix, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.GetValues<TEnum>()
            .Where(flag => Convert.ToInt64(flag, CultureInfo.InvariantCulture) != 0 && value.HasFlag(flag))
            .Select(flag => text[prefix + flag].Value)
            .ToList();
    }

    /// <summary>A step's time slice with the procedure's unit, e.g. "1,5 ngày làm việc" or "0,125 ngày tiếp nhận".</summary>
    public static string Slice(IStringLocalizer text, decimal slice, ProcessingTimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        return $"{slice.ToString("0.###", Vietnamese)} {text["Unit_" + unit].Value}";
    }

    /// <summary>An amount in đồng with Vietnamese digit grouping (75.000).</summary>
    public static string Money(IStringLocalizer text, long amountVnd)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["Currency_Vnd", amountVnd.ToString("#,0", Vietnamese)].Value;
    }

    /// <summary>dd/MM/yyyy, the form used on Vietnamese administrative documents.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The applicant's sequence split at "Bước N:" so it can be read as a numbered list; one item when unnumbered.</summary>
    public static IReadOnlyList<string> SequenceSteps(string sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var parts = StepStart().Split(sequence).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        return parts.Count > 0 ? parts : [sequence];
    }

    /// <summary>CSS modifier of the online-level badge.</summary>
    public static string BadgeClass(OnlineLevel level) => level switch
    {
        OnlineLevel.Full => "badge badge-full",
        OnlineLevel.Partial => "badge badge-partial",
        _ => "badge badge-none",
    };

    [GeneratedRegex(@"(?=Bước\s+\d+\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex StepStart();
}
