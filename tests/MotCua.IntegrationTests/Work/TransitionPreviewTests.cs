using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Work;

/// <summary>The engine's dry run (issue 8 §3: the consequence of an action on the appointment is shown before it is
/// taken): the preview answers what the real call then answers, and saves nothing.</summary>
public sealed class TransitionPreviewTests
{
    [Theory, AllDatabases]
    public async Task Preview_EqualsTheRealOutcome_AndSavesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (desk, head, handler) = (await harness.ClientAsync(Desk, ct), await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var created = await harness.CreateAsync(desk, ct);
        var id = created["id"]!.GetValue<Guid>();
        var appointment = created["appointmentAt"]!.GetValue<DateTime>();
        var version = 1;
        (HttpClient Client, string Trigger, object? Extra)[] steps =
        [
            (desk, "Transfer", null),
            (head, "Assign", new { officerId = DemoData.UserId(Handler) }),
            (handler, "StartAppraisal", null),
            (head, "IssueApology", new { reason = "Cần xác minh thêm", newAppointmentAt = appointment.AddDays(7), signerName = "Lò Văn Khánh" }),
            (handler, "RequestSupplement", new { reason = "Thiếu giấy tờ", items = new[] { "Bản sao sổ hộ khẩu" } }),
            (desk, "CompleteSupplement", null),
            (handler, "SubmitForApproval", null),
            (head, "Approve", null),
        ];
        foreach (var (client, trigger, extra) in steps)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(5));
            var before = await StoredAsync(harness, id, ct);
            var preview = await PostAsync(client, $"/api/v1/dossiers/{id}/transitions/preview", trigger, version, extra, ct);
            Assert.Equal(before, await StoredAsync(harness, id, ct));

            var real = await PostAsync(client, $"/api/v1/dossiers/{id}/transitions", trigger, version, extra, ct);
            Assert.True(JsonNode.DeepEquals(real, preview), $"{trigger}:\npreview {preview.ToJsonString()}\nreal    {real.ToJsonString()}");
            version = real["version"]!.GetValue<int>();
        }

        Assert.Equal("ResultAtDesk", (await StoredAsync(harness, id, ct)).Status);
    }

    [Theory, AllDatabases]
    public async Task Preview_RefusesLikeTheRealCall(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var head = await harness.ClientAsync(Head, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var stale = await head.PostAsJsonAsync($"/api/v1/dossiers/{id}/transitions/preview", new { trigger = "Transfer", version = 7 }, ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var notAllowed = await desk.PostAsJsonAsync($"/api/v1/dossiers/{id}/transitions/preview", new { trigger = "Approve", version = 1 }, ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAllowed.StatusCode);
        var other = await harness.ClientAsync(OtherDesk, ct);
        using var outOfScope = await other.PostAsJsonAsync($"/api/v1/dossiers/{id}/transitions/preview", new { trigger = "Transfer", version = 1 }, ct);
        Assert.Equal(HttpStatusCode.Forbidden, outOfScope.StatusCode);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string url, string trigger, int version, object? extra, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject();
        body["trigger"] = trigger;
        body["version"] = version;
        using var response = await client.PostAsJsonAsync(url, body, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} {trigger}: {await response.Content.ReadAsStringAsync(ct)}");
        return await ReadAsync(response, ct);
    }

    private sealed record Stored(string Status, int Version, DateTime? Current, int History, int Steps);

    private static async Task<Stored> StoredAsync(Dossiers.DossierApiHarness harness, Guid id, CancellationToken ct)
    {
        await using var db = harness.Database.CreateContext();
        var d = await db.Dossiers.AsNoTracking().Include(x => x.Steps).SingleAsync(x => x.Id == id, ct);
        return new Stored(d.Status.ToString(), d.Version, d.CurrentAppointmentAt, await db.DossierHistory.CountAsync(h => h.DossierId == id, ct), d.Steps.Count);
    }
}
