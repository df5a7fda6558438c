using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.BrowserTests.Infrastructure;
using MotCua.Domain.Feedback.Surveys;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Persistence;

namespace MotCua.BrowserTests.Journeys;

/// <summary>Issue 9 §5, the questionnaire editor, without JavaScript: Home Affairs writes a questionnaire, adds questions
/// one at a time (each "add" keeps what was typed), is told in Vietnamese what is wrong with a question (the form kept),
/// saves the draft, publishes it, and uses it in a new campaign.</summary>
public sealed class QuestionnaireEditorJourneyTests(Servers servers, Chromium chromium)
{
    private const string HomeAffairs = "noivu@motcua.local";

    [Theory, AllDatabases]
    public async Task HomeAffairs_WritesAQuestionnaire_PublishesIt_AndUsesItInANewCampaign(DatabaseProvider provider)
    {
        var server = await servers.ForAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var code = $"SIPAS-ED-{Guid.NewGuid():N}"[..18].ToUpperInvariant();
        await using var session = await Session.StartAsync(server, chromium, javaScript: false);
        var page = session.Page;
        await session.LoginAsync(HomeAffairs);

        await session.GotoAsync("/Surveys");
        await page.Locator("#surveys-nav a[href='/Surveys/Questionnaires']").ClickAsync();
        await page.WaitForURLAsync("**/Surveys/Questionnaires");
        await session.CheckAsync("questionnaire-list");
        await page.Locator("#new-questionnaire").ClickAsync();
        await page.WaitForURLAsync("**/Surveys/Questionnaire");

        // The first question, then "add" twice: what was typed stays.
        await page.Locator("#Input_Code").FillAsync(code);
        await page.Locator("#Input_Title").FillAsync("Phiếu khảo sát sự hài lòng của người dân, tổ chức năm 2026");
        await page.Locator("#Input_MethodDecision").FillAsync("QĐ 1001/QĐ-BNV");
        await FillAsync(page, 0, "TC1", "AccessToService", "Satisfaction", "Likert5", "Ông/Bà hài lòng về nơi tiếp nhận hồ sơ?");
        await session.CheckAsync("questionnaire-new");
        await session.SubmitAsync(page.Locator("#add-question"));
        Assert.Equal("TC1", await page.Locator("#q0-code").InputValueAsync());
        await FillAsync(page, 1, "HL", "Overall", "Overall", "Likert5", "Nhìn chung, Ông/Bà hài lòng về sự phục vụ?");
        await session.SubmitAsync(page.Locator("#add-question"));
        await FillAsync(page, 2, "MD1", "Overall", "Expectation", "SingleChoice", "Cơ quan cần ưu tiên cải thiện nội dung nào?");

        // A single-choice question without options: the row says so, the form is kept.
        await session.SubmitAsync(page.Locator("#save-questionnaire"));
        await Assertions.Expect(page.Locator("#q2 .field-error:not(:empty)")).ToContainTextAsync("từ 2 đến 20 phương án");
        Assert.Equal("Nhìn chung, Ông/Bà hài lòng về sự phục vụ?", await page.Locator("#q1-text").InputValueAsync());
        await session.CheckAsync("questionnaire-error");
        await page.Locator("#q2-options").FillAsync("Thái độ phục vụ\nThời gian giải quyết\nCông khai thông tin");
        await page.Locator("#q2-required").UncheckAsync();
        await session.SubmitAsync(page.Locator("#save-questionnaire"));
        Assert.True(page.Url.Contains("done=Saved", StringComparison.Ordinal), "Not saved: " + await session.ErrorsShownAsync());
        await Assertions.Expect(page.Locator("#questionnaire-status")).ToContainTextAsync("Dự thảo");
        await session.CheckAsync("questionnaire-draft");

        await session.SubmitAsync(page.Locator("#publish-form button"));
        await Assertions.Expect(page.Locator("#questionnaire-status")).ToContainTextAsync("Đã công bố");
        await Assertions.Expect(page.Locator("#questions")).ToContainTextAsync("Thời gian giải quyết");
        await session.CheckAsync("questionnaire-published");
        var questionnaireId = Guid.Parse(new Uri(page.Url).Segments[^1].TrimEnd('/'));

        // The published version is offered for a new campaign.
        await SurveyForms.NewCampaignAsync(session, $"SIPAS 2026 – bộ câu hỏi {code}", questionnaireId, quota: 3);
        await Assertions.Expect(page.Locator("dl.details")).ToContainTextAsync($"{code} v1");

        await using var db = server.CreateContext();
        var stored = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(q => q.Id == questionnaireId, ct);
        Assert.Equal((QuestionnaireStatus.Published, 3), (stored.Status, stored.Questions.Count));
        Assert.Equal([SurveyFactor.AccessToService], stored.MeasuredFactors);
        Assert.False(stored.Find("MD1")!.Required);
        Assert.Equal(1, await db.SurveyCampaigns.CountAsync(c => c.QuestionnaireId == questionnaireId, ct));
    }

    private static async Task FillAsync(IPage page, int row, string code, string factor, string kind, string format, string text)
    {
        await page.Locator($"#q{row}-code").FillAsync(code);
        await page.Locator($"#q{row}-factor").SelectOptionAsync(factor);
        await page.Locator($"#q{row}-kind").SelectOptionAsync(kind);
        await page.Locator($"#q{row}-format").SelectOptionAsync(format);
        await page.Locator($"#q{row}-text").FillAsync(text);
    }
}
