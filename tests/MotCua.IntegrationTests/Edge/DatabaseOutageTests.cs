using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Edge;

/// <summary>PostgreSQL going away under a running node, for real: the node's connections go through a
/// <see cref="TcpProxy"/> the test cuts (open connections reset, new ones refused) and restores.</summary>
public sealed class DatabaseOutageTests
{
    [Theory, PostgresOnly]
    public async Task DatabaseUnreachable_Answers503WithRetryAfter_ThenRecovers(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var (proxy, connectionString) = TcpProxy.ForPostgres(database.ConnectionString);
        await using var _ = proxy;
        await using var root = new MotCuaWebFactory(database);
        await using var factory = root.WithWebHostBuilder(b => b.UseSetting($"ConnectionStrings:{provider}", connectionString));
        using var client = factory.CreateClient();
        var token = await TokenAsync(client, ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        proxy.Cut();
        using var list = await client.GetAsync("/api/v1/dossiers", ct);
        using var login = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Desk, password = DemoData.Password }, ct);
        using var lookup = await client.GetAsync("/api/v1/public/dossiers/000.00.41.H56-261124-0001", ct);
        proxy.Restore();
        var recovered = await EventuallyAsync(async () => (await client.GetAsync("/api/v1/dossiers", ct)).StatusCode == HttpStatusCode.OK, ct);

        foreach (var response in new[] { list, login, lookup })
        {
            await EdgeValidationTests.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "cơ sở dữ liệu", ct);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }

        Assert.True(recovered, "The node did not serve again once the database was back.");
    }

    /// <summary>The built web app as its own process (<c>dotnet MotCua.Web.dll</c>, Development as the README runs it,
    /// with the Quartz scheduler and the outbox on): the database goes away, the node is asked to stop, and it exits
    /// within its shutdown timeout; the receipt it acknowledged before is in the database.</summary>
    [Theory, PostgresOnly]
    public async Task Sigterm_WhileDatabaseUnreachable_ExitsWithinShutdownTimeout_KeepingAcknowledgedReceipts(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        const int shutdownSeconds = 10;
        await using var database = await TestDatabase.CreateMigratedAsync(provider, ct);
        var (proxy, connectionString) = TcpProxy.ForPostgres(database.ConnectionString);
        await using var _ = proxy;
        using var folder = new TempFolder();
        var port = FreePort();
        using var node = StartNode(folder.Path, port, connectionString, shutdownSeconds, out var log);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            Assert.True(await EventuallyAsync(async () => await TryGetAsync(client, "/api/v1/public/dossiers/x", ct) is not null, ct, TimeSpan.FromSeconds(120)),
                $"The node did not start.\n{log}");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, ct));
            var receipt = await ReceiveAsync(client, database, ct);

            proxy.Cut();
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            using var during = await client.GetAsync("/api/v1/dossiers", ct);
            await EdgeValidationTests.AssertProblemAsync(during, HttpStatusCode.ServiceUnavailable, "cơ sở dữ liệu", ct);
            var watch = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds((shutdownSeconds * 2) + 15));
            var exited = await WaitForExitAsync(node, limit.Token);
            Assert.True(exited, $"The node was still running {watch.Elapsed.TotalSeconds:0} s after SIGTERM.\n{log}");
            TestContext.Current.TestOutputHelper?.WriteLine($"Exited {watch.Elapsed.TotalSeconds:0.0} s after SIGTERM with code {node.ExitCode}.");

            proxy.Restore();
            await using var db = database.CreateContext();
            var stored = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == receipt.Id, ct);
            Assert.Equal(receipt.Code, stored.Code?.Format());
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartNode(string folder, int port, string connectionString, int shutdownSeconds, out StringBuilder log)
    {
        var dll = Path.Combine(DataRoot.Find(AppContext.BaseDirectory), "artifacts", "bin", "MotCua.Web",
            Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)), "MotCua.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution first.");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["DOTNET_SHUTDOWNTIMEOUTSECONDS"] = shutdownSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Postgres"] = connectionString,
                ["Seed__DemoDossiers"] = "false",
                ["Documents__Root"] = Path.Combine(folder, "documents"),
                ["Jobs__OutboxInterval"] = "00:00:01",
            },
        };
        var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log = output;
        return process;
    }

    private static async Task<(Guid Id, string Code)> ReceiveAsync(HttpClient client, TestDatabase database, CancellationToken ct)
    {
        Guid procedureId;
        await using (var db = database.CreateContext())
        {
            var today = VietnamTime.BusinessDate(DateTime.UtcNow);
            procedureId = (await db.Procedures.AsNoTracking().ToListAsync(ct))
                .First(p => p.ProcessingTime.Unit == ProcessingTimeUnit.WorkingDay && ProcedureTerms.From(p).IsSuccess && p.IsInForceOn(today)).Id;
        }

        using var response = await client.PostAsJsonAsync("/api/v1/dossiers", new
        {
            channel = "InPerson",
            procedureId,
            receivingUnitId = Unit(TuHieu),
            competentUnitId = Unit(Justice),
            applicant = new { fullName = "Nguyễn Văn Bình", phone = "0912345678" },
        }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonNode.Parse(body)!;
        return (created["id"]!.GetValue<Guid>(), created["code"]!.GetValue<string>());
    }

    private static async Task<string> TokenAsync(HttpClient client, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Desk, password = DemoData.Password }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient client, string path, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(path, ct);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, CancellationToken ct, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (within ?? TimeSpan.FromSeconds(20)))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250, ct);
        }

        return false;
    }

    private static async Task<bool> WaitForExitAsync(Process process, CancellationToken ct)
    {
        try
        {
            await process.WaitForExitAsync(ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
