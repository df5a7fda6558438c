using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Persistence.Seeding;

namespace MotCua.Cli.Bench;

/// <summary>
/// The HTTP load generator behind `motcua bench dossiers` (API scenarios, and `pages` for the server-rendered pages): closed loop, <see cref="BenchOptions.Concurrency"/> workers,
/// stops by itself after warm-up + duration. Receipts are counter receipts spread over the first
/// <see cref="BenchOptions.ReceiptUnits"/> communes (worker i receives at commune i mod N, as desks across a province do;
/// all at one unit would queue on that unit's daily code counter) with Sở Tư pháp competent (the demo handler's and head's
/// unit), so every step of the main path is fired with the token of the role that owns it. The default desk account
/// (<see cref="DemoData.BenchDeskUser"/>, created by the scale preset) may receive at every commune.
/// </summary>
internal sealed class DossierBench(BenchOptions options, TextWriter output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Guid ListUnit = DemoData.UnitId(DemoData.CommuneCodes[0]);
    private static readonly Guid CompetentUnit = DemoData.UnitId("000.00.03.H56");
    private static readonly string[] ListStatuses = ["Returned", "Appraising", "Received", "ResultAtDesk"];

    private string _desk = "";
    private string _handler = "";
    private string _head = "";
    private Guid _handlerId;
    private Guid _procedureId;
    private string[] _codes = [];
    private Guid[] _workIds = [];
    private HttpClient? _officerPages;
    private long _deadline;
    private long _recordFrom;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency + 4,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };

        _desk = await TokenAsync(http, options.DeskUser, ct);
        _handler = await TokenAsync(http, options.HandlerUser, ct);
        _head = await TokenAsync(http, options.HeadUser, ct);
        _handlerId = DemoData.UserId(options.HandlerUser);
        await DiscoverAsync(http, ct);
        using var cookies = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency + 4,
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
        };
        using var officerPages = new HttpClient(cookies) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        if (options.Scenario == BenchScenario.Pages)
        {
            await SignInAsync(officerPages, options.HandlerUser, ct);
            _officerPages = officerPages;
            _workIds = await DossierIdsAsync(http, CompetentUnit, _handler, ct);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench {options.Scenario}: {options.Url} {options.Concurrency} luồng{(options.Rate > 0 ? $", tải mở {options.Rate} req/s" : ", vòng kín")}, khởi động {options.Warmup.TotalSeconds:F0} s + đo {options.Duration.TotalSeconds:F0} s, {_codes.Length} mã tra cứu"));

        var start = Stopwatch.GetTimestamp();
        _recordFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        _deadline = _recordFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, options.Concurrency).Select(i => Task.Run(() => WorkerAsync(http, i, ct), ct)).ToList();
        var results = await Task.WhenAll(workers);
        var measured = options.Duration.TotalSeconds;

        var merged = new SortedDictionary<string, LatencyStats>(StringComparer.Ordinal);
        foreach (var worker in results)
        {
            foreach (var (op, stats) in worker)
            {
                if (!merged.TryGetValue(op, out var into))
                {
                    merged[op] = into = new LatencyStats();
                }

                into.Merge(stats);
            }
        }

        // The server columns come from the Server-Timing header, which the server sends only with
        // Diagnostics:ServerTiming=true: the time from the request reaching the app to its response starting, without
        // the client's own queueing on a shared machine.
        await output.WriteLineAsync($"{"thao tác",-22}{"yêu cầu",9}{"req/s",9}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}{"máy chủ p50",13}{"p99",7}  mã trạng thái");
        foreach (var (op, s) in merged)
        {
            var statuses = string.Join(" ", s.Statuses.OrderBy(x => x.Key).Select(x => $"{(x.Key == 0 ? "lỗi" : x.Key.ToString(CultureInfo.InvariantCulture))}×{x.Value}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{op,-22}{s.Count,9}{s.Count / measured,9:F0}{s.PercentileMs(50),9:F1}{s.PercentileMs(95),9:F1}{s.PercentileMs(99),9:F1}{s.PercentileMs(100),9:F1}{Server(s.ServerPercentileMs(50)),13}{Server(s.ServerPercentileMs(99)),7}  {statuses}"));
        }

        var transitions = merged.Where(x => x.Key.StartsWith("transition:", StringComparison.Ordinal)).Sum(x => x.Value.Ok);
        var receipts = merged.TryGetValue("receipt", out var r) ? r.Ok : 0;
        var all = merged.Values.Sum(s => s.Count);
        var errors = merged.Values.Sum(s => s.Count - s.Ok);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"tổng: {all / measured:F0} req/s; chuyển bước thành công {transitions / measured:F0}/s; tiếp nhận {receipts / measured:F0}/s; lỗi {errors}"));
        return errors == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private async Task<Dictionary<string, LatencyStats>> WorkerAsync(HttpClient http, int index, CancellationToken ct)
    {
        var stats = new Dictionary<string, LatencyStats>(StringComparer.Ordinal);
        var random = new Random(index);
        var pacer = options.Rate > 0 ? Pacer.For(options.Rate, options.Concurrency, index) : null;
        var kind = options.Scenario switch
        {
            // The mix: half the workers walk dossiers along the main path, a quarter list, a quarter look up codes.
            BenchScenario.Mixed => (index % 4) switch { 0 or 1 => BenchScenario.Transitions, 2 => BenchScenario.List, _ => BenchScenario.Public },
            var s => s,
        };
        while (Stopwatch.GetTimestamp() < _deadline && !ct.IsCancellationRequested)
        {
            switch (kind)
            {
                case BenchScenario.Transitions:
                    await MainPathAsync(http, stats, pacer, index, ct);
                    break;
                case BenchScenario.List:
                    await ListAsync(http, stats, pacer, random, ct);
                    break;
                case BenchScenario.Pages:
                    await PageAsync(http, stats, pacer, random, ct);
                    break;
                default:
                    await SendAsync(http, stats, pacer, "public", HttpMethod.Get, $"api/v1/public/dossiers/{Uri.EscapeDataString(_codes[random.Next(_codes.Length)])}", null, null, null, ct);
                    break;
            }
        }

        return stats;
    }

    private async Task MainPathAsync(HttpClient http, Dictionary<string, LatencyStats> stats, Pacer? pacer, int worker, CancellationToken ct)
    {
        var body = new
        {
            channel = "InPerson",
            procedureId = _procedureId,
            receivingUnitId = DemoData.UnitId(DemoData.CommuneCodes[worker % options.ReceiptUnits]),
            competentUnitId = CompetentUnit,
            applicant = new { fullName = "Lò Văn Bench", identityNumber = "014100000000", phone = "0912345678" },
        };
        var created = await SendAsync(http, stats, pacer, "receipt", HttpMethod.Post, "api/v1/dossiers", _desk, body, $"bench-{worker}-{Guid.NewGuid():N}", ct);
        if (created is null)
        {
            return;
        }

        var id = created.Value.GetProperty("id").GetGuid();
        var version = created.Value.GetProperty("version").GetInt32();
        (string Trigger, string Token)[] path =
        [
            ("Transfer", _desk), ("Assign", _head), ("StartAppraisal", _handler), ("SubmitForApproval", _handler), ("Approve", _head), ("ReturnResult", _desk),
        ];
        foreach (var (trigger, token) in path)
        {
            if (Stopwatch.GetTimestamp() >= _deadline)
            {
                return;
            }

            object step = trigger == "Assign" ? new { trigger, version, officerId = _handlerId } : new { trigger, version };
            var view = await SendAsync(http, stats, pacer, "transition:" + trigger, HttpMethod.Post, $"api/v1/dossiers/{id}/transitions", token, step, null, ct);
            if (view is null)
            {
                return;
            }

            version = view.Value.GetProperty("version").GetInt32();
        }
    }

    private async Task ListAsync(HttpClient http, Dictionary<string, LatencyStats> stats, Pacer? pacer, Random random, CancellationToken ct)
    {
        var status = ListStatuses[random.Next(ListStatuses.Length)];
        var url = $"api/v1/dossiers?unit={ListUnit}&status={status}&limit=50";
        var page = await SendAsync(http, stats, pacer, "list", HttpMethod.Get, url, _desk, null, null, ct);
        // Keyset paging: follow the cursor once or twice, as a clerk scrolling would.
        for (var i = 0; i < 2 && page is { } p && p.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String; i++)
        {
            page = await SendAsync(http, stats, pacer, "list:next", HttpMethod.Get, url + "&after=" + Uri.EscapeDataString(next.GetString()!), _desk, null, null, ct);
        }
    }

    /// <summary>One page, in equal shares: the handling officer's work list of Sở Tư pháp (all, or one status), one of its
    /// dossiers' work page, or the anonymous citizen lookup page for a code. HTML is read whole and not parsed.</summary>
    private async Task PageAsync(HttpClient http, Dictionary<string, LatencyStats> stats, Pacer? pacer, Random random, CancellationToken ct)
    {
        switch (random.Next(3))
        {
            case 0:
                var status = random.Next(2) == 0 ? "" : "&status=" + ListStatuses[random.Next(ListStatuses.Length)];
                await SendAsync(_officerPages!, stats, pacer, "page:work-list", HttpMethod.Get, $"Work?unit={CompetentUnit}{status}", null, null, null, ct, json: false);
                break;
            case 1:
                await SendAsync(_officerPages!, stats, pacer, "page:work-dossier", HttpMethod.Get, $"Work/Dossier/{_workIds[random.Next(_workIds.Length)]}", null, null, null, ct, json: false);
                break;
            default:
                await SendAsync(http, stats, pacer, "page:lookup", HttpMethod.Get, $"Portal/Lookup?code={Uri.EscapeDataString(_codes[random.Next(_codes.Length)])}", null, null, null, ct, json: false);
                break;
        }
    }

    private async Task<JsonElement?> SendAsync(
        HttpClient http, Dictionary<string, LatencyStats> stats, Pacer? pacer, string op, HttpMethod method, string url, string? token,
        object? body, string? idempotencyKey, CancellationToken ct, bool json = true)
    {
        // Open loop: the latency counts from the request's slot (see Pacer); closed loop: from now.
        var started = pacer is null ? Stopwatch.GetTimestamp() : await pacer.NextAsync(ct);
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        int status;
        long? serverTicks = null;
        JsonElement? result = null;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            status = (int)response.StatusCode;
            serverTicks = ServerTicks(response);
            if (response.IsSuccessStatusCode)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(ct);
                result = json ? JsonDocument.Parse(bytes).RootElement.Clone() : default(JsonElement);
            }
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            status = 0;
        }

        var ended = Stopwatch.GetTimestamp();
        if (started >= _recordFrom && ended <= _deadline)
        {
            if (!stats.TryGetValue(op, out var s))
            {
                stats[op] = s = new LatencyStats();
            }

            s.Record((long)((ended - started) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)), status, serverTicks);
        }

        return result;
    }

    // "app;dur=12.3" (milliseconds), as MotCua's ServerTiming middleware writes it.
    private static long? ServerTicks(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            var at = value.IndexOf("dur=", StringComparison.Ordinal);
            if (at >= 0 && double.TryParse(value.AsSpan(at + 4).TrimEnd(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                return (long)(ms * TimeSpan.TicksPerMillisecond);
            }
        }

        return null;
    }

    private static string Server(double ms) => double.IsNaN(ms) ? "—" : ms.ToString("F1", CultureInfo.InvariantCulture);

    private Task<string> TokenAsync(HttpClient http, string user, CancellationToken ct) =>
        BenchAuth.TokenAsync(http, user, options.Password, Json, ct);

    /// <summary>Signs in through the login form as a person would (antiforgery token from the page, cookie kept by
    /// <paramref name="pages"/>'s container); the form answers a redirect when the password was right.</summary>
    private async Task SignInAsync(HttpClient pages, string user, CancellationToken ct)
    {
        var form = await pages.GetStringAsync("Account/Login", ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        if (!token.Success)
        {
            throw new CliInputException("trang đăng nhập không có mã chống giả mạo (__RequestVerificationToken).");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = user,
            ["Input.Password"] = options.Password,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        });
        using var response = await pages.PostAsync("Account/Login", content, ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new CliInputException($"không đăng nhập được trang web bằng {user}: HTTP {(int)response.StatusCode}.");
        }
    }

    /// <summary>Up to 2,000 dossier ids of <paramref name="unit"/> as its own officer lists them.</summary>
    private static async Task<Guid[]> DossierIdsAsync(HttpClient http, Guid unit, string token, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await ListUnitAsync(http, unit, token, 10, () => ids.Count >= 2000, item => ids.Add(item.GetProperty("id").GetGuid()), ct);
        return ids.Count > 0 ? [.. ids] : throw new CliInputException("cơ quan xử lý chưa có hồ sơ: chạy `motcua seed --preset demo` trên cơ sở dữ liệu này trước.");
    }

    /// <summary>Pages through <paramref name="unit"/>'s dossiers (200 a page, up to <paramref name="maxPages"/>, until
    /// <paramref name="enough"/>), handing each item to <paramref name="each"/>.</summary>
    private static async Task ListUnitAsync(
        HttpClient http, Guid unit, string token, int maxPages, Func<bool> enough, Action<JsonElement> each, CancellationToken ct)
    {
        string? after = null;
        for (var page = 0; page < maxPages && !enough(); page++)
        {
            var url = $"api/v1/dossiers?unit={unit}&limit=200" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliInputException($"không đọc được danh sách hồ sơ: HTTP {(int)response.StatusCode}.");
            }

            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
            foreach (var item in json.GetProperty("items").EnumerateArray())
            {
                each(item);
            }

            after = json.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (after is null)
            {
                return;
            }
        }
    }

    private async Task DiscoverAsync(HttpClient http, CancellationToken ct)
    {
        var codes = new List<string>();
        await ListUnitAsync(http, ListUnit, _desk, 20, () => codes.Count >= 2000, item =>
        {
            if (_procedureId == Guid.Empty)
            {
                _procedureId = item.GetProperty("procedureId").GetGuid();
            }

            if (item.GetProperty("code").GetString() is { } code)
            {
                codes.Add(code);
            }
        }, ct);

        if (_procedureId == Guid.Empty || codes.Count == 0)
        {
            throw new CliInputException("cơ sở dữ liệu chưa có hồ sơ ở Phường Tô Hiệu: chạy `motcua seed --preset demo` trước.");
        }

        _codes = [.. codes];
    }
}
