using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>The framework pages (Pages/ParIndex) through their real HTML forms: the list and the tree for staff, the JSON
/// download, copy to a year and issue for Home Affairs, import of a file; a commune officer sees no write form.</summary>
public sealed class ParFrameworkPageTests
{
    private static readonly Guid Department = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    [Theory, AllDatabases]
    public async Task HomeAffairs_ListsViewsCopiesIssuesAndImports_ADeskOfficerOnlyReads(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (homeAffairs, _) = await harness.SignInAsync(HomeAffairs, ct);
        var (desk, _) = await harness.SignInAsync(Desk, ct);

        var list = await homeAffairs.GetStringAsync("/ParIndex", ct);
        Assert.Contains($"/ParIndex/Framework/{Department}", list, StringComparison.Ordinal);
        Assert.Contains("id=\"import-form\"", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/ParIndex\"", list, StringComparison.Ordinal); // the menu
        Assert.DoesNotContain("id=\"import-form\"", await desk.GetStringAsync("/ParIndex", ct), StringComparison.Ordinal);

        var tree = await desk.GetStringAsync($"/ParIndex/Framework/{Department}", ct);
        Assert.Contains("id=\"sub-1.1.1\"", tree, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"copy-form\"", tree, StringComparison.Ordinal);
        using var file = await desk.GetAsync($"/ParIndex/Framework/{Department}?handler=Export", ct);
        Assert.Equal("application/json", file.Content.Headers.ContentType!.MediaType);
        var json = await file.Content.ReadAsStringAsync(ct);
        Assert.Contains("\"code\": \"SONLA-SO\"", json, StringComparison.Ordinal);

        // Copy to 2027 through the form: a draft page with the issue form.
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(homeAffairs, $"/ParIndex/Framework/{Department}", ct);
        var copied = await PostAsync(homeAffairs, $"/ParIndex/Framework/{Department}?handler=Copy", new() { ["__RequestVerificationToken"] = token, ["CopyYear"] = "2027" }, ct);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var draftPath = copied.Headers.Location!.OriginalString;
        var draft = await homeAffairs.GetStringAsync(draftPath, ct);
        Assert.Contains("id=\"issue-form\"", draft, StringComparison.Ordinal);
        Assert.Contains("id=\"framework-notice\"", draft, StringComparison.Ordinal);
        var refused = await PostAsync(homeAffairs, $"/ParIndex/Framework/{Department}?handler=Copy", new() { ["__RequestVerificationToken"] = token, ["CopyYear"] = "1990" }, ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Năm đánh giá phải từ 2000 đến 2100.", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var id = draftPath.Split('/', '?')[3];
        var issued = await PostAsync(homeAffairs, $"/ParIndex/Framework/{id}?handler=Issue",
            new() { ["__RequestVerificationToken"] = token, ["Revision"] = "1", ["DecisionNumber"] = "20/QĐ-UBND", ["DecisionDate"] = "2026-12-01" }, ct);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var after = await homeAffairs.GetStringAsync($"/ParIndex/Framework/{id}", ct);
        Assert.Contains("20/QĐ-UBND", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"issue-form\"", after, StringComparison.Ordinal);

        // Import the downloaded file: a new draft; a broken one lists its problems.
        var listToken = await MotCuaWebFactory.GetAntiforgeryTokenAsync(homeAffairs, "/ParIndex", ct);
        var imported = await UploadAsync(homeAffairs, listToken, json, ct);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var broken = await UploadAsync(homeAffairs, listToken, json.Replace("\"code\": \"1.1.2\"", "\"code\": \"1.1.1\"", StringComparison.Ordinal), ct);
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("Mã 1.1.1 đã dùng cho một mục khác của bộ chỉ số.", await broken.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var notJson = await UploadAsync(homeAffairs, listToken, "{ oops", ct);
        Assert.Contains("JSON không hợp lệ", await notJson.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/ParIndex/Framework/{Guid.NewGuid()}", ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(path, form, ct);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string token, string json, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(DemoData.UnitId(DemoData.ProvinceCode).ToString()), "Province" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        form.Add(file, "Upload", "framework.json");
        return await browser.PostAsync("/ParIndex?handler=Import", form, ct);
    }
}
