using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Infrastructure;

/// <summary>A PAKN case taken to publication through the API (sent on the portal, classified by the desk, reviewed and
/// answered by the department, decided and published by its head): what the reader journeys start from. The pages of
/// those steps have their own journey (PaknJourneyTests).</summary>
public static class PublishedPakn
{
    private static readonly string[] Criteria = ["Necessity", "ReasonablenessAndLegality", "Simplicity", "Feasibility", "Consistency", "TreatyConformity"];

    /// <summary>Returns the published case's tracking code.</summary>
    public static async Task<string> CreateAsync(AppServer server, string subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var http = new HttpClient { BaseAddress = server.Address };
        using var sent = await http.PostAsJsonAsync("/api/v1/public/pakn", new
        {
            kind = "Petition",
            subject,
            content = "Đề nghị bỏ yêu cầu nộp bản sao giấy khai sinh của cha mẹ vì dữ liệu dân cư đã được kết nối.",
            fullName = "Lường Văn Tâm",
            address = "Bản Cọ, phường Tô Hiệu, Sơn La",
            phone = "0976 220 118",
            receivingUnitId = DemoData.UnitId(TuHieu),
        }, ct);
        var created = await ReadAsync(sent, ct);
        var id = created["id"]!.GetValue<Guid>();
        var version = 1;
        foreach (var (officer, body) in new (string, object)[]
                 {
                     (Desk, new { trigger = "Classify", classification = "Regulation", kind = "Petition", categories = new[] { 2, 7 }, handlingUnitId = DemoData.UnitId(Justice) }),
                     (Handler, new { trigger = "StartHandling" }),
                     (Handler, new { trigger = "RecordReview", review = Criteria.Select(c => new { criterion = c, verdict = "Met" }) }),
                     (Handler, new { trigger = "DraftAnswer", answer = "Sở Tư pháp đã rà soát và sẽ khai thác dữ liệu dân cư thay cho bản sao giấy khai sinh.", decisionForm = "AmendWithinAuthority" }),
                     (Head, new { trigger = "Decide" }),
                     (Head, new { trigger = "SubmitForPublication" }),
                     (Head, new { trigger = "Publish", channels = new[] { "Portal" } }),
                 })
        {
            var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
            json["version"] = version;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/pakn/{id}/transitions") { Content = JsonContent.Create(json) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, officer, ct));
            using var fired = await http.SendAsync(request, ct);
            version = (await ReadAsync(fired, ct))["version"]!.GetValue<int>();
        }

        return created["trackingCode"]!.GetValue<string>();
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = email, password = Session.DemoPassword }, ct);
        return (await ReadAsync(response, ct))["accessToken"]!.GetValue<string>();
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
