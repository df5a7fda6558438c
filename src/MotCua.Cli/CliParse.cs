using System.Globalization;

namespace MotCua.Cli;

/// <summary>Strict parsing of command-line values; failures become one-line <see cref="CliInputException"/>s.</summary>
internal static class CliParse
{
    public static DateOnly Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliInputException($"ngày không hợp lệ '{text}' (định dạng yyyy-MM-dd, ví dụ 2026-02-17).");

    /// <summary>The whole text of a file the user named, or of standard input for <c>-</c>.</summary>
    public static async Task<string> ReadFileAsync(string path, CancellationToken ct)
    {
        if (path == "-")
        {
            return await Console.In.ReadToEndAsync(ct);
        }

        return File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : throw new CliInputException($"không tìm thấy tệp '{path}'.");
    }

    public static int Year(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= min && year <= max
            ? year
            : throw new CliInputException($"năm không hợp lệ '{text}' (từ {min} đến {max}).");

    public static DateTimeOffset Instant(string text)
    {
        // An instant without an offset is ambiguous for a deadline; require it explicitly.
        var hasOffset = text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal);
        return hasOffset && text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw new CliInputException($"thời điểm không hợp lệ '{text}' (ISO 8601 có múi giờ, ví dụ 2026-02-12T10:00:00+07:00).");
    }

    public static decimal Limit(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliInputException($"thời hạn không hợp lệ '{text}' (một số không âm, ví dụ 5 hoặc 0.5).");

    public static T Enum<T>(string text, string what)
        where T : struct, Enum =>
        System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !text.Any(char.IsDigit)
            ? value
            : throw new CliInputException($"{what} không hợp lệ '{text}' (chọn một trong: {string.Join(", ", System.Enum.GetNames<T>())}).");
}
