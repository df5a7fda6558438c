using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Web.Pages;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 8 §7 (b) and (f): counter dossiers carried through the desk and work pages by three people, on an app
/// whose clock the test moves (a dossier that runs late, a parcel delivered the next day).</summary>
public sealed class CounterJourneyTests(ClockedServers servers, Chromium chromium) : IClassFixture<ClockedServers>
{
    /// <summary>(b) Received at the counter, appraised, then running late: two days before the due date the head issues
    /// the apology (Form 04) with a new date, the result is approved after both dates and returned: the dossier ends late
    /// against its original date (QĐ 766: an apology moves the promise, not the count).</summary>
    [Theory, AllDatabases]
    public async Task CounterDossier_RunsLate_GetsAnApologyAndANewDate_AndEndsLate(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var clock = server.Clock!;
        var procedure = await Catalogue.ProvincialProcedureAsync();
        await using var desk = await Session.StartAsync(server, chromium);
        await using var head = await Session.StartAsync(server, chromium);
        await using var handler = await Session.StartAsync(server, chromium);
        await desk.LoginAsync(ProvincialDesk);
        await head.LoginAsync(Head);
        await handler.LoginAsync(Handler);

        var received = await desk.ReceiveAtCounterAsync(Province, procedure, new Receipt("Điêu Thị Xuân"), "late");
        await desk.DeskActAsync(received.Id, "Transfer");
        await head.AssignToHandlerAsync(received.Id);
        await handler.WorkActAsync(received.Id, "StartAppraisal");
        var due = await AppointmentAsync(server, received.Id);
        Assert.Equal(received.AppointmentShown, Display.Instant(due));

        clock.Advance(due - clock.UtcNow - TimeSpan.FromHours(40));
        await head.LoginAsync(Head);
        var newDate = due.AddDays(7);
        await head.WorkActAsync(received.Id, "IssueApology", async form =>
        {
            await form.Locator("textarea[name='Input.Reason']").FillAsync("Chờ kết quả xác minh của Công an xã");
            await form.Locator("input[name='Input.NewAppointmentAt']").FillAsync(LocalInput(newDate));
            await form.Locator("input[name='Input.SignerName']").FillAsync("Lò Văn Khánh");
        }, shot: "late-apology-consequence");
        await Assertions.Expect(head.Page.Locator("dl.facts").First).ToContainTextAsync(Display.Instant(TruncateToMinute(newDate)));
        var form04 = await head.Page.Context.APIRequest.GetAsync($"/api/v1/dossiers/{received.Id}/forms/04");
        Assert.Equal(200, form04.Status);
        Assert.Contains("Chờ kết quả xác minh của Công an xã", await form04.TextAsync(), StringComparison.Ordinal);

        clock.Advance(newDate - clock.UtcNow + TimeSpan.FromDays(1));
        await handler.LoginAsync(Handler);
        await head.LoginAsync(Head);
        await desk.LoginAsync(ProvincialDesk);
        await handler.WorkActAsync(received.Id, "SubmitForApproval");
        await head.WorkActAsync(received.Id, "Approve");
        await desk.DeskActAsync(received.Id, "ReturnResult");

        await Assertions.Expect(desk.Page.Locator("#timeliness")).ToHaveTextAsync("Quá hạn");
        await desk.CheckAsync("late-returned-desk");
        await head.GotoAsync($"/Work/Dossier/{received.Id}");
        await Assertions.Expect(head.Page.Locator("#timeliness")).ToHaveTextAsync("Quá hạn");
        await Assertions.Expect(head.Page.Locator("section[aria-labelledby=timeline-title]")).ToContainTextAsync("Xin lỗi và hẹn lại ngày trả");
        await head.CheckAsync("late-returned-work");
    }

    /// <summary>(f) A dossier that came by post (QĐ 45/2016) with its result returned by post: received at the desk with
    /// the return address, decided, handed to the carrier with a tracking number, delivered the next day.</summary>
    [Theory, AllDatabases]
    public async Task PostalReceipt_WithPostalReturn_ShipsAndRecordsDelivery(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var procedure = await Catalogue.ProvincialProcedureAsync();
        await using var desk = await Session.StartAsync(server, chromium);
        await using var head = await Session.StartAsync(server, chromium);
        await using var handler = await Session.StartAsync(server, chromium);
        await desk.LoginAsync(ProvincialDesk);
        await head.LoginAsync(Head);
        await handler.LoginAsync(Handler);

        var received = await desk.ReceiveAtCounterAsync(Province, procedure,
            new Receipt("Hà Văn Páo", DossierChannel.Postal, ResultReturnMethod.Postal, "Bản Nà Sài, xã Chiềng Đen, Sơn La"), "postal");
        await Assertions.Expect(desk.Page.Locator("dl.facts").First).ToContainTextAsync("Bản Nà Sài");
        await desk.DeskActAsync(received.Id, "Transfer");
        await head.AssignToHandlerAsync(received.Id);
        await handler.WorkActAsync(received.Id, "StartAppraisal");
        await handler.WorkActAsync(received.Id, "SubmitForApproval");
        await head.WorkActAsync(received.Id, "Approve");
        await desk.DeskActAsync(received.Id, "ReturnResult", async form =>
        {
            await form.Locator("input[name='Action.Carrier']").FillAsync("Bưu điện tỉnh Sơn La");
            await form.Locator("input[name='Action.TrackingNumber']").FillAsync("EMS123456789VN");
        });
        await Assertions.Expect(desk.Page.Locator("section[aria-labelledby=shipment-title]")).ToContainTextAsync("EMS123456789VN");
        await desk.CheckAsync("postal-shipped");

        server.Clock!.Advance(TimeSpan.FromDays(1));
        await desk.LoginAsync(ProvincialDesk);
        var deliveredAt = server.Clock.UtcNow - TimeSpan.FromHours(2);
        await desk.DeskActAsync(received.Id, "RecordDelivery",
            form => form.Locator("input[name='Action.DeliveredAt']").FillAsync(LocalInput(deliveredAt)));

        await Assertions.Expect(desk.Page.Locator("section[aria-labelledby=shipment-title]")).ToContainTextAsync(Display.Instant(TruncateToMinute(deliveredAt)));
        await desk.CheckAsync("postal-delivered");
        await using var db = server.CreateContext();
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == received.Id, TestContext.Current.CancellationToken);
        Assert.Equal((DossierChannel.Postal, ResultReturnMethod.Postal), (dossier.Channel, dossier.ReturnMethod));
        Assert.NotNull(dossier.Shipment?.DeliveredAt);
    }

    private static async Task<DateTime> AppointmentAsync(AppServer server, Guid id)
    {
        await using var db = server.CreateContext();
        return await db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => d.CurrentAppointmentAt!.Value).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static DateTime TruncateToMinute(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
