using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Domain.Catalogue;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Web.Forms;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.OneStop;

/// <summary>The engine endpoints the desk pages stand on (issue 8 §2): checklist and return method at receipt, the
/// appointment preview, the work list, the procedure picker, the one desk completion request, postal return and the
/// audited applicant correction.</summary>
public sealed class DeskApiTests
{
    private static readonly string[] OneItem = ["Tờ khai"];
    private static readonly string[] TwoItems = ["Tờ khai", "Bản sao CCCD"];

    [Theory, AllDatabases]
    public async Task Create_WithChecklistAndPostalReturn_Form01PrintsThem(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var first = harness.Procedure.RequiredDocuments[0];
        var body = Body(harness, new JsonArray(Line(0, Lowest(first.Forms), 3)), "Postal", "Bản Hụm, xã Chiềng Đen");

        var id = (await harness.CreateAsync(desk, ct, body))["id"]!.GetValue<Guid>();
        var view = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{id}", ct), ct);
        var form = await desk.GetStringAsync($"/api/v1/dossiers/{id}/forms/01", ct);

        Assert.Equal("Postal", view["returnMethod"]!.GetValue<string>());
        Assert.Equal("Bản Hụm, xã Chiềng Đen", view["returnAddress"]!.GetValue<string>());
        var line = Assert.Single(view["checklist"]!.AsArray())!;
        Assert.Equal((first.Name, 3), (line["name"]!.GetValue<string>(), line["copies"]!.GetValue<int>()));
        Assert.Contains(first.Name, form, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"c\">{FormText.Label(Lowest(first.Forms))}</td>", form, StringComparison.Ordinal);
        Assert.Contains("<td class=\"c\">03</td>", form, StringComparison.Ordinal);
        // Only what was handed in: the procedure's other documents are not printed as received.
        Assert.DoesNotContain(harness.Procedure.RequiredDocuments[1].Name, form, StringComparison.Ordinal);
        Assert.Contains("Nhận qua dịch vụ bưu chính công ích, tại địa chỉ: Bản Hụm, xã Chiềng Đen", form, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Create_BadChecklistOrApplicant_IsRefusedWithVietnameseMessages(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var badLine = Body(harness, new JsonArray(Line(99, DocumentForms.Original, 1)));
        var badApplicant = Body(harness, null);
        badApplicant["applicant"]!["identityNumber"] = "03409500";
        badApplicant["applicant"]!["phone"] = "12345";
        var noAddress = Body(harness, null, "Postal", null);

        using var checklist = await desk.PostAsJsonAsync("/api/v1/dossiers", badLine, ct);
        using var applicant = await desk.PostAsJsonAsync("/api/v1/dossiers", badApplicant, ct);
        using var address = await desk.PostAsJsonAsync("/api/v1/dossiers", noAddress, ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, checklist.StatusCode);
        Assert.Equal("dossier.invalid_checklist", (await ReadAsync(checklist, ct))["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, applicant.StatusCode);
        var errors = (await ReadAsync(applicant, ct))["errors"]!.AsObject();
        Assert.Contains("12 chữ số", errors["applicant.identityNumber"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Số điện thoại", errors["applicant.phone"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, address.StatusCode);
        Assert.True((await ReadAsync(address, ct))["errors"]!.AsObject().ContainsKey("returnAddress"));
    }

    [Theory, AllDatabases]
    public async Task Preview_EqualsTheCreatedAppointment_AndOtherUnitIsForbidden(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var other = await harness.ClientAsync(OtherDesk, ct);
        var request = new { procedureId = harness.Procedure.Id, receivingUnitId = Unit(TuHieu), competentUnitId = Unit(Justice) };

        using var preview = await desk.PostAsJsonAsync("/api/v1/dossiers/appointment-preview", request, ct);
        var previewed = await ReadAsync(preview, ct);
        var created = await harness.CreateAsync(desk, ct);
        using var forbidden = await other.PostAsJsonAsync("/api/v1/dossiers/appointment-preview", request, ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(created["appointmentAt"]!.GetValue<DateTime>(), previewed["appointmentAt"]!.GetValue<DateTime>());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task WorkList_ShowsEachSection_OnlyForTheDesksUnits(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var (head, handler) = (await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var waiting = await harness.CreateOnlineAsync(citizen, ct);
        var resubmitted = await harness.CreateOnlineAsync(citizen, ct);
        await FireStepsAsync(resubmitted, 1, ct,
            (desk, "RequestDeskSupplement", new { reason = "Thiếu giấy tờ", items = OneItem }), (citizen, "Resubmit", null));
        var ready = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        await FireStepsAsync(ready, 1, ct, (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }),
            (handler, "StartAppraisal", null), (handler, "SubmitForApproval", null), (head, "Approve", null));
        var today = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        var list = await ReadAsync(await desk.GetAsync("/api/v1/desk/queue", ct), ct);
        using var otherUnit = await desk.GetAsync($"/api/v1/desk/queue?unit={Unit(ChiengAn)}", ct);
        var otherDesk = await ReadAsync(await (await harness.ClientAsync(OtherDesk, ct)).GetAsync("/api/v1/desk/queue", ct), ct);
        using var handlerList = await handler.GetAsync("/api/v1/desk/queue", ct);

        Assert.Equal([waiting], Ids(list, "awaitingAcceptance"));
        Assert.Equal([resubmitted], Ids(list, "resubmitted"));
        Assert.Equal([ready], Ids(list, "resultsReady"));
        Assert.Equal(new HashSet<Guid> { ready, today }, Ids(list, "receivedToday").ToHashSet());
        Assert.Equal(2, list["receivedToday"]!["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, otherUnit.StatusCode);
        Assert.Empty(Ids(otherDesk, "awaitingAcceptance").Concat(Ids(otherDesk, "resultsReady")).Concat(Ids(otherDesk, "receivedToday")));
        Assert.Equal(HttpStatusCode.Forbidden, handlerList.StatusCode);
    }

    [Theory, AllDatabases]
    public async Task Procedures_SearchWithoutDiacritics_FindsTheUnitsProceduresForTheChannel(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);

        var found = await desk.GetFromJsonAsync<JsonArray>($"/api/v1/desk/procedures?unit={Unit(TuHieu)}&q=xac%20nhan%20tinh%20trang%20hon%20nhan", ct);
        var byCode = await desk.GetFromJsonAsync<JsonArray>($"/api/v1/desk/procedures?unit={Unit(TuHieu)}&q=2.000815", ct);
        var postal = await desk.GetFromJsonAsync<JsonArray>($"/api/v1/desk/procedures?unit={Unit(TuHieu)}&q=2.000815&channel=Postal", ct);
        var province = await desk.GetFromJsonAsync<JsonArray>($"/api/v1/desk/procedures?unit={Unit(TuHieu)}&q=ly%20lich%20tu%20phap", ct);
        using var other = await desk.GetAsync($"/api/v1/desk/procedures?unit={Unit(ChiengAn)}&q=khai%20sinh", ct);
        var id = found![0]!["id"]!.GetValue<Guid>();
        var reception = await desk.GetFromJsonAsync<JsonObject>($"/api/v1/desk/procedures/{id}?unit={Unit(TuHieu)}", ct);

        Assert.Equal("Cấp Giấy xác nhận tình trạng hôn nhân", found[0]!["name"]!.GetValue<string>());
        Assert.NotEmpty(byCode!);
        Assert.All(byCode!, p => Assert.Equal("2.000815", p!["code"]!.GetValue<string>()));
        Assert.Empty(postal!); // chứng thực bản sao: in person (or online), never by post
        Assert.Empty(province!); // a province-level procedure is not received by a commune desk
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.NotEmpty(reception!["requiredDocuments"]!.AsArray());
        Assert.Equal(Unit(TuHieu), Assert.Single(reception["competentUnits"]!.AsArray())!["id"]!.GetValue<Guid>());
    }

    [Theory, AllDatabases]
    public async Task DeskSupplement_AskedOnce_SecondRequestIsRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var citizen = await harness.ClientAsync(Citizen, ct);
        var id = await harness.CreateOnlineAsync(citizen, ct);
        var version = await FireStepsAsync(id, 1, ct,
            (desk, "RequestDeskSupplement", new { reason = "Thiếu giấy tờ", items = TwoItems }), (citizen, "Resubmit", null));

        using var again = await FireAsync(desk, id, "RequestDeskSupplement", version, ct, new { reason = "Thiếu nữa", items = OneItem });
        var view = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{id}", ct), ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("dossier.desk_supplement_already_requested", (await ReadAsync(again, ct))["rule"]!.GetValue<string>());
        var allowed = view["allowedTriggers"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.DoesNotContain("RequestDeskSupplement", allowed);
        Assert.Contains("Accept", allowed);
    }

    [Theory, AllDatabases]
    public async Task PostalReturn_ShipmentThenDelivery_RecordedOnTheDossier(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var (head, handler) = (await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var id = (await harness.CreateAsync(desk, ct, Body(harness, null, "Postal", "Bản Hụm")))["id"]!.GetValue<Guid>();
        var version = await FireStepsAsync(id, 1, ct, (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }),
            (handler, "StartAppraisal", null), (handler, "SubmitForApproval", null), (head, "Approve", null));

        using var bare = await FireAsync(desk, id, "ReturnResult", version, ct);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        var sentAt = harness.Clock.GetUtcNow().AddMinutes(-10);
        version = await FireStepsAsync(id, version, ct, (desk, "ReturnResult", new { carrier = "Bưu điện tỉnh Sơn La", trackingNumber = "EMS123VN", sentAt }));
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var deliveredAt = harness.Clock.GetUtcNow().AddHours(-2);
        desk = await harness.ClientAsync(Desk, ct); // a token lasts an hour
        await FireStepsAsync(id, version, ct, (desk, "RecordDelivery", new { deliveredAt }));
        var shipment = (await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{id}", ct), ct))["shipment"]!;

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(("Bưu điện tỉnh Sơn La", "EMS123VN"), (shipment["carrier"]!.GetValue<string>(), shipment["trackingNumber"]!.GetValue<string>()));
        Assert.Equal(sentAt.UtcDateTime, shipment["sentAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(deliveredAt.UtcDateTime, shipment["deliveredAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    [Theory, AllDatabases]
    public async Task CorrectApplicant_AuditedWithOldAndNew_OtherUnitForbidden(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var other = await harness.ClientAsync(OtherDesk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var corrected = new { fullName = "Nguyễn Văn Bình", identityNumber = "034095001299", phone = "0912345678", email = "binh@example.vn", address = "12 Tô Hiệu" };

        using var denied = await FireAsync(other, id, "CorrectApplicant", 1, ct, new { applicant = corrected, reason = "Gõ nhầm" });
        await FireStepsAsync(id, 1, ct, (desk, "CorrectApplicant", new { applicant = corrected, reason = "Gõ nhầm số CCCD" }));
        var view = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{id}", ct), ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("034095001299", view["applicant"]!["identityNumber"]!.GetValue<string>());
        var entry = view["history"]!.AsArray().Last()!;
        Assert.Equal(("CorrectApplicant", DemoData.UserId(Desk)), (entry["trigger"]!.GetValue<string>(), entry["actorId"]!.GetValue<Guid>()));
        var data = JsonNode.Parse(entry["data"]!.GetValue<string>())!;
        Assert.Equal(("034095001234", "034095001299"),
            (data["changes"]!["identityNumber"]!["from"]!.GetValue<string>(), data["changes"]!["identityNumber"]!["to"]!.GetValue<string>()));
        Assert.Equal("Gõ nhầm số CCCD", data["reason"]!.GetValue<string>());
    }

    private static DocumentForms Lowest(DocumentForms forms) => (DocumentForms)((int)forms & -(int)forms);

    private static JsonObject Line(int index, DocumentForms form, int copies) =>
        new() { ["documentIndex"] = index, ["receivedAs"] = form.ToString(), ["copies"] = copies };

    private static JsonObject Body(Dossiers.DossierApiHarness harness, JsonArray? checklist, string? returnMethod = null, string? returnAddress = null)
    {
        var body = JsonSerializer.SerializeToNode(harness.CounterBody())!.AsObject();
        if (checklist is not null)
        {
            body["checklist"] = checklist;
        }

        if (returnMethod is not null)
        {
            body["returnMethod"] = returnMethod;
            body["returnAddress"] = returnAddress;
        }

        return body;
    }

    private static List<Guid> Ids(JsonObject list, string section) =>
        [.. list[section]!["items"]!.AsArray().Select(r => r!["id"]!.GetValue<Guid>())];
}
