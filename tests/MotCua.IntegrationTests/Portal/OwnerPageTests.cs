using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Documents;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Dossiers;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Portal;

/// <summary>The owner's dossier page (issue 8 §5) through the real HTML: the open supplement request with its list, the
/// multipart upload and resubmission, withdrawal with its confirmation step, and another citizen's 404.</summary>
public sealed class OwnerPageTests
{
    private const string MissingItem = "Bản sao giấy xác nhận cư trú";

    [Theory, AllDatabases]
    public async Task SupplementRequest_IsListed_AndUploadThenResubmitAnswersIt(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var owner = await harness.ClientAsync(Citizen, ct);
        var id = await harness.CreateOnlineAsync(owner, ct);
        var version = await harness.DriveOnlineAsync(id, DossierStatus.DeskSupplementPending, ct);
        var (browser, _) = await harness.SignInAsync(Citizen, ct);

        var list = await browser.GetStringAsync("/Portal/MyDossiers", ct);
        using var page = await browser.GetAsync($"/Portal/MyDossiers/{id}", ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains($"href=\"/Portal/MyDossiers/{id}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Contains("Yêu cầu bổ sung, hoàn thiện hồ sơ", html, StringComparison.Ordinal);
        Assert.Contains("id=\"owner-status\">Chờ bạn bổ sung, hoàn thiện hồ sơ<", html, StringComparison.Ordinal);
        Assert.Contains("<td>Chờ bạn bổ sung, hoàn thiện hồ sơ</td>", list, StringComparison.Ordinal);
        Assert.Contains(MissingItem, html, StringComparison.Ordinal);
        Assert.Contains("Thiếu giấy tờ", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);

        // A file of a forbidden type: a Vietnamese message under the item, the note kept, nothing resubmitted.
        using var refused = await PostSupplementAsync(browser, id, version, ("cu-tru.exe", "application/octet-stream", "MZ\x90\0 not a document"u8.ToArray()), ct);
        var refusedHtml = await refused.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"{MissingItem}: ", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Gửi kèm bản chụp", refusedHtml, StringComparison.Ordinal);
        await using (var db = harness.Database.CreateContext())
        {
            Assert.Equal(DossierStatus.DeskSupplementPending, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Status);
        }

        using var sent = await PostSupplementAsync(browser, id, version, ("cu-tru.pdf", "application/pdf", SampleFiles.Pdf()), ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await browser.GetStringAsync($"/Portal/MyDossiers/{id}", ct);
        Assert.Contains("Đã nộp bổ sung hồ sơ", after, StringComparison.Ordinal);
        Assert.DoesNotContain("enctype=\"multipart/form-data\"", after, StringComparison.Ordinal);
        Assert.Contains("cu-tru.pdf", after, StringComparison.Ordinal);
        await using (var db = harness.Database.CreateContext())
        {
            Assert.Equal(DossierStatus.OnlineSubmitted, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Status);
            var document = await db.DossierDocuments.SingleAsync(d => d.DossierId == id, ct);
            Assert.Equal(MissingItem, document.ComponentName);
            Assert.Equal(DocumentUploaderKind.Citizen, document.UploaderKind);
        }
    }

    [Theory, AllDatabases]
    public async Task Withdraw_AsksForConfirmation_ThenWithdrawsWithTheReason(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var owner = await harness.ClientAsync(Citizen, ct);
        var id = await harness.CreateOnlineAsync(owner, ct);
        var (browser, _) = await harness.SignInAsync(Citizen, ct);
        var form = new Dictionary<string, string> { ["Version"] = "1", ["Reason"] = "Nộp nhầm thủ tục" };

        using var asked = await PostAsync(browser, id, "Withdraw", form, ct);
        var askedHtml = await asked.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Bạn chắc chắn muốn rút hồ sơ này?", askedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Nộp nhầm thủ tục\"", askedHtml, StringComparison.Ordinal);
        await using (var db = harness.Database.CreateContext())
        {
            Assert.Equal(DossierStatus.OnlineSubmitted, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Status);
        }

        form["confirmed"] = "true";
        using var confirmed = await PostAsync(browser, id, "Withdraw", form, ct);
        var after = await browser.GetStringAsync($"/Portal/MyDossiers/{id}", ct);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Hồ sơ đã được rút theo yêu cầu của bạn.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("?handler=Withdraw", after, StringComparison.Ordinal);
        await using var check = harness.Database.CreateContext();
        var stored = await check.Dossiers.Include(d => d.History).SingleAsync(d => d.Id == id, ct);
        Assert.Equal(DossierStatus.Withdrawn, stored.Status);
        Assert.Contains("Nộp nhầm thủ tục", stored.History.OrderBy(h => h.Sequence).Last().Data ?? "", StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task AnotherCitizen_GetsNotFound_AndAPostWithoutTokenIsRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (_, _, id) = await harness.OwnerAndOtherCitizenAsync(ct);
        var (other, _) = await harness.SignInAsync(OtherCitizen, ct);
        var (owner, _) = await harness.SignInAsync(Citizen, ct);

        using var page = await other.GetAsync($"/Portal/MyDossiers/{id}", ct);
        using var withdraw = await PostAsync(other, id, "Withdraw", new() { ["Version"] = "1", ["confirmed"] = "true" }, ct, tokenFrom: "/Portal/MyDossiers");
        using var noToken = await owner.PostAsync($"/Portal/MyDossiers/{id}?handler=Withdraw",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "1", ["confirmed"] = "true" }), ct);
        using var anonymous = await harness.Anonymous().GetAsync($"/Portal/MyDossiers/{id}", ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location?.AbsolutePath ?? anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(DossierStatus.OnlineSubmitted, (await db.Dossiers.SingleAsync(d => d.Id == id, ct)).Status);
    }

    private static async Task<HttpResponseMessage> PostSupplementAsync(
        HttpClient browser, Guid id, int version, (string Name, string Type, byte[] Bytes) file, CancellationToken ct)
    {
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, $"/Portal/MyDossiers/{id}", ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Version" },
            { new StringContent("Gửi kèm bản chụp"), "Note" },
        };
        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(file.Type);
        form.Add(content, "file-0", file.Name);
        return await browser.PostAsync($"/Portal/MyDossiers/{id}?handler=Supplement", form, ct);
    }

    internal static async Task<HttpResponseMessage> PostAsync(
        HttpClient browser, Guid id, string handler, Dictionary<string, string> fields, CancellationToken ct, string? tokenFrom = null)
    {
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, tokenFrom ?? $"/Portal/MyDossiers/{id}", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
        return await browser.PostAsync($"/Portal/MyDossiers/{id}?handler={handler}", form, ct);
    }
}
