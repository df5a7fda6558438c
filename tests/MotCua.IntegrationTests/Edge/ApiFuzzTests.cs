using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Documents;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Edge;

/// <summary>Thousands of generated bad requests over every operation of <c>/openapi/v1.json</c>, as the desk officer, a
/// citizen and anonymously, in the Development environment the README's <c>dotnet run</c> uses: no answer is a 5xx, and
/// no body shows an exception, a stack frame or a source path.</summary>
public sealed class ApiFuzzTests : IDisposable
{
    private const int Seed = 20261203;
    private const int Requests = 3000;
    private readonly TempFolder _store = new();

    public void Dispose() => _store.Dispose();

    [Theory, AllDatabases]
    public async Task GeneratedBadRequests_NeverAnswer5xx_NorShowInternals(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct, new Dictionary<string, string> { ["Documents:Root"] = _store.Path });
        var desk = await harness.ClientAsync(Desk, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        // The province administrator's token reaches the admin handlers' validation, past their 403.
        var admin = await harness.ClientAsync(Admin, ct);
        // Home Affairs reaches the survey handlers' validation (questionnaires, campaigns, ballots), past their 403.
        var homeAffairs = await harness.ClientAsync("noivu@motcua.local", ct);
        var created = await harness.CreateAsync(desk, ct);
        var online = await harness.CreateOnlineAsync(citizen, ct);
        var counterId = created["id"]!.GetValue<Guid>();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf()), "file", "to-khai.pdf" }, { new StringContent("Tờ khai"), "componentName" } };
        form.First().Headers.ContentType = new("application/pdf");
        using var upload = await desk.PostAsync($"/api/v1/dossiers/{counterId}/documents", form, ct);
        var documentId = (await ReadAsync(upload, ct))["id"]!.GetValue<Guid>();
        // A published PAKN answer, so that its public calls (reply, reaction) reach their rules.
        var (_, paknCode) = await Pakn.PaknApiTests.PublishedAsync(harness, ct);
        var spec = JsonNode.Parse(await desk.GetStringAsync("/openapi/v1.json", ct))!;
        var operations = ApiFuzzer.Operations(spec);
        var known = new ApiFuzzer.Known(
            [counterId.ToString(), online.ToString(), documentId.ToString(), Unit(TuHieu).ToString(), harness.Procedure.Id.ToString(),
                DemoData.UserId(Desk).ToString(), DemoData.DeskId(TuHieu).ToString(), "2026", "2026-12-08"],
            [created["code"]!.GetValue<string>(), "000.00.41.H56-261124-0001", "H56.41-261124-0001", harness.Procedure.Code.Value, paknCode],
            [.. Enum.GetNames<DossierTrigger>(), "accept", "1", ""],
            [1, 2, 3, 0, -1, int.MaxValue]);
        using var errors = new ErrorLog();
        harness.Factory.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);
        var random = new Random(Seed);
        var fuzzer = new ApiFuzzer(spec, random, known);
        string?[] tokens = [Bearer(desk), Bearer(citizen), Bearer(admin), Bearer(homeAffairs), null];
        var client = harness.Anonymous();
        client.Timeout = TimeSpan.FromSeconds(60);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < Requests; i++)
        {
            var operation = operations[i % operations.Count];
            using var request = fuzzer.Build(operation);
            ApiFuzzer.Authorize(request, tokens[random.Next(tokens.Length)]);
            var target = $"{request.Method} {request.RequestUri}";
            using var response = await client.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync(ct);
            if (status >= 500 || ApiFuzzer.LeaksInternals(body))
            {
                failures.Add($"#{i} {operation}: {status} for {Cut(target, 300)}: {Cut(body, 300)}\n  server log: {Cut(errors.For(body), 1500)}");
            }
        }

        var summary = $"{provider}: {Requests} requests over {operations.Count} operations in {watch.Elapsed.TotalSeconds:0.0} s; statuses {ApiFuzzer.Summary(statuses)}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(operations.Count >= 10, $"Only {operations.Count} operations in the OpenAPI document.");
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers; {summary}\n{string.Join('\n', failures.Take(40))}");
    }

    /// <summary>The server's error log, so that a failure shows the exception behind a 500.</summary>
    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(string? TraceId, string Text)> _entries = new();

        // The entries logged under the trace id the problem details carry.
        public string For(string body) =>
            string.Join("\n", _entries.Where(e => e.TraceId is not null && body.Contains(e.TraceId, StringComparison.Ordinal)).Select(e => e.Text));

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _entries.Enqueue((Activity.Current?.Id, $"{formatter(state, exception)} {exception}"));
            }
        }

        public void Dispose()
        {
        }
    }

    private static string? Bearer(HttpClient client) => client.DefaultRequestHeaders.Authorization?.Parameter;

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
