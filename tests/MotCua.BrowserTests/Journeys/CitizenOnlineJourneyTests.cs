using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Journey (a) of issue 8 §6: a citizen registers and submits online through the portal (a draft saved midway),
/// the desk asks once for completion, the citizen uploads and resubmits on the owner page, the desk accepts and
/// transfers, the head assigns, the handler appraises and submits, the head approves, the desk returns the result; the
/// citizen sees each step and rates the dossier. One browser session per person; the citizen's without JavaScript.</summary>
public sealed partial class CitizenOnlineJourneyTests(Servers servers, Chromium chromium)
{
    /// <summary>Cấp Phiếu lý lịch tư pháp: province level, online submission allowed, settled by the Justice department.</summary>
    private const string ProcedureCode = "LOCAL.LLTP-01";
    private const string TuHieu = "000.00.41.H56";
    private const string Justice = "000.00.03.H56";
    private const string Password = "CongDan2026x";
    private const string MissingItem = "Bản sao căn cước công dân còn hiệu lực";

    [Theory, AllDatabases]
    public async Task Citizen_SubmitsOnline_CompletesOnce_AndGetsTheResult(DatabaseProvider provider)
    {
        await using var citizen = await Session.StartAsync(servers, chromium, provider, javaScript: false);
        var page = citizen.Page;
        var email = $"congdan.{Guid.NewGuid():N}@example.vn";

        // Register, then find the procedure and follow its online-submission link.
        await citizen.GotoAsync("/Account/Register");
        await page.Locator("#Input_FullName").FillAsync("Đinh Thị Lan");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/Portal/MyDossiers");
        await citizen.GotoAsync($"/Procedures/{ProcedureCode}");
        await page.Locator("#submit-online").ClickAsync();
        await page.WaitForURLAsync("**/Portal/Submit?procedure=*");
        Assert.Equal("Đinh Thị Lan", await page.Locator("#Input_FullName").InputValueAsync());
        await citizen.CheckAsync("journey-a-submit-form");

        // A draft midway: some fields and the first document, then back to the form later.
        await page.Locator("#Input_IdentityNumber").FillAsync("034195006789");
        await page.Locator("#file-0").SetInputFilesAsync(Pdf("to-khai.pdf"));
        await page.Locator("#save-draft").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Đã lưu nháp");
        await Assertions.Expect(page.Locator("#kept-0")).ToContainTextAsync("to-khai.pdf");
        await citizen.CheckAsync("journey-a-submit-draft");
        await citizen.GotoAsync("/Portal/MyDossiers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếp tục" }).ClickAsync();
        Assert.Equal("034195006789", await page.Locator("#Input_IdentityNumber").InputValueAsync());

