using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;
using static MotCua.IntegrationTests.Surveys.SurveyApiDriver;

namespace MotCua.IntegrationTests.Reports;

/// <summary>The CCHC report pages (Pages/Reports/Cchc) through their real HTML forms, without script: the officer opens the
/// unit's report for a quarter and saves the narrative (a refused period and an over-long section keep what was typed and
/// say why), the head finalises only after ticking the confirmation, Home Affairs reads it without any form; a form without
/// the antiforgery token is refused; a commune officer is denied the report and has no unit to open one for.</summary>
public sealed class CchcReportPageTests
{
    [Theory, AllDatabases]
    public async Task OfficerOpensAndWrites_HeadFinalisesConfirming_HomeAffairsReads_OthersAreRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (officer, _) = await harness.SignInAsync(Handler, ct);
        var (head, _) = await harness.SignInAsync(Head, ct);
        var (homeAffairs, _) = await harness.SignInAsync(HomeAffairs, ct);
        var (desk, _) = await harness.SignInAsync(Desk, ct);
        const string list = "/Reports/Cchc";

        Assert.Contains("id=\"create-form\"", await officer.GetStringAsync(list, ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Tư pháp", await desk.GetStringAsync(list, ct), StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["Unit"] = Unit(Justice).ToString(), ["Period"] = "calendar-month", ["Year"] = "2026", ["Quarter"] = "4" };
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(officer, list, fields, ct)).StatusCode);
        fields["__RequestVerificationToken"] = await MotCuaWebFactory.GetAntiforgeryTokenAsync(officer, list, ct);
        var refused = await PostAsync(officer, list, fields, ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chọn kỳ báo cáo: quý, 6 tháng, 9 tháng hoặc năm.", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        fields["Period"] = "nd09-quarter";
        var created = await PostAsync(officer, list, fields, ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString.Split('?')[0];

        var page = await officer.GetStringAsync(path, ct);
        Assert.Contains("id=\"narrative-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"finalise-form\"", page, StringComparison.Ordinal);
        Assert.Contains("Kết quả giải quyết thủ tục hành chính theo cấp", page, StringComparison.Ordinal);
        Assert.Contains("Chưa có kế hoạch khắc phục.", page, StringComparison.Ordinal);
        var narrative = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await MotCuaWebFactory.GetAntiforgeryTokenAsync(officer, path, ct),
            ["Revision"] = "1",
            ["Number"] = "125/BC-STP",
            ["Sections[general]"] = "Sở ban hành kế hoạch CCHC năm 2026.",
            ["Sections[next]"] = new string('x', 20001),
        };
        var tooLong = await PostAsync(officer, $"{path}?handler=Save", narrative, ct);
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var tooLongPage = await tooLong.Content.ReadAsStringAsync(ct);
        Assert.Contains("Mỗi mục dài tối đa 20000 ký tự.", tooLongPage, StringComparison.Ordinal);
        Assert.Contains("Sở ban hành kế hoạch CCHC năm 2026.", tooLongPage, StringComparison.Ordinal);
        narrative["Sections[next]"] = "Tiếp tục số hóa hồ sơ.";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(officer, $"{path}?handler=Save", narrative, ct)).StatusCode);
        Assert.Contains("Tiếp tục số hóa hồ sơ.", await homeAffairs.GetStringAsync(path, ct), StringComparison.Ordinal);

        // The head finalises, only with the confirmation ticked.
        Assert.Contains("id=\"finalise-form\"", await head.GetStringAsync(path, ct), StringComparison.Ordinal);
        var finalise = new Dictionary<string, string> { ["__RequestVerificationToken"] = await MotCuaWebFactory.GetAntiforgeryTokenAsync(head, path, ct), ["Revision"] = "2" };
        var unconfirmed = await PostAsync(head, $"{path}?handler=Finalise", finalise, ct);
        Assert.Contains("Phải xác nhận đã rà soát số liệu và nội dung trước khi ký ban hành báo cáo.", await unconfirmed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        finalise["Confirm"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, $"{path}?handler=Finalise", finalise, ct)).StatusCode);

        var read = await homeAffairs.GetStringAsync(path, ct);
        Assert.Contains("Đã ký ban hành", read, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", read[read.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("125/BC-STP", await homeAffairs.GetStringAsync(list, ct), StringComparison.Ordinal);
        using var other = await desk.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/Account/AccessDenied", other.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var missing = await desk.GetAsync($"/Reports/Cchc/Report/{Guid.NewGuid()}", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(path, form, ct);
    }
}
