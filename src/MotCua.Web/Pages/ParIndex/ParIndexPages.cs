using System.Globalization;
using MotCua.Domain.Common;
using MotCua.Web.Api;

namespace MotCua.Web.Pages.ParIndex;

/// <summary>What the PAR Index pages share.</summary>
public static class ParIndexPages
{
    /// <summary>Every message of <paramref name="error"/> in the page's language; a framework's problems each with the place
    /// in the tree it is about.</summary>
    /// <param name="error">The handler's error.</param>
    /// <param name="paths">Whether to name each problem's path (a framework's tree); a self-assessment's messages name
    /// their sub-criterion themselves.</param>
    public static IReadOnlyList<string> Describe(Error error, bool paths = true)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is ValidationFailed failed
            ? [.. failed.Fields.SelectMany(f => f.Value.Select(m => !paths || f.Key is "file" or "year" or "revision" or "decisionNumber" ? PageErrors.Text(m) : $"{f.Key}: {PageErrors.Text(m)}"))]
            : [PageErrors.Message(error)];
    }

    /// <summary>A number typed with a dot or a comma as the decimal separator; anything else (a sign too) is -1, out of
    /// every range, so the handler refuses it with its range message.</summary>
    public static decimal? Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : -1m;
}
