using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Documents;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.Portal;

/// <summary>Online submission through the citizen portal (issue 8 §5): the link on the procedure page, login first, the
/// server-side draft (fields and files kept across "Lưu nháp", a validation error and htmx autosave), the submission
/// through the engine and the electronic receipt.</summary>
public sealed partial class SubmitPageTests
{
    /// <summary>Cấp Phiếu lý lịch tư pháp: a province-level procedure that may be submitted online.</summary>
    public const string OnlineProcedure = "LOCAL.LLTP-01";

    [Theory, AllDatabases]
    public async Task Submit_DraftKeepsFieldsAndFiles_ThenCreatesTheDossierAndShowsTheReceipt(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var procedureId = await ProcedureIdAsync(harness, OnlineProcedure, ct);
        var path = $"/Portal/Submit?procedure={procedureId}";

        using var anonymous = await harness.Anonymous().GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var detail = await harness.Anonymous().GetStringAsync($"/Procedures/{OnlineProcedure}", ct);
        Assert.Contains($"href=\"{path}\"", detail, StringComparison.Ordinal);

        var (browser, _) = await harness.SignInAsync(Citizen, ct);
        using var form = await browser.GetAsync(path, ct);
        var html = await form.Content.ReadAsStringAsync(ct);
        Assert.Equal("no-store", form.Headers.CacheControl?.ToString());
        Assert.Contains("value=\"Lê Văn An\"", html, StringComparison.Ordinal); // prefilled from the account
        Assert.Contains($"<option value=\"{Unit(TuHieu)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{Unit(Justice)}\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"file-0\"", html, StringComparison.Ordinal);

        // "Lưu nháp" midway: an incomplete form and the first document's file.
        var fields = new Dictionary<string, string> { ["Input.FullName"] = "Lê Văn An", ["Input.IdentityNumber"] = "0341", ["Input.ReturnMethod"] = "AtDesk" };
        using var saved = await PostAsync(browser, path, "Save", fields, ct, ("file-0", "to-khai.pdf", "application/pdf", SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var again = await browser.GetStringAsync(path, ct);
        Assert.Contains("Đã lưu nháp", again, StringComparison.Ordinal);
        Assert.Contains("Đã tải lên: to-khai.pdf", again, StringComparison.Ordinal);
        Assert.Contains("value=\"0341\"", again, StringComparison.Ordinal);
        var mine = await browser.GetStringAsync("/Portal/MyDossiers", ct);
        Assert.Contains("Bản nháp đang soạn", mine, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}\"", mine, StringComparison.Ordinal);

        // Submitting with a wrong identity number and no receiving unit: the engine's Vietnamese messages, input kept,
        // the file still in the draft.
        using var refused = await PostAsync(browser, path, "Submit", fields, ct);
        var refusedHtml = await refused.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("phải gồm đúng 12 chữ số", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Phải chọn đơn vị tiếp nhận", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"0341\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Đã tải lên: to-khai.pdf", refusedHtml, StringComparison.Ordinal);

        fields["Input.IdentityNumber"] = "034095001234";
        fields["Input.Phone"] = "0912 345 678";
        fields["Input.ReceivingUnitId"] = Unit(TuHieu).ToString();
        fields["Input.CompetentUnitId"] = Unit(Justice).ToString();
        fields["Input.ReturnMethod"] = "Postal";
        fields["Input.ReturnAddress"] = "Bản Hụm, xã Chiềng Đen";
        using var submitted = await PostAsync(browser, path, "Submit", fields, ct);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var receiptPath = submitted.Headers.Location!.OriginalString;
        var id = Guid.Parse(ReceiptLocation().Match(receiptPath).Groups[1].Value);
        var receipt = await browser.GetStringAsync(receiptPath, ct);
        var print = await browser.GetStringAsync(receiptPath + "?print=true", ct);

        Assert.Contains("Biên nhận hồ sơ điện tử", receipt, StringComparison.Ordinal);
        Assert.Contains("Cấp Phiếu lý lịch tư pháp", receipt, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Portal/MyDossiers/{id}\"", receipt, StringComparison.Ordinal);
        Assert.Contains("Biên nhận hồ sơ điện tử", print, StringComparison.Ordinal);
        Assert.DoesNotContain("site-header", print, StringComparison.Ordinal);
        await using var db = harness.Database.CreateContext();
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id, ct);
        Assert.Equal(DossierChannel.Online, dossier.Channel);
        Assert.Equal(DossierStatus.OnlineSubmitted, dossier.Status);
        Assert.Equal(DemoData.UserId(Citizen), dossier.OwnerUserId);
        Assert.Equal(ResultReturnMethod.Postal, dossier.ReturnMethod);
        var document = await db.DossierDocuments.SingleAsync(d => d.DossierId == id, ct);
        Assert.Equal(0, document.RequiredDocumentIndex);
        Assert.Equal("to-khai.pdf", document.FileName);
        Assert.False(await db.SubmissionDrafts.AnyAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task Autosave_RefusedFile_AndDiscard_KeepEachCitizensDraftApart(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await harness.CreateCitizenAsync(OtherCitizen, ct);
        var path = $"/Portal/Submit?procedure={await ProcedureIdAsync(harness, OnlineProcedure, ct)}";
        var (browser, _) = await harness.SignInAsync(Citizen, ct);
        var (other, _) = await harness.SignInAsync(OtherCitizen, ct);

        // htmx posts the fields on change (urlencoded) and swaps in the status line.
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, path, ct);
        using var autosaved = await browser.PostAsync(path + "&handler=Autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.FullName"] = "Lê Văn An",
            ["Input.Address"] = "Tổ 3, phường Tô Hiệu",
            ["__RequestVerificationToken"] = token,
        }), ct);
        Assert.Equal(HttpStatusCode.OK, autosaved.StatusCode);
        Assert.Contains("Đã tự động lưu nháp", await autosaved.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        using var refused = await PostAsync(browser, path, "Save", new() { ["Input.Address"] = "Tổ 3, phường Tô Hiệu" }, ct,
            ("file-1", "virus.exe", "application/octet-stream", "MZ\x90\0 not a document"u8.ToArray()));
        var refusedHtml = await refused.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("class=\"field-error\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Tổ 3, phường Tô Hiệu\"", refusedHtml, StringComparison.Ordinal);

        var othersForm = await other.GetStringAsync(path, ct);
        Assert.DoesNotContain("Tổ 3, phường Tô Hiệu", othersForm, StringComparison.Ordinal);
        Assert.Contains("Chưa có bản nháp", othersForm, StringComparison.Ordinal);

        using var discarded = await PostAsync(browser, path, "Discard", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Contains("Đã xoá bản nháp", await browser.GetStringAsync("/Portal/MyDossiers", ct), StringComparison.Ordinal);
        await using var db = harness.Database.CreateContext();
        Assert.False(await db.SubmissionDrafts.AnyAsync(ct));
    }

    [Theory, AllDatabases]
    public async Task AProcedureWithoutOnlineSubmission_HasNoLinkAndNoForm(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        await using var db = harness.Database.CreateContext();
        var counterOnly = (await db.Procedures.AsNoTracking().ToListAsync(ct))
            .First(p => !p.Channels.HasFlag(Domain.Catalogue.ProcedureChannels.Online) && p.IsInForceOn(Domain.Calendar.VietnamTime.BusinessDate(harness.Clock.UtcNow)));
        var (browser, _) = await harness.SignInAsync(Citizen, ct);

        var detail = await browser.GetStringAsync($"/Procedures/{counterOnly.Code.Value}", ct);
        using var form = await browser.GetAsync($"/Portal/Submit?procedure={counterOnly.Id}", ct);

        using var api = await harness.Anonymous().GetAsync($"/api/v1/procedures/{counterOnly.Id}/online-submission", ct);
        var online = await ReadAsync(await harness.Anonymous().GetAsync($"/api/v1/procedures/{await ProcedureIdAsync(harness, OnlineProcedure, ct)}/online-submission", ct), ct);

        Assert.DoesNotContain("/Portal/Submit", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Contains(online["receivingUnits"]!.AsArray(), u => u!["id"]!.GetValue<Guid>() == Unit(TuHieu));
        Assert.Contains(online["competentUnits"]!.AsArray(), u => u!["id"]!.GetValue<Guid>() == Unit(Justice));
        Assert.DoesNotContain(online["competentUnits"]!.AsArray(), u => u!["id"]!.GetValue<Guid>() == Unit(TuHieu)); // a commune settles no province procedure
        Assert.Equal(3, online["requiredDocuments"]!.AsArray().Count);
    }

    public static async Task<Guid> ProcedureIdAsync(Dossiers.DossierApiHarness harness, string code, CancellationToken ct)
    {
        await using var db = harness.Database.CreateContext();
        return (await db.Procedures.AsNoTracking().ToListAsync(ct)).Single(p => p.Code.Value == code).Id;
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient browser, string path, string handler, Dictionary<string, string> fields, CancellationToken ct,
        params (string Field, string Name, string Type, byte[] Bytes)[] files)
    {
        var token = await MotCuaWebFactory.GetAntiforgeryTokenAsync(browser, path, ct);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var content = new ByteArrayContent(file.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.Type);
            form.Add(content, file.Field, file.Name);
        }

        return await browser.PostAsync($"{path}&handler={handler}", form, ct);
    }

    [GeneratedRegex("^/Portal/Receipt/([0-9a-f-]{36})$")]
    private static partial Regex ReceiptLocation();
}
