using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MotCua.Domain.Calendar;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.ProvinceAdmin;

/// <summary>Pages/Admin/Catalogue and Pages/Admin/Calendar through the real HTML: internal notes reach administrators only
/// (issue 8 §6), other callers are refused like the API, a refused edit keeps the input with Vietnamese messages, and a
/// day saved on the calendar page is in the year view with its source.</summary>
public sealed class AdminPagesTests
{
    [Theory, AllDatabases]
    public async Task InternalNotes_ShownOnTheAdminPage_NotOnThePublicProcedurePage(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var code = harness.Procedure.Code.Value;
        var note = harness.Procedure.Provenance.Source;
        var (admin, _) = await harness.SignInAsync(CatalogueAdminApiTests.Admin, ct);

        var adminPage = await admin.GetStringAsync($"/Admin/Catalogue/Procedure?code={code}", ct);
        using var publicPage = await harness.Anonymous().GetAsync($"/Procedures/{code}", ct);

        // Vietnamese is written as characters (Razor's encoder allows every Unicode range); the note has no markup characters.
        Assert.Contains(note, adminPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        var html = await publicPage.Content.ReadAsStringAsync(ct);
        Assert.Contains(harness.Procedure.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(note, html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task AdminPages_StaffGet403_CitizenGets404_AnonymousIsSentToLogin(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var code = harness.Procedure.Code.Value;
        string[] paths = ["/Admin/Catalogue", $"/Admin/Catalogue/Procedure?code={code}", $"/Admin/Catalogue/Edit?code={code}", "/Admin/Calendar?year=2026",
            "/Admin/Calendar?handler=Export&year=2026", "/Admin/Calendar/Import"];
        var (desk, _) = await harness.SignInAsync(Desk, ct);
        var (citizen, _) = await harness.SignInAsync(Citizen, ct);
        var (admin, _) = await harness.SignInAsync(CatalogueAdminApiTests.Admin, ct);

        foreach (var path in paths)
        {
            using var asDesk = await desk.GetAsync(path, ct);
            using var asCitizen = await citizen.GetAsync(path, ct);
            using var anonymous = await harness.Anonymous().GetAsync(path, ct);
            using var asAdmin = await admin.GetAsync(path, ct);
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Redirect, HttpStatusCode.OK),
                (asDesk.StatusCode, asCitizen.StatusCode, anonymous.StatusCode, asAdmin.StatusCode));
        }
    }

    [Theory, AllDatabases]
    public async Task EditPage_RefusedEdit_KeepsInputWithVietnameseMessages_ValidEditCreatesTheVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var p = harness.Procedure;
        var (admin, _) = await harness.SignInAsync(CatalogueAdminApiTests.Admin, ct);
        var path = $"/Admin/Catalogue/Edit?code={p.Code.Value}";
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(admin, path, ct);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("Input.BasedOnVersion", p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.ValidFrom", "2027-01-01"),
            new("Input.Name", "Tên thủ tục đã sửa"),
            new("Input.ProcessingTimeValue", (p.ProcessingTime.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.ProcessingTimeUnit", p.ProcessingTime.Unit.ToString()),
            new("Input.OnlineLevel", p.OnlineLevel.ToString()),
            new("Input.SupplementPolicy", "SupplementPause"),
            new("Input.FinancialObligationPausesClock", "false"),
            new("Input.InternalNote", "Ghi chú nội bộ đã sửa"),
            new("Input.Fees[0].Name", "Lệ phí thử"),
            new("Input.Fees[0].AmountVnd", "-1"),
            // What the number inputs' tag helper adds: the browser sends them in invariant form ("0.5"), not the page's culture.
            new("__Invariant", "Input.ProcessingTimeValue"),
        };
        fields.AddRange(Enum.GetValues<Domain.Catalogue.ProcedureChannels>().Where(c => c != 0 && p.Channels.HasFlag(c)).Select(c => new KeyValuePair<string, string>("Input.Channels", c.ToString())));
        for (var i = 0; i < p.RequiredDocuments.Count; i++)
        {
            fields.Add(new($"Input.RequiredDocuments[{i}].Name", p.RequiredDocuments[i].Name));
            fields.Add(new($"Input.RequiredDocuments[{i}].Copies", p.RequiredDocuments[i].Copies.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new($"Input.RequiredDocuments[{i}].Forms", "Original"));
        }

        for (var i = 0; i < p.InternalProcess.Count; i++)
        {
            var step = p.InternalProcess[i];
            var slice = i == p.InternalProcess.Count - 1 ? step.Slice + 1 : step.Slice;
            fields.Add(new($"Input.Steps[{i}].Name", step.Name));
            fields.Add(new($"Input.Steps[{i}].Role", step.Role.ToString()));
            fields.Add(new($"Input.Steps[{i}].AgencyName", step.AgencyName ?? ""));
            fields.Add(new($"Input.Steps[{i}].Slice", slice.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new("__Invariant", $"Input.Steps[{i}].Slice"));
        }

        using var refused = await admin.PostAsync(path, new FormUrlEncodedContent(fields), ct);
        var html = await refused.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Phí, lệ phí dòng 1, số tiền: không được âm.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Tên thủ tục đã sửa\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-1\"", html, StringComparison.Ordinal);

        fields.RemoveAll(f => f.Key.StartsWith("Input.Fees[0]", StringComparison.Ordinal));
        using var saved = await admin.PostAsync(path, new FormUrlEncodedContent(fields), ct);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(ct));
        var versions = await (await harness.ClientAsync(CatalogueAdminApiTests.Admin, ct)).GetFromJsonAsync<JsonArray>($"/api/v1/admin/procedures/{p.Code.Value}/versions", ct);
        var created = versions![^1]!;
        Assert.Equal((p.Version + 1, "Tên thủ tục đã sửa", "SupplementPause", "Ghi chú nội bộ đã sửa"),
            (created["version"]!.GetValue<int>(), created["name"]!.GetValue<string>(), created["supplementPolicy"]!.GetValue<string>(), created["provenance"]!["source"]!.GetValue<string>()));
        Assert.Equal("2026-12-31", versions[^2]!["validTo"]!.GetValue<string>());
        Assert.Contains("Tên thủ tục đã sửa", await admin.GetStringAsync(saved.Headers.Location!.ToString(), ct), StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task CalendarPage_ShowsLunarDates_SavesADayWithItsSource_AndKeepsInputOnError(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (admin, _) = await harness.SignInAsync(CatalogueAdminApiTests.Admin, ct);
        var year = await admin.GetStringAsync("/Admin/Calendar?year=2026", ct);
        // Tết 2026: 17/02 is the first day of the first lunar month, a holiday of the built-in schedule.
        Assert.Contains("id=\"day-2026-02-17\" class=\"day day-Holiday\"", year, StringComparison.Ordinal);
        Assert.Matches("id=\"day-2026-02-17\"[^<]*>\\s*<span class=\"solar\">17</span>\\s*<span class=\"lunar\"><span class=\"visually-hidden\">âm lịch </span>1/1</span>", year);
        Assert.Contains("Thông báo 9441/TB-BNV", year, StringComparison.Ordinal);

        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(admin, "/Admin/Calendar?year=2026", ct);
        using var missing = await admin.PostAsync("/Admin/Calendar?handler=Save&year=2026", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Date"] = "2026-12-31",
            ["Input.Kind"] = "Holiday",
            ["Input.Description"] = "Nghỉ cuối năm thử nghiệm",
        }), ct);
        var refused = await missing.Content.ReadAsStringAsync(ct);
        Assert.Contains("Văn bản căn cứ: ghi quyết định hoặc thông báo quy định ngày này.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Nghỉ cuối năm thử nghiệm\"", refused, StringComparison.Ordinal);

        using var saved = await admin.PostAsync("/Admin/Calendar?handler=Save&year=2026", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Date"] = "2026-12-31",
            ["Input.Kind"] = "Holiday",
            ["Input.Description"] = "Nghỉ cuối năm thử nghiệm",
            ["Input.Source"] = "Quyết định 7/QĐ-TTg (thử nghiệm)",
        }), ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.GetStringAsync(saved.Headers.Location!.ToString(), ct);
        Assert.Contains("id=\"day-2026-12-31\" class=\"day day-Holiday\"", after, StringComparison.Ordinal);
        Assert.Contains("Quyết định 7/QĐ-TTg (thử nghiệm)", after, StringComparison.Ordinal);
        var lunar = VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 12, 31));
        Assert.Contains($"</span>{lunar.Day}/{lunar.Month}</span>", after, StringComparison.Ordinal);
    }
}
