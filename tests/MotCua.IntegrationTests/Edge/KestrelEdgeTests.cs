using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.IntegrationTests.Edge;

/// <summary>What only the real server does, on a real loopback socket: the answers Kestrel writes itself, before the
/// application sees the request, and its request-body limit on an upload.</summary>
public sealed class KestrelEdgeTests
{
    private static readonly string LongPath = "/api/v1/" + new string('a', 9000);

    private static readonly (string Name, string Request, int Status, string ErrorCode)[] Malformed =
    [
        ("space in the path", "GET /api/v1/a b HTTP/1.1\r\nHost: x\r\n\r\n", 400, "http.bad_request"),
        ("non-ASCII byte in the path", "GET /api/v1/\u00e1 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "http.bad_request"),
        ("no Host header", "GET / HTTP/1.1\r\n\r\n", 400, "http.bad_request"),
        ("header line without a colon", "GET / HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n", 400, "http.bad_request"),
        ("unknown HTTP version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", 400, "http.version_not_supported"),
        ("URL over the request-line limit", $"GET {LongPath} HTTP/1.1\r\nHost: x\r\n\r\n", 414, "http.uri_too_long"),
        ("headers over the total limit", $"GET / HTTP/1.1\r\nHost: x\r\nX-Big: {new string('a', 40_000)}\r\n\r\n", 431, "http.headers_too_large"),
    ];

    [Fact]
    public async Task ServerOwnErrors_HaveVietnameseProblemBodies_AndNoServerErrorStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await DossierApiHarness.StartAsync(DatabaseProvider.Sqlite, ct, kestrel: true);
        var address = harness.Anonymous().BaseAddress!;
        foreach (var (name, request, status, errorCode) in Malformed)
        {
            var (head, body) = await RawAsync(address, request, ct);
            Assert.True(head.StartsWith($"HTTP/1.1 {status} ", StringComparison.Ordinal), $"{name}: {head}");
            Assert.Contains("Content-Type: application/problem+json; charset=utf-8", head, StringComparison.Ordinal);
            Assert.Contains("X-Content-Type-Options: nosniff", head, StringComparison.Ordinal);
            var problem = JsonNode.Parse(body)!.AsObject();
            Assert.Equal(status, problem["status"]!.GetValue<int>());
            Assert.Equal(errorCode, problem["errorCode"]!.GetValue<string>());
            Assert.Matches("[ạảãáàâầấậẫẩăằắặẵẳêềếệễểôồốộỗổơờớợỡởưừứựữửđ]", problem["detail"]!.GetValue<string>());
        }

        // A well-formed request on the same server is untouched.
        using var ok = await harness.Anonymous().GetAsync("/api/v1/public/dossiers/000.00.41.H56-261124-0001", ct);
        Assert.Equal(HttpStatusCode.NotFound, ok.StatusCode);
        Assert.Equal("application/problem+json", ok.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>An upload larger than the server accepts (Kestrel's request-body limit, 30 MB by default, above the
    /// document store's 20 MB) is refused with 413 and a problem body, and nothing is stored.</summary>
    [Theory, AllDatabases]
    public async Task Upload_OverTheServerBodyLimit_Is413Problem(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await DossierApiHarness.StartAsync(provider, ct, kestrel: true);
        var desk = await harness.ClientAsync(DossierApiHarness.Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[31 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "qua-lon.pdf");
        form.Add(new StringContent("Tờ khai"), "componentName");
        // Expect: 100-continue, as browsers and curl send for large bodies: the server answers before the body is sent
        // (a client that sends it anyway gets the same 413, then the connection is closed under it).
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/documents") { Content = form };
        request.Headers.ExpectContinue = true;
        using var response = await desk.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await DossierApiHarness.ReadAsync(response, ct);
        Assert.Equal("api.payload_too_large", problem["errorCode"]!.GetValue<string>());
        await using var db = harness.Database.CreateContext();
        Assert.Empty(db.DossierDocuments.Where(d => d.DossierId == id));
    }

    private static async Task<(string Head, string Body)> RawAsync(Uri address, string request, CancellationToken ct)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, ct);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), ct);
        using var buffer = new MemoryStream();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        // Kestrel closes the connection after these answers, so reading to the end gets exactly one response.
        await stream.CopyToAsync(buffer, limit.Token);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"No response head: {text}");
        return (text[..split], text[(split + 4)..]);
    }
}
