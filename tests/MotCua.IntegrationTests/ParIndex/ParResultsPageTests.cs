using System.Net;
using System.Net.Http.Json;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>The results pages (Pages/ParIndex/Results, Simulator; Pages/Portal/ParIndex, ParIndexComparison) through their
/// real HTML forms, without script: before publication the unit's officer sees only its own line and no publish form, the
/// public page lists nothing; Home Affairs sees every unit and the units not finished, publishes only with the confirmation
/// ticked; then anyone reads the ranking, the comparison and the export link; the officer's simulator; a commune's officer
/// is refused the department results.</summary>
public sealed class ParResultsPageTests
{
    private static readonly Guid Department = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    [Theory, AllDatabases]
    public async Task HomeAffairsPublishesConfirming_ThenThePublicReadsTheRanking(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (api, apiHead) = (await harness.ClientAsync(Handler, ct), await harness.ClientAsync(Head, ct));
        var id = (await OkAsync(await api.PostAsJsonAsync("/api/v1/parindex/assessments", new { framework = Department, unit = Unit(Justice) }, ct), ct))["id"];
        await OkAsync(await apiHead.PostAsJsonAsync($"/api/v1/parindex/assessments/{id}/submit", new { revision = 1 }, ct), ct);
        var (officer, _) = await harness.SignInAsync(Handler, ct);
        var (homeAffairs, _) = await harness.SignInAsync(HomeAffairs, ct);
        var (desk, _) = await harness.SignInAsync(Desk, ct);
        var anonymous = harness.Anonymous();
        var results = $"/ParIndex/Results/{Department}";

        var own = await officer.GetStringAsync(results, ct);
        Assert.Contains("Sở Tư pháp", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tài chính", own, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"publish-form\"", own, StringComparison.Ordinal);
        Assert.Contains("Chưa có kết quả nào được công bố.", await anonymous.GetStringAsync("/Portal/ParIndex", ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Portal/ParIndex/{Department}", ct)).StatusCode);
        AssertDenied(await desk.GetAsync(results, ct));

        // Home Affairs: every department, 11 not finished; the confirmation is checked on the server.
        var all = await homeAffairs.GetStringAsync(results, ct);
        Assert.Contains("Sở Tài chính", all, StringComparison.Ordinal);
        Assert.Contains("Còn 11 đơn vị chưa hoàn thành", all, StringComparison.Ordinal);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(homeAffairs, results, ct);
        var unconfirmed = await PostAsync(homeAffairs, $"{results}?handler=Publish", new() { ["__RequestVerificationToken"] = token }, ct);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Phải xác nhận đã xem danh sách đơn vị chưa hoàn thành", await unconfirmed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var tokenOfOfficer = await MotCuaWebFactory.GetAntiforgeryTokenAsync(officer, results, ct);
        AssertDenied(await PostAsync(officer, $"{results}?handler=Publish", new() { ["__RequestVerificationToken"] = tokenOfOfficer, ["Confirm"] = "true" }, ct));
        var published = await PostAsync(homeAffairs, $"{results}?handler=Publish", new() { ["__RequestVerificationToken"] = token, ["Confirm"] = "true" }, ct);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Đã công bố (lần 1)", await homeAffairs.GetStringAsync(results, ct), StringComparison.Ordinal);

        // Anyone: the list, the ranking with the export and comparison links, the comparison.
        Assert.Contains($"href=\"/Portal/ParIndex/{Department}\"", await anonymous.GetStringAsync("/Portal/ParIndex?Year=2026&Level=Department", ct), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Portal/ParIndex/{Department}\"", await anonymous.GetStringAsync("/Portal/ParIndex?Level=Commune", ct), StringComparison.Ordinal);
        var page = await anonymous.GetStringAsync($"/Portal/ParIndex/{Department}", ct);
        Assert.Contains("Sở Tài chính", page, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/parindex/published/{Department}/export?version=1", page, StringComparison.Ordinal);
        Assert.Contains("Chưa xếp hạng", page, StringComparison.Ordinal);
        Assert.Contains("chưa có kết quả công bố cùng cấp", await anonymous.GetStringAsync($"/Portal/ParIndexComparison/{Department}", ct), StringComparison.Ordinal);

        // The officer's simulator of its own unit.
        var simulator = await officer.GetStringAsync($"/ParIndex/Simulator/{Department}", ct);
        Assert.Contains("id=\"sim-table\"", simulator, StringComparison.Ordinal);
        Assert.Contains("Theo điểm cuối cùng của bản đã nộp.", simulator, StringComparison.Ordinal);
        AssertDenied(await officer.GetAsync($"/ParIndex/Simulator/{Department}?unit={Unit("000.00.04.H56")}", ct));
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(path, form, ct);
    }
}
