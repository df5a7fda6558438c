using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Feedback;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 9 "done when": a citizen rates a returned dossier through the QR page on a 360-px phone without
/// JavaScript; the dislike opens a follow-up that the agency head closes on the follow-up page, without ever seeing who
/// rated.</summary>
public sealed class RatingJourneyTests(Servers servers, Chromium chromium)
{
    [Theory, AllDatabases]
    public async Task Citizen_RatesThroughTheQrPage_OnAPhone_AndTheHeadClosesTheFollowUp(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var returned = await ReturnedDossiers.CreateAsync(server, chromium, "Lường Thị Mai", "qr");
        var ct = TestContext.Current.CancellationToken;

        // Form 01, the slip the applicant keeps, prints the QR code and the address of the rating page.
        var ratingUrl = $"/Portal/Rate?code={Uri.EscapeDataString(returned.Code)}";
        Assert.Contains(ratingUrl.Replace("&", "&amp;", StringComparison.Ordinal), returned.Form01, StringComparison.Ordinal);

        await using var phone = await Session.StartAsync(server, chromium, javaScript: false, width: 360);
        var page = phone.Page;
        Assert.Equal(200, await phone.GotoAsync(ratingUrl));
        await Assertions.Expect(page.Locator("main dl")).ToContainTextAsync(returned.Code);
        await phone.CheckAsync("rating-qr-sheet");

        // Wrong digits: the same words as an unknown code, nothing saved.
        await page.Locator("#Digits").FillAsync(returned.Digits == "0000" ? "1111" : "0000");
        await page.Locator("input[name='Rating.Overall'][value='2']").CheckAsync();
        await phone.SubmitAsync(page.Locator("main form button[type=submit]"));
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("không khớp");
        await phone.CheckAsync("rating-qr-wrong-digits");

        // The right digits and a dissatisfied answer, with a comment typed on the phone.
        await page.Locator("#Digits").FillAsync(returned.Digits);
        await page.Locator("input[name='Rating.Overall'][value='2']").CheckAsync();
        await page.Locator("input[name='Rating.StaffAttitude'][value='2']").CheckAsync();
        await page.Locator("input[name='Rating.TimesContacted']").FillAsync("3");
        await page.Locator("input[name='Rating.UnofficialCost'][value='no']").CheckAsync();
        await page.Locator("textarea[name='Rating.Comment']").FillAsync("Phải đi lại ba lần, cán bộ không hướng dẫn rõ.");
        await phone.SubmitAsync(page.Locator("main form button[type=submit]"));
        await Assertions.Expect(page.Locator("#rate-done")).ToContainTextAsync("Cảm ơn");
        await Assertions.Expect(page.Locator("#rate-done")).ToContainTextAsync("Lãnh đạo cơ quan giải quyết sẽ xem xét");
        await phone.CheckAsync("rating-qr-done");

        // Once per dossier: the same page again says so.
        await phone.GotoAsync(ratingUrl);
        await page.Locator("#Digits").FillAsync(returned.Digits);
        await page.Locator("input[name='Rating.Overall'][value='5']").CheckAsync();
        await phone.SubmitAsync(page.Locator("main form button[type=submit]"));
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("đã được đánh giá");

        // The head sees the follow-up with the answers and the dossier, never the rater; a one-word answer is refused.
        await using var head = await Session.StartAsync(server, chromium);
        await head.LoginAsync(Head);
        await head.GotoAsync("/Work/FollowUps");
        var card = head.Page.Locator("section.followup").Filter(new() { HasText = returned.Code });
        await Assertions.Expect(card).ToContainTextAsync("Phải đi lại ba lần");
        await Assertions.Expect(card).ToContainTextAsync("Không hài lòng");
        await Assertions.Expect(card).Not.ToContainTextAsync("Lường Thị Mai");
        await head.CheckAsync("rating-followups-open");
        await card.Locator("textarea[name=Resolution]").FillAsync("Xong");
        await head.SubmitAsync(card.Locator("button[type=submit]"));
        card = head.Page.Locator("section.followup").Filter(new() { HasText = returned.Code });
        await Assertions.Expect(card.Locator(".field-error")).ToContainTextAsync("ít nhất 10 ký tự");
        await head.CheckAsync("rating-followups-error");

        const string resolution = "Đã họp rút kinh nghiệm với cán bộ tiếp nhận, gọi điện xin lỗi người dân.";
        await card.Locator("textarea[name=Resolution]").FillAsync(resolution);
        await head.SubmitAsync(card.Locator("button[type=submit]"));
        await Assertions.Expect(head.Page.Locator("#followup-notice")).ToContainTextAsync(returned.Code);
        Assert.Equal(0, await head.Page.Locator("section.followup").Filter(new() { HasText = returned.Code }).CountAsync());
        await head.GotoAsync("/Work/FollowUps?closed=true");
        await Assertions.Expect(head.Page.Locator("section.followup").Filter(new() { HasText = returned.Code })).ToContainTextAsync(resolution);
        await head.CheckAsync("rating-followups-closed");

        await using var db = server.CreateContext();
        var rating = await db.SatisfactionRatings.AsNoTracking().SingleAsync(r => r.DossierId == returned.Id, ct);
        Assert.Equal((RatingChannel.PublicCode, Satisfaction.Dissatisfied, (Guid?)null), (rating.Channel, rating.Overall, rating.RecordedById));
        var followUp = await db.RatingFollowUps.AsNoTracking().SingleAsync(f => f.RatingId == rating.Id, ct);
        Assert.Equal(resolution, followUp.Resolution);
    }
}
