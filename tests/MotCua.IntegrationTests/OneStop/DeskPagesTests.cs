using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MotCua.Domain.Calendar;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.OneStop;

/// <summary>The desk pages through the real app: HTML GET and form POST with the antiforgery token taken from the form,
/// signed in with the login cookie (issue 8 §2).</summary>
public sealed partial class DeskPagesTests
{
    [Theory, AllDatabases]
    public async Task Receive_WithChecklist_PreviewEqualsCreatedAndForm01ShowsTheChecklist(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (browser, _) = await harness.SignInAsync(Desk, ct);
        var search = await browser.GetStringAsync($"/Desk/Receive?unit={Unit(TuHieu)}&channel=InPerson&q=xac+nhan+tinh+trang+hon+nhan", ct);
        var procedureId = Guid.Parse(ProcedureLink().Match(search).Groups[1].Value);
        var path = $"/Desk/Receive?unit={Unit(TuHieu)}&channel=InPerson&procedureId={procedureId}";
        var form = await browser.GetStringAsync(path, ct);
        var fields = Fields(form);
        fields["Input.Applicant.FullName"] = "Lò Thị Hương";
        fields["Input.Applicant.IdentityNumber"] = "014195000123";
        fields["Input.Applicant.Phone"] = "0987 654 321";
        fields["Input.Checklist[0].Received"] = "true";
        fields["Input.Checklist[0].Copies"] = "2";
        fields["Input.ReturnMethod"] = "AtDesk";

        using var preview = await PostAsync(browser, path + "&handler=Preview", fields, ct);
        var previewHtml = await preview.Content.ReadAsStringAsync(ct);
        var shown = AppointmentShown().Match(previewHtml).Groups[1].Value;
        using var confirm = await PostAsync(browser, path + "&handler=Confirm", Fields(previewHtml), ct);
        var id = Guid.Parse(DossierLocation().Match(confirm.Headers.Location!.OriginalString).Groups[1].Value);
        var page = await browser.GetStringAsync($"/Desk/Dossier/{id}?created=1", ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var view = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{id}", ct), ct);
        var slip = await browser.GetStringAsync($"/api/v1/dossiers/{id}/forms/01", ct);
        var firstDocument = view["checklist"]![0]!["name"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(VietnamTime.ToLocal(view["currentAppointmentAt"]!.GetValue<DateTime>().ToUniversalTime()).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), shown);
        Assert.Contains("Lò Thị Hương", page, StringComparison.Ordinal);
        Assert.Contains("/api/v1/dossiers/" + id + "/forms/01", page, StringComparison.Ordinal);
        Assert.Single(view["checklist"]!.AsArray());
        Assert.Contains(firstDocument, slip, StringComparison.Ordinal);
        Assert.Contains("<td class=\"c\">02</td>", slip, StringComparison.Ordinal);
        Assert.Equal("0987 654 321", view["applicant"]!["phone"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task Receive_BadIdentityNumber_KeepsInputWithAVietnameseMessage(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (browser, _) = await harness.SignInAsync(Desk, ct);
        var path = $"/Desk/Receive?unit={Unit(TuHieu)}&channel=InPerson&procedureId={harness.Procedure.Id}";
        var fields = Fields(await browser.GetStringAsync(path, ct));
        fields["Input.Applicant.FullName"] = "Quàng Văn Tám";
        fields["Input.Applicant.IdentityNumber"] = "01419500";

        using var confirm = await PostAsync(browser, path + "&handler=Confirm", fields, ct);
        var html = await confirm.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("phải gồm đúng 12 chữ số", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Quàng Văn Tám\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"01419500\"", html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task PostalReturn_RecordedThroughTheDossierPage(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var (head, handler) = (await harness.ClientAsync(Head, ct), await harness.ClientAsync(Handler, ct));
        var body = System.Text.Json.JsonSerializer.SerializeToNode(harness.CounterBody())!.AsObject();
        body["returnMethod"] = "Postal";
        body["returnAddress"] = "Bản Hụm, xã Chiềng Đen";
        var id = (await harness.CreateAsync(desk, ct, body))["id"]!.GetValue<Guid>();
        await FireStepsAsync(id, 1, ct, (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }),
            (handler, "StartAppraisal", null), (handler, "SubmitForApproval", null), (head, "Approve", null));
        var (browser, _) = await harness.SignInAsync(Desk, ct);
        var page = await browser.GetStringAsync($"/Desk/Dossier/{id}", ct);
        var fields = FormFields(page, "ReturnResult");
        fields["Action.Carrier"] = "Bưu điện tỉnh Sơn La";
        fields["Action.TrackingNumber"] = "EMS987654321VN";

        using var fired = await PostAsync(browser, $"/Desk/Dossier/{id}?handler=Fire", fields, ct);
        var after = await browser.GetStringAsync($"/Desk/Dossier/{id}", ct);
        var view = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{id}", ct), ct);

        Assert.Equal(HttpStatusCode.Redirect, fired.StatusCode);
        Assert.Contains("EMS987654321VN", after, StringComparison.Ordinal);
        Assert.Equal("Returned", view["status"]!.GetValue<string>());
        Assert.Equal("EMS987654321VN", view["shipment"]!["trackingNumber"]!.GetValue<string>());
        Assert.Contains("name=\"Action.DeliveredAt\"", after, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task Correct_ThroughThePage_IsAuditedInTheHistory(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var (browser, _) = await harness.SignInAsync(Desk, ct);
        var fields = Fields(await browser.GetStringAsync($"/Desk/Correct/{id}", ct));
        fields["Applicant.FullName"] = "Nguyễn Văn Bính";
        fields["Reason"] = "Gõ nhầm tên";

        using var saved = await PostAsync(browser, $"/Desk/Correct/{id}", fields, ct);
        var view = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{id}", ct), ct);
        var entry = view["history"]!.AsArray().Last()!;
        var data = JsonNode.Parse(entry["data"]!.GetValue<string>())!;

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Nguyễn Văn Bính", view["applicant"]!["fullName"]!.GetValue<string>());
        Assert.Equal(("CorrectApplicant", DemoData.UserId(Desk)), (entry["trigger"]!.GetValue<string>(), entry["actorId"]!.GetValue<Guid>()));
        Assert.Equal(("Nguyễn Văn Bình", "Nguyễn Văn Bính"),
            (data["changes"]!["fullName"]!["from"]!.GetValue<string>(), data["changes"]!["fullName"]!["to"]!.GetValue<string>()));
    }

    [Theory, AllDatabases]
    public async Task OtherUnitsDossier_IsNotFound_AndPagesAreNotCached(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var (other, _) = await harness.SignInAsync(OtherDesk, ct);
        var (mine, _) = await harness.SignInAsync(Desk, ct);
        var (officer, _) = await harness.SignInAsync(Handler, ct);

        using var page = await other.GetAsync($"/Desk/Dossier/{id}", ct);
        using var correct = await other.GetAsync($"/Desk/Correct/{id}", ct);
        using var unknown = await mine.GetAsync($"/Desk/Dossier/{Guid.NewGuid()}", ct);
        using var home = await mine.GetAsync("/Desk", ct);
        using var handlerHome = await officer.GetAsync("/Desk", ct);
        using var noToken = await PostAsync(mine, $"/Desk/Correct/{id}", new Dictionary<string, string> { ["Reason"] = "x" }, ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, correct.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("no-store", home.Headers.CacheControl?.ToString());
        Assert.Contains("Bộ phận một cửa: việc cần làm", await home.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, handlerHome.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content, ct);
    }

    // The named inputs of the first form (text, hidden, checked boxes and radios, selected options), as a browser sends them.
    private static Dictionary<string, string> Fields(string html) => FieldsOf(FormPattern().Matches(html)[^1].Value);

    private static Dictionary<string, string> FormFields(string html, string trigger) =>
        FieldsOf(FormPattern().Matches(html).Select(m => m.Value).First(f => f.Contains($"value=\"{trigger}\"", StringComparison.Ordinal)));

    private static Dictionary<string, string> FieldsOf(string form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(form))
        {
            var tag = input.Value;
            var name = WebUtility.HtmlDecode(Attribute(tag, "name") ?? "");
            var type = Attribute(tag, "type") ?? "text";
            if (name.Length == 0 || type == "file" || ((type is "checkbox" or "radio") && !tag.Contains("checked", StringComparison.Ordinal)))
            {
                continue;
            }

            fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            var selected = SelectedOption().Match(select.Value);
            var first = OptionValue().Match(select.Value);
            fields[WebUtility.HtmlDecode(select.Groups[1].Value)] = WebUtility.HtmlDecode(selected.Success ? selected.Groups[1].Value : first.Groups[1].Value);
        }

        return fields;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("procedureId=([0-9a-f-]{36})")]
    private static partial Regex ProcedureLink();

    [GeneratedRegex("id=\"appointment\">[^<]*<b>([^<]+)</b>")]
    private static partial Regex AppointmentShown();

    [GeneratedRegex("/Desk/Dossier/([0-9a-f-]{36})")]
    private static partial Regex DossierLocation();

    [GeneratedRegex("<form[^>]*method=\"post\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"[^>]*selected")]
    private static partial Regex SelectedOption();

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"")]
    private static partial Regex OptionValue();
}
