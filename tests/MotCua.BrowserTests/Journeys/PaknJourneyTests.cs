using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Feedback.Pakn;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 9 "done when": a PAKN goes from the portal (no account, no JavaScript) through classification at the
/// desk, review and answer in the department, the head's decision and publication with the personal data removed, and a
/// dissatisfied reply by the sender that reopens it.</summary>
public sealed class PaknJourneyTests(Servers servers, Chromium chromium)
{
    private const string Phone = "0968 112 233";

    [Theory, AllDatabases]
    public async Task Pakn_FromThePortal_ToPublication_AndADissatisfiedReplyReopensIt(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        await using var citizen = await Session.StartAsync(server, chromium, javaScript: false);
        var page = citizen.Page;
        var subject = $"Giấy xác nhận cư trú đòi nộp lại nhiều lần {Guid.NewGuid():N}"[..60];

        await citizen.GotoAsync("/Portal/Pakn");
        await citizen.CheckAsync("pakn-public-list");
        await page.Locator("#pakn-send-link").ClickAsync();
        await page.Locator("input[name='Input.Kind'][value=Petition]").CheckAsync();
        await page.Locator("#Input_ReceivingUnitId").SelectOptionAsync(DemoData.UnitId(TuHieu).ToString());
        await page.Locator("#Input_Subject").FillAsync(subject);
        await page.Locator("#Input_Content").FillAsync("Đề nghị không yêu cầu nộp lại giấy xác nhận cư trú vì dữ liệu dân cư đã có trên hệ thống.");
        await page.Locator("#Input_FullName").FillAsync("Vì Văn Sơn");
        await page.Locator("#Input_Address").FillAsync("Bản Cọ, phường Tô Hiệu, Sơn La");
        await citizen.CheckAsync("pakn-send-form");

        // The phone is required (ND 20/2008 Art. 7): the form says so and keeps what was typed.
        await citizen.SubmitAsync(page.Locator("#send-pakn"));
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("điện thoại");
        Assert.Equal(subject, await page.Locator("#Input_Subject").InputValueAsync());
        await citizen.CheckAsync("pakn-send-missing-phone");
        await page.Locator("#Input_Phone").FillAsync(Phone);
        await citizen.SubmitAsync(page.Locator("#send-pakn"));
        await Assertions.Expect(page.Locator("#pakn-sent")).ToBeVisibleAsync();
        var code = (await page.Locator("#pakn-sent .tracking-code").InnerTextAsync()).Trim();
        await citizen.CheckAsync("pakn-sent");

        // The desk classifies it to the Department of Justice.
        await using var desk = await Session.StartAsync(server, chromium);
        await desk.LoginAsync(Desk);
        await desk.GotoAsync("/Work/Pakn");
        await desk.CheckAsync("pakn-work-list");
        await desk.Page.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await desk.Page.WaitForURLAsync("**/Work/Pakn/*");
        var caseUrl = new Uri(desk.Page.Url).AbsolutePath;
        await desk.CheckAsync("pakn-case-received");
        var classify = desk.Page.Locator("#pakn-action-Classify");
        await classify.Locator("input[name='Action.Classification'][value=Regulation]").CheckAsync();
        await classify.Locator("input[name='Action.Categories'][value='2']").CheckAsync();
        await classify.Locator("input[name='Action.Categories'][value='7']").CheckAsync();
        await classify.Locator("select[name='Action.HandlingUnitId']").SelectOptionAsync(DemoData.UnitId(Justice).ToString());
        await Fire(desk, classify);

        // The department reviews and drafts; the head decides and publishes.
        await using var handler = await Session.StartAsync(server, chromium);
        await handler.LoginAsync(Handler);
        await handler.GotoAsync(caseUrl);
        await Fire(handler, handler.Page.Locator("#pakn-action-StartHandling"));
        await Fire(handler, handler.Page.Locator("#pakn-action-RecordReview"));
        var draft = handler.Page.Locator("#pakn-action-DraftAnswer");
        await draft.Locator("select[name='Action.DecisionForm']").SelectOptionAsync("AmendWithinAuthority");
        await draft.Locator("textarea[name='Action.Answer']").FillAsync(
            $"Phường Tô Hiệu sẽ khai thác dữ liệu dân cư thay cho giấy xác nhận cư trú; ông Vì Văn Sơn ({Phone}) được thông báo trực tiếp.");
        await Fire(handler, draft);
        await handler.CheckAsync("pakn-case-drafted");

        await using var head = await Session.StartAsync(server, chromium);
        await head.LoginAsync(Head);
        await head.GotoAsync(caseUrl);
        await Fire(head, head.Page.Locator("#pakn-action-Decide"));
        await Fire(head, head.Page.Locator("#pakn-action-SubmitForPublication"));
        await Fire(head, head.Page.Locator("#pakn-action-Publish"));
        await Assertions.Expect(head.Page.Locator("#pakn-status")).ToHaveTextAsync("Đã công khai kết quả");
        await Assertions.Expect(head.Page.Locator("#pakn-published")).Not.ToContainTextAsync("112 233");
        await head.CheckAsync("pakn-case-published");

        // The sender reads the answer and is not satisfied: the case is reopened.
        await citizen.GotoAsync($"/Portal/Pakn/Track?code={code}");
        await Assertions.Expect(page.Locator("#pakn-answer")).ToContainTextAsync("dữ liệu dân cư");
        await Assertions.Expect(page.Locator("#pakn-answer")).Not.ToContainTextAsync("Vì Văn Sơn");
        await page.Locator("#reply-digits").FillAsync("2233");
        await page.Locator("input[name=Satisfied][value=false]").CheckAsync();
        await page.Locator("#reply-comment").FillAsync("Tổ dân phố vẫn yêu cầu giấy xác nhận cư trú.");
        await citizen.SubmitAsync(page.Locator("#reply-title ~ form button[type=submit]"));
        await Assertions.Expect(page.Locator("#pakn-notice")).ToContainTextAsync("xem xét lại");
        await Assertions.Expect(page.Locator("#pakn-status")).ToHaveTextAsync("Đang xử lý");
        await citizen.CheckAsync("pakn-reopened");

        await handler.GotoAsync(caseUrl);
        await Assertions.Expect(handler.Page.Locator("dl.details")).ToContainTextAsync("đã mở lại 1 lần");
        await Assertions.Expect(handler.Page.Locator("#pakn-action-DraftAnswer")).ToBeVisibleAsync();
        await handler.CheckAsync("pakn-case-reopened");

        await using var db = server.CreateContext();
        var stored = await db.PaknCases.AsNoTracking().SingleAsync(c => c.Subject == subject, TestContext.Current.CancellationToken);
        Assert.Equal((PaknStatus.InProgress, 1, PaknChannel.Portal), (stored.Status, stored.ReopenCount, stored.Channel));
    }

    private static async Task Fire(Session officer, ILocator form)
    {
        var trigger = await form.Locator("input[name='Action.Trigger']").GetAttributeAsync("value");
        await officer.SubmitAsync(form.Locator("button[type=submit]"));
        Assert.True(await officer.Page.Locator("#pakn-done").CountAsync() == 1, $"{trigger} not done: " + await officer.ErrorsShownAsync());
    }
}
