using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace MotCua.Cli.Bench;

/// <summary>What <c>bench reports</c> measures: one unit, one period, so many sequential requests.</summary>
internal sealed record ReportBenchOptions(
    Uri Url, string User, string Password, Guid Unit, DateOnly From, DateOnly To, int Iterations, int RawIterations, int Warmup,
    string ConnectionString);

/// <summary>
/// <c>motcua bench reports</c> (issue 10 §5): the province-period Biểu 06, then its service-centre variant
/// (<c>form06-desk</c>, by receiving desk), through the running app's API (which reads the kept statistics), timed request
/// by request, each against the same report computed by one GROUP BY over the raw dossiers (<see cref="RawForm06Query"/>)
/// on the same database in the same run; prints p50/p95 of both, their ratio, and the cells where the two answers differ;
/// then the 766 scorecard the same way.
/// </summary>
/// <remarks>Requests are sequential (one at a time), so the times are latencies, not throughput. The API's times include
/// HTTP, authentication and JSON, the raw query's only the database round trip: the ratio is the conservative one.</remarks>
internal sealed class ReportBench(ReportBenchOptions options, TextWriter output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromMinutes(2) };
        var token = await BenchAuth.TokenAsync(http, options.User, options.Password, Json, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(ct);
        await Form06Async(http, connection, "Biểu 06", "form06", byDesk: false, ct);
        output.WriteLine();
        await Form06Async(http, connection, "Biểu 06 trung tâm (theo nơi tiếp nhận)", "form06-desk", byDesk: true, ct);
        output.WriteLine();
        output.WriteLine($"Chỉ số 766 (bảng điểm), đơn vị {options.Unit}, năm {options.From.Year}");
        var scorecard = string.Create(CultureInfo.InvariantCulture, $"api/v1/serviceindex/scorecard?unit={options.Unit}&year={options.From.Year}");
        var (cardStats, card) = await TimeApiAsync(http, scorecard, ct);
        var (rawCardStats, rawCard) = await TimeRawAsync(() => RawScorecardQuery.RunAsync(connection, options.Unit, options.From, options.To, ct));
        Compare(cardStats, rawCardStats);
        foreach (var (id, name, rawFigure) in new[]
                 {
                     ("2.1", "đúng hạn / tổng", rawCard.Progress), ("3.4", "trực tuyến / tiếp nhận (TTHC toàn trình)", rawCard.FullOnline),
                     ("5.4", "hài lòng / đã kết thúc", rawCard.DossierSatisfaction),
                 })
        {
            var figure = Indicator(card, id);
            var same = figure == rawFigure ? "" : "  ≠";
            output.WriteLine($"{id} {name}: API {RawForm06Query.Format((int)figure.Numerator)} / {RawForm06Query.Format((int)figure.Denominator)}, "
                + $"GROUP BY {RawForm06Query.Format((int)rawFigure.Item1)} / {RawForm06Query.Format((int)rawFigure.Item2)}{same}");
        }

        return ExitCodes.Ok;
    }

    // One Biểu 06 variant: the API's report against the raw GROUP BY, the times and the total's cells side by side.
    private async Task Form06Async(HttpClient http, NpgsqlConnection connection, string title, string report, bool byDesk, CancellationToken ct)
    {
        output.WriteLine($"{title}, đơn vị {options.Unit}, {options.From:dd/MM/yyyy}–{options.To:dd/MM/yyyy}");
        var url = string.Create(CultureInfo.InvariantCulture, $"api/v1/reports/{report}?unit={options.Unit}&from={options.From:yyyy-MM-dd}&to={options.To:yyyy-MM-dd}");
        var (api, body) = await TimeApiAsync(http, url, ct);
        var apiTotal = TotalColumns(body);
        var (rawStats, raw) = await TimeRawAsync(() => RawForm06Query.RunAsync(connection, options.Unit, options.From, options.To, ct, byDesk));
        Compare(api, rawStats);
        output.WriteLine($"{"cột",-14}{"API",14}{"GROUP BY",14}");
        for (var c = 0; c < RawForm06Query.ColumnNames.Length; c++)
        {
            var same = apiTotal[c] == raw.Columns[c] ? "" : "  ≠";
            output.WriteLine($"{RawForm06Query.ColumnNames[c],-14}{RawForm06Query.Format(apiTotal[c]),14}{RawForm06Query.Format(raw.Columns[c]),14}{same}");
        }
    }

    // The API's report, sequentially after the warm-up requests; returns the times and the last answer.
    private async Task<(LatencyStats Stats, string Body)> TimeApiAsync(HttpClient http, string url, CancellationToken ct)
    {
        var stats = new LatencyStats();
        var body = "";
        for (var i = 0; i < options.Warmup + options.Iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url, ct);
            body = await response.Content.ReadAsStringAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliInputException($"{url}: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            }

            if (i >= options.Warmup)
            {
                stats.Record(elapsed.Ticks, (int)response.StatusCode);
            }
        }

        return (stats, body);
    }

    // The raw query; the first run warms its pages into the cache too, as the API's warm-up does, and is not counted.
    private async Task<(LatencyStats Stats, T Result)> TimeRawAsync<T>(Func<Task<T>> run)
    {
        var stats = new LatencyStats();
        var result = await run();
        for (var i = 0; i < options.RawIterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            result = await run();
            stats.Record(Stopwatch.GetElapsedTime(started).Ticks, 200);
        }

        return (stats, result);
    }

    private void Compare(LatencyStats api, LatencyStats raw)
    {
        Print("API (thống kê lưu sẵn)", api, options.Iterations);
        Print("GROUP BY trên bảng gốc", raw, options.RawIterations);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tỷ lệ GROUP BY / API: p50 {raw.PercentileMs(50) / api.PercentileMs(50):F1}×, p95 {raw.PercentileMs(95) / api.PercentileMs(95):F1}×"));
    }

    private static (long Numerator, long Denominator) Indicator(string body, string id)
    {
        using var document = JsonDocument.Parse(body);
        foreach (var group in document.RootElement.GetProperty("groups").EnumerateArray())
        {
            foreach (var indicator in group.GetProperty("indicators").EnumerateArray())
            {
                if (indicator.GetProperty("id").GetString() == id)
                {
                    return (indicator.GetProperty("numerator").GetInt64(), indicator.GetProperty("denominator").GetInt64());
                }
            }
        }

        throw new CliInputException($"bảng điểm không có chỉ số {id}.");
    }

    private void Print(string name, LatencyStats stats, int n) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-26} n={n,-4} p50 {stats.PercentileMs(50),9:F1} ms   p95 {stats.PercentileMs(95),9:F1} ms   max {stats.PercentileMs(100),9:F1} ms"));

    // Columns 3–13 of the total: named in Biểu 06's answer, the line's values in the other reports' (form06-desk).
    private static int[] TotalColumns(string body)
    {
        using var document = JsonDocument.Parse(body);
        var total = document.RootElement.GetProperty("total");
        if (total.TryGetProperty("values", out var values))
        {
            return [.. values.EnumerateArray().Select(v => (int)v.GetDecimal())];
        }

        string[] names = ["total", "online", "inPersonOrPostal", "carriedOver", "finished", "early", "onTime", "late", "inProgress", "withinDeadline", "overdue"];
        return names.Select(n => total.GetProperty(n).GetInt32()).ToArray();
    }
}
