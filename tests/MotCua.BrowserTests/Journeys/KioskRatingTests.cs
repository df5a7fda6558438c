using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Feedback;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 9 §1, the counter channel: after handing the result over, the desk officer opens the rating sheet on
/// the counter screen; the applicant answers; the screen clears for the next person, and the dossier page no longer offers
/// it. A separate class from <see cref="RatingJourneyTests"/> so the two run in parallel.</summary>
public sealed class KioskRatingTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task Desk_OpensTheKioskSheet_AndTheApplicantRates(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var returned = await ReturnedDossiers.CreateAsync(server, chromium, "Quàng Văn Thành", "kiosk");
        var ct = TestContext.Current.CancellationToken;

        await using var desk = await Session.StartAsync(server, chromium);
        await desk.LoginAsync(ProvincialDesk);
        await desk.GotoAsync($"/Desk/Dossier/{returned.Id}");
        await desk.Page.Locator($"a[href='/Desk/Rate/{returned.Id}']").ClickAsync();
        await desk.Page.WaitForURLAsync($"**/Desk/Rate/{returned.Id}");
        await desk.CheckAsync("rating-kiosk-sheet");

        // Submitting without the required answer says what is missing, in Vietnamese.
        await desk.SubmitAsync(desk.Page.Locator("main form button[type=submit]"));
        await Assertions.Expect(desk.Page.Locator(".error-summary")).ToContainTextAsync("Chọn mức hài lòng chung");
        await desk.CheckAsync("rating-kiosk-missing");

        await desk.Page.Locator("input[name='Rating.Overall'][value='5']").CheckAsync();
        await desk.Page.Locator("input[name='Rating.StaffAttitude'][value='4']").CheckAsync();
        await desk.Page.Locator("input[name='Rating.AgenciesContacted']").FillAsync("0");
        await desk.SubmitAsync(desk.Page.Locator("main form button[type=submit]"));
        await Assertions.Expect(desk.Page.Locator("#rate-done")).ToContainTextAsync("Cảm ơn");
        Assert.Equal(0, await desk.Page.Locator("textarea[name='Rating.Comment']").CountAsync());
        await desk.CheckAsync("rating-kiosk-done");

        await desk.GotoAsync($"/Desk/Dossier/{returned.Id}");
        Assert.Equal(0, await desk.Page.Locator($"a[href='/Desk/Rate/{returned.Id}']").CountAsync());

        await using var db = server.CreateContext();
        var rating = await db.SatisfactionRatings.AsNoTracking().SingleAsync(r => r.DossierId == returned.Id, ct);
        Assert.Equal((RatingChannel.Kiosk, Satisfaction.VerySatisfied, (Guid?)DemoData.UserId(ProvincialDesk)), (rating.Channel, rating.Overall, rating.RecordedById));
        Assert.False(await db.RatingFollowUps.AnyAsync(f => f.RatingId == rating.Id, ct));
    }
}
