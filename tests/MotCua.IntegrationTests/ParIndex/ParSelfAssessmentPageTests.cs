using System.Net;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>The self-assessment pages (Pages/ParIndex/Assessments, Assessment) through their real HTML forms, without
/// script: the officer opens the unit's assessment, a refused input keeps what was typed and says why in Vietnamese, a
/// file goes into the document store as evidence, the head submits only after confirming, the page locks, Home Affairs
/// sees it in the list and reads it; another unit's officer is forbidden.</summary>
public sealed partial class ParSelfAssessmentPageTests
{
    private static readonly Guid Department = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    // The smallest file the store takes as a PDF (it decides by the bytes).
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Theory, AllDatabases]
    public async Task OfficerFillsWithAFile_HeadConfirmsAndSubmits_HomeAffairsSeesIt(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, _) = await harness.SignInAsync(Handler, ct);
        var (head, _) = await harness.SignInAsync(Head, ct);
        var (desk, _) = await harness.SignInAsync(Desk, ct);
        var (homeAffairs, _) = await harness.SignInAsync(HomeAffairs, ct);

        var list = await officer.GetStringAsync("/ParIndex/Assessments", ct);
        Assert.Contains("href=\"/ParIndex/Assessments\"", list, StringComparison.Ordinal); // the menu
        Assert.Contains($"id=\"unit-{Unit(Justice)}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"unit-{Unit(TuHieu)}\"", list, StringComparison.Ordinal);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(officer, "/ParIndex/Assessments", ct);
        var opened = await PostAsync(officer, "/ParIndex/Assessments?handler=Open",
            new() { ["__RequestVerificationToken"] = token, ["Framework"] = Department.ToString(), ["Unit"] = Unit(Justice).ToString() }, ct);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var path = opened.Headers.Location!.OriginalString;
        var page = await officer.GetStringAsync(path, ct);
        Assert.Contains("id=\"f-1-1-1-form\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"assessment-deadline\"", page, StringComparison.Ordinal);
        Assert.Contains("còn 17 ngày", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"submit-form\"", page, StringComparison.Ordinal);

        // A word in a number box: refused, in Vietnamese, and the typed text stays in the box.
        await ProblemPostAsync(officer, path, "1.3.1", new() { ["Item.Percent"] = "chín mươi" }, "không phải là một số", "value=\"chín mươi\"", ct);
        await ProblemPostAsync(officer, path, "1.1.1", new() { ["Item.CheckedRows"] = "zz", ["Item.Explanation"] = "Giữ lại" }, "zz", "Giữ lại</textarea>", ct);

        // Ticks three rows and attaches a PDF: stored by its hash, downloadable from the page.
        using (var form = Form(token, 1, "1.1.1"))
        {
            foreach (var row in new[] { "a", "b", "c" })
            {
                form.Add(new StringContent(row), "Item.CheckedRows");
            }

            form.Add(new StringContent("Kế hoạch số 12/KH-STP"), "Item.Explanation");
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "Item.EvidenceFile", "ke-hoach.pdf");
            var saved = await officer.PostAsync($"{path}?handler=Save", form, ct);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        page = await officer.GetStringAsync(path, ct);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf));
        Assert.Contains($"sha={sha}", page, StringComparison.Ordinal);
        Assert.Contains("Tự chấm: 0,75 điểm", page, StringComparison.Ordinal);
        // The audit trail says the input in words, not as the API's JSON.
        Assert.Contains("→ 0,75 (<span class=\"break-anywhere\">các nội dung đạt: a, b, c</span>)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("checkedRows", page, StringComparison.Ordinal);
        using var download = await officer.GetAsync($"{path}?handler=Evidence&sha={sha}", ct);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{path}?handler=Evidence&sha={new string('0', 64)}", ct)).StatusCode);

        // Another unit's officer is forbidden; the head submits only once confirmed.
        foreach (var forbidden in new[] { path, $"{path}?handler=Evidence&sha={sha}" })
        {
            using var denied = await desk.GetAsync(forbidden, ct);
            Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        var headPage = await head.GetStringAsync(path, ct);
        Assert.Contains("id=\"submit-form\"", headPage, StringComparison.Ordinal);
        var revision = RevisionOf(headPage);
        var headToken = await MotCuaWebFactory.GetAntiforgeryTokenAsync(head, path, ct);
        var unconfirmed = await PostAsync(head, $"{path}?handler=Submit", new() { ["__RequestVerificationToken"] = headToken, ["Revision"] = revision }, ct);
        Assert.Contains("Đánh dấu ô xác nhận trước khi ký nộp.", await unconfirmed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var submitted = await PostAsync(head, $"{path}?handler=Submit",
            new() { ["__RequestVerificationToken"] = headToken, ["Revision"] = revision, ["Confirm"] = "true" }, ct);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var locked = await officer.GetStringAsync(path, ct);
        Assert.DoesNotContain("id=\"f-1-1-1-form\"", locked, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch số 12/KH-STP", locked, StringComparison.Ordinal);

        // Home Affairs: the framework's list, the unit submitted, a link to its read-only view.
        var overview = await homeAffairs.GetStringAsync($"/ParIndex/Assessments?framework={Department}", ct);
        Assert.Contains("Đã nộp", overview, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}\"", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Open", overview, StringComparison.Ordinal);
        var read = await homeAffairs.GetStringAsync(path, ct);
        Assert.DoesNotContain("<form method=\"post\"", read.Split("<main")[1], StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task HomeAffairsSetsTheDeadline_OnTheFrameworkPage(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (homeAffairs, _) = await harness.SignInAsync(HomeAffairs, ct);
        var page = await homeAffairs.GetStringAsync($"/ParIndex/Framework/{Department}", ct);
        Assert.Contains("id=\"deadline-form\"", page, StringComparison.Ordinal);
        Assert.Contains($"/ParIndex/Assessments?framework={Department}", page, StringComparison.Ordinal);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(homeAffairs, $"/ParIndex/Framework/{Department}", ct);
        var set = await PostAsync(homeAffairs, $"/ParIndex/Framework/{Department}?handler=Deadline",
            new() { ["__RequestVerificationToken"] = token, ["Revision"] = RevisionOf(page), ["Deadline"] = "2026-12-20" }, ct);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("20/12/2026", await homeAffairs.GetStringAsync($"/ParIndex/Framework/{Department}", ct), StringComparison.Ordinal);
        var refused = await PostAsync(homeAffairs, $"/ParIndex/Framework/{Department}?handler=Deadline",
            new() { ["__RequestVerificationToken"] = token, ["Revision"] = RevisionOf(page), ["Deadline"] = "2026-12-21" }, ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    private static async Task ProblemPostAsync(HttpClient officer, string path, string code, Dictionary<string, string> fields, string message, string kept,
        CancellationToken ct)
    {
        var page = await officer.GetStringAsync(path, ct);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(officer, path, ct);
        using var form = Form(token, int.Parse(RevisionOf(page), System.Globalization.CultureInfo.InvariantCulture), code);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var refused = await officer.PostAsync($"{path}?handler=Save", form, ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(ct);
        Assert.Contains($"id=\"f-{code.Replace('.', '-')}-errors\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains(kept, html, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(string token, int revision, string code) => new()
    {
        { new StringContent(token), "__RequestVerificationToken" },
        { new StringContent(revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Revision" },
        { new StringContent(code), "Item.Code" },
    };

    private static string RevisionOf(string html) => RevisionField().Match(html).Groups[1].Value;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(path, form, ct);
    }

    [GeneratedRegex("name=\"Revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();
}
