using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalogue;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Holidays;
using MotCua.Persistence.Seeding;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Journey (d) of issue 8: the administrator adds a holiday on the calendar page; a new counter receipt's appointment
/// moves by a working day, a dossier received before keeps its own.</summary>
/// <remarks>The app runs on the real clock and the holiday changes the calendar every dossier counts with, so this journey
/// has its own <see cref="AppServer"/>: the shared one (<see cref="Servers"/>) never sees the holiday.</remarks>
public sealed partial class CalendarJourneyTests(Chromium chromium)
{
    private const string TuHieu = "000.00.41.H56";

    // "Cấp Giấy xác nhận tình trạng hôn nhân": a commune procedure of 3 working days, received at the counter.
    private const string ProcedureCode = "1.004873";

    [Theory, AllDatabases]
    public async Task Administrator_AddsAHoliday_NewAppointmentMoves_ExistingDossierKeepsItsOwn(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await AppServer.StartAsync(provider, ct);
        var (procedureId, holiday) = await ProcedureAndNextWorkingDayAsync(server, ct);
        var receive = $"/Desk/Receive?unit={DemoData.UnitId(TuHieu)}&channel=InPerson&procedureId={procedureId}";

        await using var desk = await Session.StartAsync(server, chromium);
        await desk.LoginAsync("tiepnhan@motcua.local");
        var before = await PreviewAsync(desk, receive, "Đỗ Thị Lan");
        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận tiếp nhận" }).ClickAsync();
        await desk.Page.WaitForURLAsync("**/Desk/Dossier**");
        var existing = desk.Page.Url;
        Assert.Equal(before, await AppointmentOnDossierAsync(desk));
        Assert.True(holiday <= DateIn(before),
            $"The holiday {holiday} must fall within the existing dossier's time ({before}).");

        await using var admin = await Session.StartAsync(server, chromium);
        await admin.LoginAsync("admin@motcua.local");
        Assert.Equal(200, await admin.GotoAsync($"/Admin/Calendar?year={holiday.Year}"));
        await admin.CheckAsync("admin-calendar");
        await admin.Page.Locator("#Date").FillAsync(holiday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.Page.Locator("#Input_Kind").SelectOptionAsync("Holiday");
        await admin.Page.Locator("#Input_Description").FillAsync("Nghỉ lễ bổ sung (thử nghiệm)");
        await admin.Page.Locator("#Input_Source").FillAsync("Quyết định 1/QĐ-TTg (thử nghiệm)");
        await admin.SubmitAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Lưu ngày" }));
        Assert.True(admin.Page.Url.Contains("done=saved", StringComparison.Ordinal), $"Not saved ({admin.Page.Url}, {admin.LastDocumentStatus}): " + await admin.ErrorsShownAsync());
        var day = admin.Page.Locator($"#day-{holiday:yyyy-MM-dd}");
        await Assertions.Expect(day).ToHaveClassAsync(new Regex("day-Holiday"));
        await Assertions.Expect(admin.Page.Locator("table").Filter(new() { HasText = "Quyết định 1/QĐ-TTg (thử nghiệm)" })).ToHaveCountAsync(1);
        await admin.CheckAsync("admin-calendar-holiday-added");

        // The same receipt now: one working day later. The dossier received before keeps its appointment.
        var after = await PreviewAsync(desk, receive, "Vũ Văn Hải");
        await desk.CheckAsync("desk-preview-after-holiday");
        Assert.Equal(await NextWorkingDayTextAsync(server, before, ct), after);
        await desk.GotoAsync(new Uri(existing).PathAndQuery);
        Assert.Equal(before, await AppointmentOnDossierAsync(desk));
    }

    private static async Task<string> PreviewAsync(Session desk, string receive, string name)
    {
        var page = desk.Page;
        Assert.Equal(200, await desk.GotoAsync(receive));
        await page.Locator("#Input_Applicant_FullName").FillAsync(name);
        await page.Locator("#Input_Applicant_IdentityNumber").FillAsync("034095001234");
        await page.Locator("#Input_Applicant_Phone").FillAsync("0912345678");
        foreach (var box in await page.Locator("input[id^=check-]").AllAsync())
        {
            await box.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Tính ngày hẹn trả" }).ClickAsync();
        var appointment = page.Locator("#appointment b");
        await Assertions.Expect(appointment).ToBeVisibleAsync();
        return (await appointment.InnerTextAsync()).Trim();
    }

    private static async Task<string> AppointmentOnDossierAsync(Session desk) =>
        (await desk.Page.Locator("dl div").Filter(new() { HasText = "Hẹn trả" }).Locator("dd").First.InnerTextAsync()).Trim();

    // The procedure's version in force today, and the first working day after today: within the 3 working days of any
    // receipt made today, before or after the 15:00 cut-off.
    private static async Task<(Guid ProcedureId, DateOnly NextWorkingDay)> ProcedureAndNextWorkingDayAsync(AppServer server, CancellationToken ct)
    {
        await using var db = server.CreateContext();
        var today = VietnamTime.Today(TimeProvider.System);
        var code = new ProcedureCode(ProcedureCode);
        var id = await db.Procedures.Where(p => p.Code == code && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
            .Select(p => p.Id).SingleAsync(ct);
        var calendar = EffectiveCalendar.Build(await HolidayScheduleStore.LoadAsync(db, ct));
        return (id, calendar.Working.NextWorkingDay(today));
    }

    // The same text with its date one working day later (the calendar with the new holiday, read back from the app's database).
    private static async Task<string> NextWorkingDayTextAsync(AppServer server, string appointment, CancellationToken ct)
    {
        await using var db = server.CreateContext();
        var calendar = EffectiveCalendar.Build(await HolidayScheduleStore.LoadAsync(db, ct));
        var next = calendar.Working.NextWorkingDay(DateIn(appointment)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return ShownDate().Replace(appointment, next);
    }

    // The date in an appointment as the pages show it ("17:00 04/12/2026" or "04/12/2026 17:00").
    private static DateOnly DateIn(string appointment) =>
        DateOnly.ParseExact(ShownDate().Match(appointment).Value, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d{2}/\d{2}/\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex ShownDate();
}
