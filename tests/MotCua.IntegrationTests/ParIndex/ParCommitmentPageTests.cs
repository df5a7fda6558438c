using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.ParIndex;

/// <summary>The commitment pages (Pages/ParIndex/Commitments, Commitment) through their real HTML forms, without script:
/// the officer opens the unit's commitment from the board and edits a target (a comma as the decimal separator too), the
/// head signs only after ticking the confirmation, Home Affairs sees it signed on the board and reopens it with a reason;
/// a form without the antiforgery token is refused; a commune officer does not see the department board.</summary>
public sealed class ParCommitmentPageTests
{
    private static readonly Guid Department = DemoParIndexSeeder.FrameworkId("SONLA-SO", 2026);

    [Theory, AllDatabases]
    public async Task OfficerOpensAndEdits_HeadSignsConfirming_HomeAffairsSeesAndReopens(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, _) = await harness.SignInAsync(Handler, ct);
        var (head, _) = await harness.SignInAsync(Head, ct);
        var (homeAffairs, _) = await harness.SignInAsync(HomeAffairs, ct);
        var (desk, _) = await harness.SignInAsync(Desk, ct);
        var board = $"/ParIndex/Commitments/{Department}";

        var own = await officer.GetStringAsync(board, ct);
        Assert.Contains("Lập cam kết", own, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tài chính", own, StringComparison.Ordinal);
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(officer, board, ct);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(officer, $"{board}?handler=Open", new() { ["Unit"] = Unit(Justice).ToString() }, ct)).StatusCode);
        var opened = await PostAsync(officer, $"{board}?handler=Open", new() { ["__RequestVerificationToken"] = token, ["Unit"] = Unit(Justice).ToString() }, ct);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var path = opened.Headers.Location!.OriginalString;

        var page = await officer.GetStringAsync(path, ct);
        Assert.Contains("id=\"targets-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sign-form\"", page, StringComparison.Ordinal);
        Assert.Contains("Điều tra xã hội học (95 %)", page, StringComparison.Ordinal);
        var targets = new Dictionary<string, string> { ["Revision"] = "1" };
        foreach (var area in new[] { "1", "2", "3", "4", "5", "6", "7" })
        {
            targets[$"Targets[{area}]"] = "100";
        }

        token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(officer, path, ct);
        targets["__RequestVerificationToken"] = token;
        targets["Targets[8]"] = "101";
        var refused = await PostAsync(officer, $"{path}?handler=Targets", targets, ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chỉ tiêu của lĩnh vực 8 phải từ 0 đến 100 %", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        targets["Targets[8]"] = "97,5";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, $"{path}?handler=Targets", targets, ct)).StatusCode);

        // The head signs, but only with the confirmation ticked.
        var headPage = await head.GetStringAsync(path, ct);
        Assert.Contains("id=\"sign-form\"", headPage, StringComparison.Ordinal);
        Assert.Contains("value=\"97.5\"", headPage, StringComparison.Ordinal);
        token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(head, path, ct);
        var unconfirmed = await PostAsync(head, $"{path}?handler=Sign", new() { ["__RequestVerificationToken"] = token, ["Revision"] = "2" }, ct);
        Assert.Contains("Phải xác nhận", await unconfirmed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var signed = await PostAsync(head, $"{path}?handler=Sign", new() { ["__RequestVerificationToken"] = token, ["Revision"] = "2", ["Confirm"] = "true" }, ct);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var after = await head.GetStringAsync(signed.Headers.Location!.OriginalString, ct);
        Assert.Contains("Đã ký cam kết.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"targets-form\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Targets[1]\"", after, StringComparison.Ordinal);

        // Home Affairs: every department on the board, Justice signed; reopens with a reason.
        var all = await homeAffairs.GetStringAsync(board, ct);
        Assert.Contains("Sở Tài chính", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}\"", all, StringComparison.Ordinal);
        Assert.Contains("Chỉ tiêu ≥ 97,5 %", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Lập cam kết", all, StringComparison.Ordinal);
        token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(homeAffairs, path, ct);
        var reopened = await PostAsync(homeAffairs, $"{path}?handler=Reopen",
            new() { ["__RequestVerificationToken"] = token, ["Revision"] = "3", ["Reason"] = "Ghi nhầm chỉ tiêu lĩnh vực 8" }, ct);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Contains("Ghi nhầm chỉ tiêu lĩnh vực 8", await homeAffairs.GetStringAsync(path, ct), StringComparison.Ordinal);

        // A commune's desk officer has no department to see, and cannot read Justice's commitment.
        AssertDenied(await desk.GetAsync(board, ct));
        AssertDenied(await desk.GetAsync(path, ct));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/ParIndex/Commitment/{Guid.NewGuid()}", ct)).StatusCode);
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
