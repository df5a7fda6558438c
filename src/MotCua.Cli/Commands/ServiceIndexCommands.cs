using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MotCua.Domain.Calendar;
using MotCua.Domain.ServiceIndex;

namespace MotCua.Cli.Commands;

/// <summary>`motcua serviceindex …`: the Decision 766 service index (domain.md §8).</summary>
internal static class ServiceIndexCommands
{
    public static Command Create(CliContext cli) => new("serviceindex", "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)")
    {
        Points(cli),
        ServiceIndexImportCommand.Create(cli),
    };

    /// <summary>`points --file counts.json`: the portal's conversion rules applied to given counts. Reads a JSON array of
    /// <c>{"indicator": "2.1", "numerator": 2134, "denominator": 2645}</c> and prints, in the same order,
    /// <c>{"indicator": "2.1", "ratio": 80.68, "points": 16.14}</c> (percent and points to 2 decimals; a zero
    /// denominator prints ratio 0.00 and the indicator's zero-denominator points; a row without points prints null).
    /// Any bad entry fails the whole file with exit 2 and nothing on standard output.</summary>
    private static Command Points(CliContext cli)
    {
        var file = new Option<string>("--file") { Description = "Tệp JSON: mảng {\"indicator\", \"numerator\", \"denominator\"}; '-' là đầu vào chuẩn", Required = true };
        var definitions = new Option<string?>("--definitions") { Description = "Tệp JSON bộ chỉ số thay cho bộ kèm theo MotCua" };
        var date = new Option<string?>("--date") { Description = "Ngày cuối kỳ (yyyy-MM-dd) để chọn phiên bản bộ chỉ số; mặc định hôm nay" };
        var command = new Command("points", "Quy đổi tử số/mẫu số thành tỷ lệ và điểm theo quy tắc của Cổng DVCQG") { file, definitions, date };
        command.SetAction(async (parse, ct) =>
        {
            var history = parse.GetValue(definitions) is { Length: > 0 } path
                ? LoadDefinitions(await CliParse.ReadFileAsync(path, ct))
                : IndicatorSetJson.Default;
            var day = parse.GetValue(date) is { Length: > 0 } text ? CliParse.Date(text) : VietnamTime.Today(TimeProvider.System);
            var set = history.For(day);
            var requests = ParseCounts(await CliParse.ReadFileAsync(parse.GetRequiredValue(file), ct), set);
            await cli.Output.WriteLineAsync(Render(requests.Select(r => (r.Key, r.Definition.Score(r.Numerator, r.Denominator)))));
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record Request(string Key, IndicatorDefinition Definition, long Numerator, long Denominator);

    private static IndicatorSetHistory LoadDefinitions(string json)
    {
        var (history, errors) = IndicatorSetJson.Parse(json);
        return history ?? throw new CliInputException($"tệp bộ chỉ số không hợp lệ: {string.Join("; ", errors)}");
    }

    private static List<Request> ParseCounts(string json, IndicatorSet set)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new CliInputException($"tệp số liệu không phải JSON hợp lệ: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CliInputException("tệp số liệu phải là một mảng JSON các {\"indicator\", \"numerator\", \"denominator\"}.");
            }

            var requests = new List<Request>();
            var position = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                position++;
                var at = string.Create(CultureInfo.InvariantCulture, $"phần tử thứ {position}");
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new CliInputException($"{at} không phải một đối tượng JSON.");
                }

                if (!item.TryGetProperty("indicator", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
                {
                    throw new CliInputException($"{at}: thiếu mã chỉ số (\"indicator\", chuỗi).");
                }

                var key = id.GetString()!;
                var definition = set.Find(key) ?? throw new CliInputException(
                    $"{at}: chỉ số '{key}' không có trong bộ chỉ số {set.Version} (các mã hợp lệ: {string.Join(", ", set.Indicators.Select(i => i.Id))}).");
                requests.Add(new Request(key, definition, Count(item, "numerator", at), Count(item, "denominator", at)));
            }

            return requests;
        }
    }

    private static long Count(JsonElement item, string name, string at)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            throw new CliInputException($"{at}: thiếu \"{name}\" (số nguyên không âm).");
        }

        if (!value.TryGetDecimal(out var number) || number != decimal.Truncate(number) || number > long.MaxValue / 1000)
        {
            throw new CliInputException($"{at}: \"{name}\" phải là số nguyên không âm (nhận {value.GetRawText()}).");
        }

        if (number < 0)
        {
            throw new CliInputException($"{at}: \"{name}\" không được âm (nhận {value.GetRawText()}).");
        }

        return (long)number;
    }

    private static string Render(IEnumerable<(string Key, IndicatorScore Score)> scores)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var (key, score) in scores)
            {
                writer.WriteStartObject();
                writer.WriteString("indicator", key);
                writer.WriteNumber("ratio", score.PresentedRatio ?? 0.00m);
                if (score.PresentedPoints is { } points)
                {
                    writer.WriteNumber("points", points);
                }
                else
                {
                    writer.WriteNull("points");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
