using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MotCua.Domain.Access;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.ProvinceAdmin;

/// <summary>The province administrator's catalogue API (issue 8 §4): an edit is a new version from a date, the current
/// version ends the day before, dossiers already received keep their version; invalid edits come back in Vietnamese per
/// field; only a province administrator may read the internal notes or edit.</summary>
public sealed class CatalogueAdminApiTests
{
    public const string Admin = "admin@motcua.local";

    private static readonly string[] OriginalOnly = ["Original"];
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Theory, AllDatabases]
    public async Task NewVersion_FromToday_ClosesTheCurrent_AndReceivedDossiersKeepTheirVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var before = await harness.CreateAsync(desk, ct);
        var admin = await harness.ClientAsync(Admin, ct);
        var code = harness.Procedure.Code.Value;
        var today = new DateOnly(2026, 11, 24);
        var steps = harness.Procedure.InternalProcess.Select((s, i) => new
        {
            name = s.Name,
            role = s.Role.ToString(),
            agencyName = s.AgencyName,
            slice = i == harness.Procedure.InternalProcess.Count - 1 ? s.Slice + 3 : s.Slice,
        }).ToList();

        using var created = await admin.PostAsJsonAsync($"/api/v1/admin/procedures/{code}/versions", new
        {
            basedOnVersion = harness.Procedure.Version,
            validFrom = today,
            processingTimeValue = harness.Procedure.ProcessingTime.Value + 3,
            steps,
            supplementPolicy = "SupplementPause",
            internalNote = "Đối chiếu Quyết định công bố số 12/QĐ-UBND (thử nghiệm)",
        }, ct);

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var v2 = await ReadAsync(created, ct);
        Assert.Equal(harness.Procedure.Version + 1, v2["version"]!.GetValue<int>());
        Assert.Equal("SupplementPause", v2["supplementPolicy"]!.GetValue<string>());
        var versions = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/admin/procedures/{code}/versions", ct);
        Assert.Equal("2026-11-23", versions![^2]!["validTo"]!.GetValue<string>());
        Assert.Null(versions[^1]!["validTo"]);
        Assert.Equal("Đối chiếu Quyết định công bố số 12/QĐ-UBND (thử nghiệm)", versions[^1]!["provenance"]!["source"]!.GetValue<string>());

        // The dossier received under version 1 keeps it and its appointment; version 1 no longer takes receipts; version 2
        // counts three more working days.
        var kept = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{before["id"]}", ct), ct);
        Assert.Equal(harness.Procedure.Id, kept["procedureId"]!.GetValue<Guid>());
        Assert.Equal(before["appointmentAt"]!.GetValue<DateTime>(), kept["currentAppointmentAt"]!.GetValue<DateTime>());
        using var old = await desk.PostAsJsonAsync("/api/v1/dossiers", harness.CounterBody(), ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        var body = WithProcedure(harness.CounterBody(), v2["id"]!.GetValue<Guid>());
        var after = await harness.CreateAsync(desk, ct, body);
        Assert.Equal(v2["id"]!.GetValue<Guid>(), (await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{after["id"]}", ct), ct))["procedureId"]!.GetValue<Guid>());
        Assert.True(after["appointmentAt"]!.GetValue<DateTime>() > before["appointmentAt"]!.GetValue<DateTime>().AddDays(2));
    }

    [Theory, AllDatabases]
    public async Task NewVersion_Invalid_ListsVietnameseErrorsPerField_AndStoresNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var admin = await harness.ClientAsync(Admin, ct);
        var code = harness.Procedure.Code.Value;

        using var past = await admin.PostAsJsonAsync($"/api/v1/admin/procedures/{code}/versions", new { validFrom = new DateOnly(2026, 11, 23) }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("không được trước hôm nay", (await ReadAsync(past, ct))["errors"]!["validFrom"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        using var invalid = await admin.PostAsJsonAsync($"/api/v1/admin/procedures/{code}/versions", new
        {
            validFrom = new DateOnly(2027, 1, 1),
            name = " ",
            processingTimeValue = harness.Procedure.ProcessingTime.Value + 1,
            fees = new[] { new { name = "Lệ phí", amountVnd = -5000 } },
            requiredDocuments = new[] { new { name = "Tờ khai", copies = 0, forms = OriginalOnly } },
            financialObligationPausesClock = false,
        }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await ReadAsync(invalid, ct))["errors"]!.AsObject();
        Assert.Equal("Tên thủ tục: không được để trống.", errors["name"]![0]!.GetValue<string>());
        Assert.Equal("Phí, lệ phí dòng 1, số tiền: không được âm.", errors["fees[0].amountVnd"]![0]!.GetValue<string>());
        Assert.Equal("Thành phần hồ sơ dòng 1, số bản: phải từ 1 bản trở lên.", errors["requiredDocuments[0].copies"]![0]!.GetValue<string>());
        Assert.StartsWith("Quy trình nội bộ: tổng thời gian các bước", errors["steps"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        using var stale = await admin.PostAsJsonAsync($"/api/v1/admin/procedures/{code}/versions",
            new { basedOnVersion = harness.Procedure.Version + 5, validFrom = new DateOnly(2027, 1, 1) }, ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var versions = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/admin/procedures/{code}/versions", ct);
        Assert.Equal(harness.Procedure.Version, versions![^1]!["version"]!.GetValue<int>());
        Assert.Null(versions[^1]!["validTo"]);
    }

    [Theory, AllDatabases]
    public async Task AdminEndpoints_OnlyAProvinceAdministrator_CitizenGetsNotFound(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await harness.CreateStaffAsync("quantri.tohieu@motcua.local", StaffRole.Administrator, TuHieu, ct);
        var code = harness.Procedure.Code.Value;
        var edit = new { validFrom = new DateOnly(2027, 1, 1), name = "Tên mới" };
        var day = new { kind = "Holiday", description = "Nghỉ", source = "Văn bản thử" };
        string[] reads = [$"/api/v1/admin/procedures?q=khai+sinh", $"/api/v1/admin/procedures/{code}/versions", "/api/v1/admin/calendar/2026", "/api/v1/admin/calendar/2026/export"];

        foreach (var (email, expected) in new[]
        {
            (Desk, HttpStatusCode.Forbidden), (Handler, HttpStatusCode.Forbidden), ("quantri.tohieu@motcua.local", HttpStatusCode.Forbidden),
            (Citizen, HttpStatusCode.NotFound),
        })
        {
            var client = await harness.ClientAsync(email, ct);
            foreach (var path in reads)
            {
                using var read = await client.GetAsync(path, ct);
                Assert.True(read.StatusCode == expected, $"{email} GET {path}: {read.StatusCode}");
            }

            using var post = await client.PostAsJsonAsync($"/api/v1/admin/procedures/{code}/versions", edit, ct);
            using var put = await client.PutAsJsonAsync("/api/v1/admin/calendar/2026/days/2026-12-31", day, ct);
            using var import = await client.PostAsync("/api/v1/admin/calendar/import", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), ct);
            Assert.Equal([expected, expected, expected], new[] { post.StatusCode, put.StatusCode, import.StatusCode });
        }

        using var anonymous = await harness.Anonymous().GetAsync("/api/v1/admin/calendar/2026", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var admin = await harness.ClientAsync(Admin, ct);
        var versions = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/admin/procedures/{code}/versions", ct);
        Assert.Equal(harness.Procedure.Name, versions![^1]!["name"]!.GetValue<string>());
        var calendar = await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/calendar/2026", ct);
        Assert.DoesNotContain(calendar!["entries"]!.AsArray(), e => e!["date"]!.GetValue<string>() == "2026-12-31");
    }

    private static JsonObject WithProcedure(object body, Guid procedureId)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body, Web)!.AsObject();
        json["procedureId"] = procedureId;
        return json;
    }
}
