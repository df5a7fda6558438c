using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Work;

/// <summary>The handling officer's and head's pages (issue 8 §3), through the real HTML: the work list's filters,
/// counters and paging agree with the API, the dossier page offers exactly the engine's allowed actions with their
/// consequence, an action through the page changes the dossier, and another unit's dossier is not found.</summary>
public sealed partial class WorkPagesTests
{
    [Theory, AllDatabases]
    public async Task WorkList_CountsFiltersAndPaging_AgreeWithTheApi(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var late = await harness.CreateAsync(desk, ct);
        await FireStepsAsync(late["id"]!.GetValue<Guid>(), 1, ct, (desk, "Transfer", null));
        harness.Clock.Advance(late["appointmentAt"]!.GetValue<DateTime>() - harness.Clock.UtcNow + TimeSpan.FromHours(1));
        desk = await harness.ClientAsync(Desk, ct);
        var codes = new List<string> { late["code"]!.GetValue<string>() };
        for (var i = 0; i < 2; i++)
        {
            var created = await harness.CreateAsync(desk, ct);
            await FireStepsAsync(created["id"]!.GetValue<Guid>(), 1, ct, (desk, "Transfer", null));
            codes.Add(created["code"]!.GetValue<string>());
        }

        var head = await harness.ClientAsync(Head, ct);
        var counts = await ReferenceData.ReferenceDataApiTests.GetJsonAsync(head, $"/api/v1/dossiers/counts?unit={Unit(Justice)}", ct);
        Assert.Equal(1, counts["overdue"]!.GetValue<int>());
        var (browser, _) = await harness.SignInAsync(Head, ct);

        using var page = await browser.GetAsync($"/Work?unit={Unit(Justice)}", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains($"Quá hạn: {counts["overdue"]}", html, StringComparison.Ordinal);
        Assert.Contains($"Sắp đến hạn: {counts["dueSoon"]}", html, StringComparison.Ordinal);
        Assert.Contains($"Chờ người nộp bổ sung, thực hiện nghĩa vụ: {counts["waitingForApplicant"]}", html, StringComparison.Ordinal);
        Assert.All(codes, code => Assert.Contains(code, html, StringComparison.Ordinal));
        Assert.Contains("Nguyễn Văn Bình", html, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"0\" role=\"region\"", html, StringComparison.Ordinal);

        var overdue = await browser.GetStringAsync($"/Work?unit={Unit(Justice)}&due=overdue", ct);
        Assert.Contains(codes[0], overdue, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[1], overdue, StringComparison.Ordinal);
        Assert.Contains("badge-overdue\">Quá hạn<", overdue, StringComparison.Ordinal);

        // Soonest due first, two rows a page: the late dossier, one of the others, then the next page holds the last.
        var first = await browser.GetStringAsync($"/Work?unit={Unit(Justice)}&sort=due&size=2", ct);
        Assert.True(first.IndexOf(codes[0], StringComparison.Ordinal) < first.IndexOf(codes[1], StringComparison.Ordinal) || !first.Contains(codes[1], StringComparison.Ordinal));
        var next = NextLink().Match(first);
        Assert.True(next.Success, "no next-page link");
        var second = await browser.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value), ct);
        Assert.Equal(3, codes.Count(c => first.Contains(c, StringComparison.Ordinal) || second.Contains(c, StringComparison.Ordinal)));
        Assert.Equal(1, codes.Count(c => second.Contains(c, StringComparison.Ordinal)));
    }

    [Theory, AllDatabases]
    public async Task DossierPage_OffersOnlyAllowedActions_AndAnActionThroughThePageChangesTheDossier(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var version = await FireStepsAsync(id, 1, ct, (desk, "Transfer", null));
        var head = await harness.ClientAsync(Head, ct);
        var allowed = (await ReferenceData.ReferenceDataApiTests.GetJsonAsync(head, $"/api/v1/dossiers/{id}", ct))["allowedTriggers"]!.AsArray()
            .Select(t => t!.GetValue<string>()).ToHashSet();
        var (browser, _) = await harness.SignInAsync(Head, ct);

        var html = await browser.GetStringAsync($"/Work/Dossier/{id}", ct);
        foreach (var trigger in Enum.GetNames<DossierTrigger>())
        {
            Assert.Equal(allowed.Contains(trigger), html.Contains($"id=\"action-{trigger}\"", StringComparison.Ordinal));
        }

        Assert.Contains("Trần Văn Minh", html, StringComparison.Ordinal); // the assign picker, from the reference data
        Assert.Contains("Chuyển cơ quan giải quyết", html, StringComparison.Ordinal); // the timeline

        // Preview first: the consequence is shown and the input kept; then confirm.
        var officer = DemoData.UserId(Handler).ToString();
        var form = new Dictionary<string, string> { ["Input.Trigger"] = "Assign", ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.OfficerId"] = officer };
        var preview = await PostFormAsync(browser, $"/Work/Dossier/{id}", "Preview", form, ct);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("id=\"consequence-Assign\"", preview.Html, StringComparison.Ordinal);
        Assert.Contains("Đã phân công", preview.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{officer}\" selected=\"selected\"", preview.Html, StringComparison.Ordinal);
        await using (var db = harness.Database.CreateContext())
        {
            Assert.Equal(DossierStatus.Transferred, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Status);
        }

        var fired = await PostFormAsync(browser, $"/Work/Dossier/{id}", "Fire", form, ct);
        Assert.Equal(HttpStatusCode.Redirect, fired.Status);
        await using (var db = harness.Database.CreateContext())
        {
            var stored = await db.Dossiers.SingleAsync(d => d.Id == id, ct);
            Assert.Equal(DossierStatus.Assigned, stored.Status);
            Assert.Equal(DemoData.UserId(Handler), stored.AssignedOfficerId);
        }

        // The version the head saw is stale now: explained in Vietnamese, nothing changed.
        var stale = await PostFormAsync(browser, $"/Work/Dossier/{id}", "Fire", form, ct);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Hồ sơ vừa được người khác thay đổi", stale.Html, StringComparison.Ordinal);

        // A malformed date is refused with a Vietnamese message and the other input kept.
        var apology = new Dictionary<string, string>
        {
            ["Input.Trigger"] = "IssueApology",
            ["Input.Version"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NewAppointmentAt"] = "ngày mai",
            ["Input.SignerName"] = "Lò Văn Khánh",
            ["Input.Reason"] = "Cần xác minh thêm",
        };
        var refused = await PostFormAsync(browser, $"/Work/Dossier/{id}", "Preview", apology, ct);
        Assert.Contains("Ngày hẹn trả mới không hợp lệ", refused.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Lò Văn Khánh\"", refused.Html, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task AnotherUnitsDossier_IsNotFound_OnTheWorkPages(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
        var (other, _) = await harness.SignInAsync(OtherDesk, ct);

        using var page = await other.GetAsync($"/Work/Dossier/{id}", ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(other, "/Work", ct);
        using var post = await other.PostAsync($"/Work/Dossier/{id}?handler=Fire", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Trigger"] = "Transfer",
            ["Input.Version"] = "1",
            ["__RequestVerificationToken"] = token,
        }), ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(1, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Version);
    }

    /// <summary>The work list of a unit the officer may not read, or any work list for a citizen, is refused (the
    /// access-denied page, 403), not shown as an empty list with 200 (found by the browser journey of access control).</summary>
    [Theory, AllDatabases]
    public async Task WorkList_OfAnotherUnit_OrForACitizen_IsForbidden(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (other, _) = await harness.SignInAsync(OtherDesk, ct);
        var (citizen, _) = await harness.SignInAsync(Citizen, ct);

        using var foreign = await other.GetAsync($"/Work?unit={Unit(Justice)}", ct);
        using var own = await other.GetAsync($"/Work?unit={Unit(ChiengAn)}", ct);
        using var forCitizen = await citizen.GetAsync("/Work", ct);

        Assert.Equal((HttpStatusCode.Redirect, true), (foreign.StatusCode, Denied(foreign)));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, true), (forCitizen.StatusCode, Denied(forCitizen)));

        static bool Denied(HttpResponseMessage r) => r.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true;
    }

    [Theory, AllDatabases]
    public async Task BulkAssign_AssignsEachSelectedDossier_AndReportsEachRow(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();
            await FireStepsAsync(id, 1, ct, (desk, "Transfer", null));
            ids.Add(id);
        }

        var (browser, _) = await harness.SignInAsync(Head, ct);
        var list = await browser.GetStringAsync($"/Work?unit={Unit(Justice)}", ct);
        Assert.All(ids, id => Assert.Contains($"value=\"{id}:2\"", list, StringComparison.Ordinal));
        var token = TokenInput().Match(list).Groups[1].Value;
        var form = new List<KeyValuePair<string, string>>
        {
            new("selected", $"{ids[0]}:2"), new("selected", $"{ids[1]}:1"), new("officerId", DemoData.UserId(Handler).ToString()),
            new("__RequestVerificationToken", token),
        };
        using var posted = await browser.PostAsync($"/Work?handler=Assign&unit={Unit(Justice)}", new FormUrlEncodedContent(form), ct);
        var html = await posted.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("đã giao", html, StringComparison.Ordinal);
        Assert.Contains("không giao được: Hồ sơ đã thay đổi", html, StringComparison.Ordinal); // the stale row
        await using var db = harness.Database.CreateContext();
        Assert.Equal(DossierStatus.Assigned, (await db.Dossiers.SingleAsync(d => d.Id == ids[0], ct)).Status);
        Assert.Equal(DossierStatus.Transferred, (await db.Dossiers.SingleAsync(d => d.Id == ids[1], ct)).Status);
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostFormAsync(
        HttpClient browser, string path, string handler, Dictionary<string, string> fields, CancellationToken ct)
    {
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, path, ct);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var response = await browser.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(form), ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    [GeneratedRegex("<a (?=[^>]*rel=\"next\")[^>]*href=\"([^\"]+)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
