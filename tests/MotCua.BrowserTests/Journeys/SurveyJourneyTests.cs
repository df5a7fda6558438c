using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback.Surveys;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;
using MotCua.Persistence.Seeding;
using static MotCua.BrowserTests.Infrastructure.Officers;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 9 "done when": a SIPAS campaign samples respondents from returned dossiers, an invited citizen answers
/// on a 360-px phone without JavaScript (once), Home Affairs types in a paper ballot, closes the campaign and publishes
/// it, and the unit's index is public with its n and 95 % interval.</summary>
public sealed class SurveyJourneyTests(Servers servers, Chromium chromium)
{
    private const string HomeAffairs = "noivu@motcua.local";
    private const string JusticeName = SurveyForms.JusticeName;

    [Theory, AllDatabases]
    public async Task Campaign_SamplesRespondents_CollectsWebAndPaperBallots_AndPublishesTheUnitsIndex(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        await ReturnedDossiers.CreateAsync(server, chromium, "Hà Thị Lan", "survey");
        var ct = TestContext.Current.CancellationToken;
        var questionnaire = await SeedQuestionnaireAsync(server, ct);
        var today = VietnamTime.Today(TimeProvider.System);

        // Home Affairs creates a province-level campaign: Justice surveyed, 2 respondents, from the published questionnaire.
        await using var homeAffairs = await Session.StartAsync(server, chromium);
        var page = homeAffairs.Page;
        await homeAffairs.LoginAsync(HomeAffairs);
        await homeAffairs.GotoAsync("/Surveys");
        await homeAffairs.CheckAsync("survey-list");
        var name = $"SIPAS {today.Year} các sở – kiểm thử {questionnaire.Code[^6..]}";
        var campaignId = await SurveyForms.NewCampaignAsync(homeAffairs, name, questionnaire.Id, quota: 2, minCellSize: 1, () => homeAffairs.CheckAsync("survey-new"));
        await homeAffairs.CheckAsync("survey-campaign-draft");

        // Sampling: the seed is fixed, the sample drawn, the links shown once for printing; then collection opens.
        await homeAffairs.SubmitAsync(page.Locator("#step-StartSampling button"));
        await Assertions.Expect(page.Locator("#campaign-status")).ToContainTextAsync("Đang chọn mẫu");
        await homeAffairs.SubmitAsync(page.Locator("#sample-form button"));
        await Assertions.Expect(page.Locator("#invitations")).ToBeVisibleAsync();
        await homeAffairs.CheckAsync("survey-sample");
        var lostLink = new Uri((await page.Locator("#invitations .invitation-link").First.InnerTextAsync()).Trim()).PathAndQuery;
        var sampledCode = (await page.Locator("#invitations tbody th[scope=row]").First.InnerTextAsync()).Trim();
        await homeAffairs.SubmitAsync(page.Locator("#step-StartCollecting button"));
        await Assertions.Expect(page.Locator("#campaign-status")).ToContainTextAsync("Đang thu phiếu");

        // The citizen lost the first invitation: a code outside the sample is refused beside the field, then the sampled
        // dossier's code gets a new link and the old one stops working.
        await page.Locator("#reissue-code").FillAsync("000.00.99.H56-261231-9999");
        await homeAffairs.SubmitAsync(page.Locator("#reissue-form button"));
        await Assertions.Expect(page.Locator("#reissue-error")).ToBeVisibleAsync();
        Assert.Equal("true", await page.Locator("#reissue-code").GetAttributeAsync("aria-invalid"));
        await homeAffairs.CheckAsync("survey-reissue-refused");
        await page.Locator("#reissue-code").FillAsync(sampledCode);
        await homeAffairs.SubmitAsync(page.Locator("#reissue-form button"));
        await Assertions.Expect(page.Locator("#reissued dd").First).ToHaveTextAsync(sampledCode);
        var link = new Uri((await page.Locator("#reissued .invitation-link").InnerTextAsync()).Trim()).PathAndQuery;
        Assert.NotEqual(lostLink, link);
        await homeAffairs.CheckAsync("survey-reissued");

        // The invited citizen answers on a phone: a required question left out is named; then the answer is taken once.
        await using var phone = await Session.StartAsync(server, chromium, javaScript: false, width: 360);
        await phone.GotoAsync(lostLink);
        await Assertions.Expect(phone.Page.Locator("#survey-unavailable")).ToBeVisibleAsync();
        Assert.Equal(200, await phone.GotoAsync(link));
        await Assertions.Expect(phone.Page.Locator("main dl")).ToContainTextAsync(JusticeName);
        await phone.CheckAsync("survey-phone-form");
        await phone.Page.Locator("input[name='Survey.Answers[TT1]'][value='4']").CheckAsync();
        await phone.SubmitAsync(phone.Page.Locator("main form[method=post] button[type=submit]"));
        await Assertions.Expect(phone.Page.Locator(".error-summary")).ToContainTextAsync("CC1");
        await phone.CheckAsync("survey-phone-missing");
        await phone.Page.Locator("input[name='Survey.Answers[CC1]'][value='5']").CheckAsync();
        await phone.Page.Locator("input[name='Survey.Answers[HL]'][value='4']").CheckAsync();
        await phone.Page.Locator("textarea[name='Survey.Answers[GY]']").FillAsync("Cán bộ hướng dẫn tận tình, thời gian chờ ngắn.");
        await phone.Page.Locator("input[name='Survey.Gender'][value='Female']").CheckAsync();
        await phone.SubmitAsync(phone.Page.Locator("main form[method=post] button[type=submit]"));
        await Assertions.Expect(phone.Page.Locator("#survey-done")).ToContainTextAsync("Cảm ơn");
        await phone.CheckAsync("survey-phone-done");
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.Page.Locator("#survey-unavailable")).ToContainTextAsync("đã được gửi");
        await phone.CheckAsync("survey-phone-used");