        await page.Locator("#Input_Phone").FillAsync("0987 111 222");
        await page.Locator("#Input_ReceivingUnitId").SelectOptionAsync(DemoUnit(TuHieu));
        await page.Locator("#Input_CompetentUnitId").SelectOptionAsync(DemoUnit(Justice));
        await page.Locator("#submit-dossier").ClickAsync();
        await page.WaitForURLAsync("**/Portal/Receipt/*");
        await Assertions.Expect(page.Locator("#receipt-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".receipt")).ToContainTextAsync("Phiếu lý lịch tư pháp");
        await citizen.CheckAsync("journey-a-receipt");
        var id = ReceiptId().Match(page.Url).Groups[1].Value;
        var owner = $"/Portal/MyDossiers/{id}";

        // Journey (e), the citizen half: another citizen (the demo account) cannot open this dossier or its receipt;
        // the answer is "not found", so it does not even confirm the code exists.
        await using (var other = await Session.StartAsync(servers, chromium, provider, javaScript: false))
        {
            await other.LoginAsync("congdan@motcua.local");
            foreach (var path in new[] { owner, $"/Portal/Receipt/{id}" })
            {
                Assert.Equal(404, await other.GotoAsync(path));
                Assert.DoesNotContain("Đinh Thị Lan", await other.Page.ContentAsync(), StringComparison.Ordinal);
            }

            await other.CheckAsync("citizen-foreign-dossier");
        }

        // The desk asks once for completion.
        await using var desk = await Session.StartAsync(servers, chromium, provider);
        await desk.LoginAsync("tiepnhan@motcua.local");
        await desk.GotoAsync($"/Desk/Dossier/{id}");
        var request = DeskAction(desk.Page, "RequestDeskSupplement");
        await request.Locator("input[name='Action.Reason']").FillAsync("Thiếu giấy tờ tùy thân");
        await request.Locator("textarea[name='Action.Items']").FillAsync(MissingItem);
        await request.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(DeskAction(desk.Page, "RequestDeskSupplement")).ToHaveCountAsync(0);

        // The citizen sees the request, uploads the missing document and resubmits.
        await citizen.GotoAsync(owner);
        await Assertions.Expect(page.Locator("#supplement-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#owner-status")).ToHaveTextAsync("Chờ bạn bổ sung, hoàn thiện hồ sơ");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(MissingItem);
        await citizen.CheckAsync("journey-a-owner-supplement");
        await page.Locator("#file-0").SetInputFilesAsync(Pdf("cccd.pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp bổ sung" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Đã nộp bổ sung");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("cccd.pdf");
        await citizen.CheckAsync("journey-a-owner-resubmitted");

        // The desk accepts and transfers; the head assigns; the handler appraises and submits; the head approves.
        await desk.GotoAsync($"/Desk/Dossier/{id}");
        await DeskAction(desk.Page, "Accept").Locator("button[type=submit]").ClickAsync();
        await DeskAction(desk.Page, "Transfer").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(DeskAction(desk.Page, "Transfer")).ToHaveCountAsync(0);

        await citizen.GotoAsync(owner);
        await Assertions.Expect(page.Locator("#owner-status")).ToHaveTextAsync("Đang giải quyết");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(TuHieuCode()); // the code given at acceptance

        await using var head = await Session.StartAsync(servers, chromium, provider);
        await head.LoginAsync("lanhdao@motcua.local");
        await head.GotoAsync($"/Work/Dossier/{id}");
        var assign = head.Page.Locator("#action-Assign");
        await assign.Locator("select[name='Input.OfficerId']").SelectOptionAsync(new SelectOptionValue { Label = "Trần Văn Minh" });
        await assign.Locator("button[formaction*='handler=Preview']").ClickAsync();
        await head.Page.Locator("#action-Assign button[formaction*='handler=Fire']").ClickAsync();
        await Assertions.Expect(head.Page.Locator("#action-Assign")).ToHaveCountAsync(0);

        await using var handler = await Session.StartAsync(servers, chromium, provider);
        await handler.LoginAsync("chuyenvien@motcua.local");
        await handler.GotoAsync($"/Work/Dossier/{id}");
        await WorkFireAsync(handler.Page, "StartAppraisal");
        await WorkFireAsync(handler.Page, "SubmitForApproval");

        await head.GotoAsync($"/Work/Dossier/{id}");
        await WorkFireAsync(head.Page, "Approve");

        await citizen.GotoAsync(owner);
        await Assertions.Expect(page.Locator("#owner-status")).ToHaveTextAsync("Có kết quả, chờ trả");

        // The desk returns the result; the citizen sees it on the owner page and in My dossiers.
        await desk.GotoAsync($"/Desk/Dossier/{id}");
        await DeskAction(desk.Page, "ReturnResult").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(DeskAction(desk.Page, "ReturnResult")).ToHaveCountAsync(0);

        await citizen.GotoAsync(owner);
        await Assertions.Expect(page.Locator("#owner-status")).ToHaveTextAsync("Đã trả kết quả");
        Assert.Equal(0, await page.Locator("#withdraw-title").CountAsync());
        await citizen.CheckAsync("journey-a-owner-returned");

        // Issue 9 §1: the owner rates the ended dossier on the portal, once.
        await page.Locator("input[name='Rating.Overall'][value='4']").CheckAsync();
        await citizen.SubmitAsync(page.Locator("#rate-title ~ form button[type=submit]"));
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Cảm ơn Ông/Bà đã đánh giá");
        await Assertions.Expect(page.Locator("#rated-note")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#rate-title").CountAsync());
        await citizen.CheckAsync("journey-a-owner-rated");
        await citizen.GotoAsync("/Portal/MyDossiers");
        await Assertions.Expect(page.Locator("table tbody tr")).ToContainTextAsync("Đã trả kết quả");
        await citizen.GotoAsync("/Portal/Notifications");
        await Assertions.Expect(page.Locator(".notification-list li")).Not.ToHaveCountAsync(0);
        await citizen.CheckAsync("journey-a-notifications");
    }

    private static ILocator DeskAction(IPage page, string trigger) =>
        page.Locator("form.action-form").Filter(new() { Has = page.Locator($"input[name='Action.Trigger'][value='{trigger}']") });

    private static async Task WorkFireAsync(IPage page, string trigger)
    {
        await page.Locator($"#action-{trigger} button[formaction*='handler=Fire']").ClickAsync();
        await Assertions.Expect(page.Locator($"#action-{trigger}")).ToHaveCountAsync(0);
    }

    // Dossier codes carry the receiving unit's identifier code (domain.md: mã hồ sơ).
    private static Regex TuHieuCode() => new(Regex.Escape(TuHieu));

    private static string DemoUnit(string code) => MotCua.Persistence.Seeding.DemoData.UnitId(code).ToString();

    private static FilePayload Pdf(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = Encoding.Latin1.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + new string('x', 1024) + "\n%%EOF\n"),
    };

    [GeneratedRegex("/Portal/Receipt/([0-9a-f-]{36})")]
    private static partial Regex ReceiptId();
}
