using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Forms;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using MotCua.Web.Features.DossierForms;
using MotCua.Web.Forms;
using static MotCua.IntegrationTests.Dossiers.DossierApiHarness;

namespace MotCua.IntegrationTests.DossierExtras;

public sealed class DossierFormsTests
{
    private static readonly string[] SupplementItems = ["Bản sao giấy chứng nhận quyền sử dụng đất"];

    [Theory, AllDatabases]
    public async Task GetForm_EachFormInItsState_ContainsCodeApplicantAndAppointment(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var handler = await harness.ClientAsync(Handler, ct);
        var head = await harness.ClientAsync(Head, ct);
        var created = await harness.CreateAsync(desk, ct, harness.CounterBody("Trần Thị Mận"));
        var id = created["id"]!.GetValue<Guid>();
        var code = created["code"]!.GetValue<string>();
        var appointment = created["appointmentAt"]!.GetValue<DateTime>().ToUniversalTime();

        var receipt = await HtmlAsync(desk, id, "01", ct);
        Assert.Contains(code, receipt, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Mận", receipt, StringComparison.Ordinal);
        Assert.Contains(FormText.TimeAndDate(appointment), receipt, StringComparison.Ordinal);
        Assert.Contains(harness.Procedure.Name, receipt, StringComparison.Ordinal);

        var version = await FireStepsAsync(id, 1, ct,
            (desk, "Transfer", null), (head, "Assign", new { officerId = DemoData.UserId(Handler) }), (handler, "StartAppraisal", null));

        var control = await HtmlAsync(handler, id, "05", ct);
        Assert.Contains(code, control, StringComparison.Ordinal);

        var newAppointment = appointment.AddDays(7);
        using (var apology = await FireAsync(head, id, "IssueApology", version, ct,
            new { reason = "Chờ ý kiến của Sở Xây dựng", newAppointmentAt = newAppointment, signerName = "Lê Văn Hùng" }))
        {
            Assert.True(apology.StatusCode == HttpStatusCode.OK, await apology.Content.ReadAsStringAsync(ct));
            version = (await ReadAsync(apology, ct))["version"]!.GetValue<int>();
        }

        var form04 = await HtmlAsync(head, id, "04", ct);
        Assert.Contains(code, form04, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Mận", form04, StringComparison.Ordinal);
        Assert.Contains(FormText.TimeAndDate(newAppointment), form04, StringComparison.Ordinal);
        Assert.Contains("Chờ ý kiến của Sở Xây dựng", form04, StringComparison.Ordinal);

        using (var supplement = await FireAsync(handler, id, "RequestSupplement", version, ct,
            new { reason = "Thiếu giấy tờ", items = SupplementItems }))
        {
            Assert.True(supplement.StatusCode == HttpStatusCode.OK, await supplement.Content.ReadAsStringAsync(ct));
        }

        var form02 = await HtmlAsync(handler, id, "02", ct);
        Assert.Contains(code, form02, StringComparison.Ordinal);
        Assert.Contains("Bản sao giấy chứng nhận quyền sử dụng đất", form02, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Mận", form02, StringComparison.Ordinal);
    }

    [Theory, AllDatabases]
    public async Task GetForm_RefusedAtCounter_Form03NamesReasonAndForm01IsNotApplicable(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(harness.CounterBody("Phạm Văn Tâm"))!.AsObject();
        body["refuseReason"] = "Thủ tục không thuộc thẩm quyền của xã";
        var id = (await harness.CreateAsync(desk, ct, body))["id"]!.GetValue<Guid>();

        var refusal = await HtmlAsync(desk, id, "03", ct);
        using var receipt = await desk.GetAsync($"/api/v1/dossiers/{id}/forms/01", ct);

        Assert.Contains("Phạm Văn Tâm", refusal, StringComparison.Ordinal);
        Assert.Contains("Thủ tục không thuộc thẩm quyền của xã", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, receipt.StatusCode);
        Assert.Equal("form.not_applicable", (await ReadAsync(receipt, ct))["rule"]!.GetValue<string>());
    }

    [Theory, AllDatabases]
    public async Task GetForm_NotApplicableUnknownOrOutOfScope_ReturnsProblem(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var other = await harness.ClientAsync(OtherDesk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var noApology = await desk.GetAsync($"/api/v1/dossiers/{id}/forms/04", ct);
        using var noSupplement = await desk.GetAsync($"/api/v1/dossiers/{id}/forms/02", ct);
        using var unknownForm = await desk.GetAsync($"/api/v1/dossiers/{id}/forms/07", ct);
        using var unknownDossier = await desk.GetAsync($"/api/v1/dossiers/{Guid.NewGuid()}/forms/01", ct);
        using var foreign = await other.GetAsync($"/api/v1/dossiers/{id}/forms/01", ct);
        using var foreignRegister = await other.GetAsync($"/api/v1/units/{Unit(TuHieu)}/register?year=2026", ct);
        using var anonymous = await harness.Anonymous().GetAsync($"/api/v1/dossiers/{id}/forms/01", ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noApology.StatusCode);
        var problem = await ReadAsync(noApology, ct);
        Assert.Equal("form.not_applicable", problem["rule"]!.GetValue<string>());
        Assert.Contains("xin lỗi", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noSupplement.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDossier.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreignRegister.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.PersonalDataAccessLog.CountAsync(a => a.Purpose.StartsWith(DossierFormsEndpoints.AuditPurposePrefix), ct));
    }

    [Theory, AllDatabases]
    public async Task GetRegister_Year_ListsDossiersInNumberOrderAndLogsReads(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var first = await harness.CreateAsync(desk, ct, harness.CounterBody("Người thứ nhất"));
        var second = await harness.CreateAsync(desk, ct, harness.CounterBody("Người thứ hai"));

        using var response = await desk.GetAsync($"/api/v1/units/{Unit(TuHieu)}/register?year=2026", ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        using var empty = await desk.GetAsync($"/api/v1/units/{Unit(TuHieu)}/register?year=2025", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var firstAt = html.IndexOf(first["code"]!.GetValue<string>(), StringComparison.Ordinal);
        var secondAt = html.IndexOf(second["code"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(firstAt > 0 && secondAt > firstAt, "Both codes in register order.");
        Assert.Contains("Người thứ hai", html, StringComparison.Ordinal);
        Assert.DoesNotContain(first["code"]!.GetValue<string>(), await empty.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(2, await db.PersonalDataAccessLog.CountAsync(a => a.Purpose == DossierFormsEndpoints.AuditPurposePrefix + "06", ct));
    }

    [Theory, AllDatabases]
    public async Task GetForm_FormatPdf_ReturnsA5PdfAndRegisterA4(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var desk = await harness.ClientAsync(Desk, ct);
        var id = (await harness.CreateAsync(desk, ct))["id"]!.GetValue<Guid>();

        using var slip = await desk.GetAsync($"/api/v1/dossiers/{id}/forms/01?format=pdf", ct);
        using var register = await desk.GetAsync($"/api/v1/units/{Unit(TuHieu)}/register?year=2026&format=pdf", ct);

        Assert.True(slip.StatusCode == HttpStatusCode.OK, await slip.Content.ReadAsStringAsync(ct));
        Assert.Equal("application/pdf", slip.Content.Headers.ContentType!.MediaType);
        var a5 = PdfFacts.Read(await slip.Content.ReadAsByteArrayAsync(ct));
        Assert.True(a5.PageCount >= 1);
        Assert.InRange(a5.MediaBoxes[0].Width, 418, 422); // 148 mm in points
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        var a4 = PdfFacts.Read(await register.Content.ReadAsByteArrayAsync(ct));
        Assert.InRange(a4.MediaBoxes[0].Width, 840, 844); // 297 mm landscape
    }

    [Theory, AllDatabases]
    public async Task GetForm_OwnerCitizen_PrintsTheirOwnFormsAndAnotherCitizenGets404(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (owner, other, received) = await harness.OwnerAndOtherCitizenAsync(ct);
        await harness.DriveOnlineAsync(received, Domain.Dossiers.DossierStatus.Received, ct);
        var awaiting = await harness.CreateOnlineAsync(owner, ct);
        await harness.DriveOnlineAsync(awaiting, Domain.Dossiers.DossierStatus.DeskSupplementPending, ct);

        var receipt = await HtmlAsync(owner, received, "01", ct);
        var supplement = await HtmlAsync(owner, awaiting, "02", ct);
        using var otherReceipt = await other.GetAsync($"/api/v1/dossiers/{received}/forms/01", ct);
        using var otherSupplement = await other.GetAsync($"/api/v1/dossiers/{awaiting}/forms/02", ct);
        using var otherDossier = await other.GetAsync($"/api/v1/dossiers/{received}", ct);
        using var controlSheet = await owner.GetAsync($"/api/v1/dossiers/{received}/forms/05", ct);

        Assert.Contains("Nguyễn Văn Bình", receipt, StringComparison.Ordinal);
        Assert.Contains("Bản sao giấy xác nhận cư trú", supplement, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherDossier.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherReceipt.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSupplement.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, controlSheet.StatusCode);
        await using var db = harness.Database.CreateContext();
        Assert.Equal(0, await db.PersonalDataAccessLog.CountAsync(a => a.Purpose.StartsWith(DossierFormsEndpoints.AuditPurposePrefix), ct));
    }

    [Theory, AllDatabases]
    public async Task GetForm_OwnerCitizen_PrintsTheRefusalOfTheirDossier(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await StartAsync(provider, ct);
        var (owner, other, id) = await harness.OwnerAndOtherCitizenAsync(ct);
        var desk = await harness.ClientAsync(Desk, ct);
        await FireStepsAsync(id, 1, ct, (desk, "RefuseAtReceipt", new { reason = "Thủ tục không thuộc thẩm quyền của xã" }));

        var refusal = await HtmlAsync(owner, id, "03", ct);
        using var foreign = await other.GetAsync($"/api/v1/dossiers/{id}/forms/03", ct);

        Assert.Contains("Thủ tục không thuộc thẩm quyền của xã", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static async Task<string> HtmlAsync(HttpClient client, Guid id, string form, CancellationToken ct)
    {
        using var response = await client.GetAsync($"/api/v1/dossiers/{id}/forms/{form}", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Form {form}: {text}");
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        return text;
    }
}