        // A paper ballot for the unit, typed in by Home Affairs: the unit reaches its sample size.
        await homeAffairs.GotoAsync($"/Surveys/Ballot/{campaignId}");
        await page.Locator("#UnitId").SelectOptionAsync(DemoData.UnitId(Justice).ToString());
        await page.Locator("input[name='Survey.Answers[TT1]'][value='5']").CheckAsync();
        await page.Locator("input[name='Survey.Answers[CC1]'][value='2']").CheckAsync();
        await page.Locator("input[name='Survey.Answers[HL]'][value='3']").CheckAsync();
        await homeAffairs.CheckAsync("survey-ballot");
        await homeAffairs.SubmitAsync(page.Locator("main form[method=post] button[type=submit]"));
        await Assertions.Expect(page.Locator("#ballot-notice")).ToContainTextAsync("2/2");
        Assert.False(await page.Locator("input[name='Survey.Answers[TT1]']:checked").IsVisibleAsync());
        await homeAffairs.CheckAsync("survey-ballot-entered");

        // Closed and published: the unit's index is public, with n and the interval.
        await homeAffairs.GotoAsync($"/Surveys/Campaign/{campaignId}");
        await homeAffairs.SubmitAsync(page.Locator("#step-Close button"));
        await Assertions.Expect(page.Locator("#campaign-status")).ToContainTextAsync("Đã kết thúc");
        await homeAffairs.GotoAsync($"/Surveys/Results/{campaignId}");
        await homeAffairs.CheckAsync("survey-results");
        await homeAffairs.GotoAsync($"/Surveys/Campaign/{campaignId}");
        await homeAffairs.SubmitAsync(page.Locator("#step-Publish button"));
        await Assertions.Expect(page.Locator("#campaign-status")).ToContainTextAsync("Đã công bố");

        await phone.GotoAsync("/Portal/SurveyResults");
        await phone.Page.Locator($"a[href='/Portal/SurveyResults/{campaignId}']").ClickAsync();
        await phone.Page.WaitForURLAsync($"**/Portal/SurveyResults/{campaignId}");
        // Procedure 2 of 2 satisfied, civil servant 1 of 2: the mean of the factors is 75 %.
        var justice = phone.Page.Locator("#results-overall tr", new() { HasText = JusticeName }).Locator("td");
        await Assertions.Expect(justice.Locator(".figure")).ToHaveTextAsync("75,00 %");
        await Assertions.Expect(justice).ToContainTextAsync("n = 2; khoảng tin cậy 95 %: 21,85 % – 95,27 %");
        await phone.CheckAsync("survey-public-results");

        await using var db = server.CreateContext();
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync(ct);
        Assert.Equal([ResponseChannel.Web, ResponseChannel.Paper], responses.Select(r => r.Channel).Order());
        var audit = await db.AdminAudit.AsNoTracking().Where(a => a.TargetId == campaignId && a.Action == "survey.paper_ballot").SingleAsync(ct);
        Assert.Equal((DemoData.UserId(HomeAffairs), DemoData.UnitId(Justice)), (audit.ActorUserId, audit.UnitId));
        Assert.DoesNotContain(responses, r => audit.Detail.Contains(r.Id.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A published questionnaire with a fresh code (questionnaires are written through the API; the pages use them).</summary>
    private static async Task<Questionnaire> SeedQuestionnaireAsync(AppServer server, CancellationToken ct)
    {
        var now = DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var content = new QuestionnaireContent(
            "Phiếu khảo sát sự hài lòng về sự phục vụ hành chính", "QĐ 1001/QĐ-BNV",
            [
                new("TT1", SurveyFactor.Procedure, QuestionKind.Satisfaction, "Ông/Bà hài lòng về thủ tục hành chính.", AnswerFormat.Likert5, 1),
                new("TT2", SurveyFactor.Procedure, QuestionKind.Satisfaction, "Ông/Bà hài lòng về phí, lệ phí.", AnswerFormat.Likert5, 2, Required: false),
                new("CC1", SurveyFactor.CivilServant, QuestionKind.Satisfaction, "Ông/Bà hài lòng về công chức giải quyết hồ sơ.", AnswerFormat.Likert5, 3),
                new("HL", SurveyFactor.Overall, QuestionKind.Overall, "Nhìn chung, Ông/Bà hài lòng về sự phục vụ.", AnswerFormat.Likert5, 4),
                new("MD1", SurveyFactor.Overall, QuestionKind.Expectation, "Cơ quan cần ưu tiên cải thiện nội dung nào?", AnswerFormat.SingleChoice, 5,
                    Required: false, Options: ["Thái độ phục vụ", "Thời gian giải quyết", "Công khai thông tin"]),
                new("GY", SurveyFactor.Overall, QuestionKind.Expectation, "Góp ý khác của Ông/Bà.", AnswerFormat.FreeText, 6, Required: false),
            ],
            [DemographicItem.AgeBand, DemographicItem.Gender]);
        var questionnaire = Questionnaire.CreateDraft(Guid.NewGuid(), $"SIPAS-BT-{Guid.NewGuid():N}"[..20].ToUpperInvariant(), content, now).Value;
        Assert.True(questionnaire.Publish(now).IsSuccess);
        await using var db = server.CreateContext();
        db.SurveyQuestionnaires.Add(questionnaire);
        await db.SaveChangesAsync(ct);
        return questionnaire;
    }
}
